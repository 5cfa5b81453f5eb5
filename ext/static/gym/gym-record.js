/*
 * gym-record.js: the listening gym's area ("gym") of the learner's record (CourseStore), and
 * its validator. Loaded by every drill page, the gym's index and the progress page.
 *
 *   { "drills": { "<kind>": { "level": <int >= 0: the highest level passed>,
 *                             "levels": <int >= 1: how many levels the drill has>,
 *                             "title": "<drill title>", "page": "<docname of the drill page>",
 *                             "threshold": <dB, optional: the last level-difference threshold>,
 *                             "best": <0..1, optional: the best score of the current level>,
 *                             "updated": "<ISO 8601, optional>" } } }
 *
 * Classic script, UMD: window.CourseGymRecord in a browser, require() in Node.
 */
(function (root, factory) {
  "use strict";
  var api = factory();
  if (typeof module === "object" && module.exports) {
    module.exports = api;
  } else {
    root.CourseGymRecord = api;
    if (root.CourseStore) {
      api.define(root.CourseStore);
    }
  }
})(typeof self !== "undefined" ? self : this, function () {
  "use strict";

  var AREA = "gym";
  var KIND_RE = /^[a-z][a-z0-9-]{0,39}$/;
  var DOC_RE = /^[A-Za-z0-9_][A-Za-z0-9_./-]{0,199}$/;

  function isObject(x) {
    return x !== null && typeof x === "object" && !Array.isArray(x);
  }

  function isCount(x) {
    return typeof x === "number" && x % 1 === 0 && x >= 0 && x < 1000;
  }

  function empty() {
    return { drills: {} };
  }

  /** null when value is a good "gym" area, else a sentence naming the first problem. */
  function validate(value) {
    if (!isObject(value)) {
      return "it is not an object";
    }
    if (!isObject(value.drills)) {
      return "it has no \"drills\" object";
    }
    var kinds = Object.keys(value.drills);
    for (var i = 0; i < kinds.length; i++) {
      var k = kinds[i], d = value.drills[k], at = "drill " + JSON.stringify(k);
      if (!KIND_RE.test(k)) {
        return at + " is not a drill kind";
      }
      if (!isObject(d)) {
        return at + " is not an object";
      }
      if (!isCount(d.levels) || d.levels < 1) {
        return at + ": \"levels\" is not a whole number of levels";
      }
      if (!isCount(d.level) || d.level > d.levels) {
        return at + ": \"level\" is not a whole number from 0 to " + d.levels;
      }
      if (typeof d.title !== "string" || !d.title || d.title.length > 200) {
        return at + ": \"title\" is not a short text";
      }
      if (typeof d.page !== "string" || !DOC_RE.test(d.page) || d.page.indexOf("..") >= 0) {
        return at + ": \"page\" is not a page name";
      }
      if (d.threshold !== undefined && d.threshold !== null &&
          !(typeof d.threshold === "number" && isFinite(d.threshold) && d.threshold >= 0 &&
            d.threshold <= 60)) {
        return at + ": \"threshold\" is not a level in dB from 0 to 60";
      }
      if (d.best !== undefined && !(typeof d.best === "number" && d.best >= 0 && d.best <= 1)) {
        return at + ": \"best\" is not a score from 0 to 1";
      }
      if (d.updated !== undefined && (typeof d.updated !== "string" || d.updated.length > 40)) {
        return at + ": \"updated\" is not a date";
      }
    }
    return null;
  }

  /** Register the area with a store (CourseStore); returns the store. */
  function define(store) {
    if (!store.gymDefined) {
      store.defineArea(AREA, validate, empty());
      store.gymDefined = true;
    }
    return store;
  }

  return { AREA: AREA, empty: empty, validate: validate, define: define };
});
