/*
 * course-store.js: the learner's record, in this browser only (localStorage), shared by the
 * quizzes, the progress page, the review queue and the listening gym. Nothing is sent anywhere.
 *
 * One record, one key ("course-learner"), one format:
 *
 *   { "format": "open-audio-course-progress", "version": 1, "updated": "<ISO 8601>",
 *     "areas": { "<area>": <JSON object>, ... } }
 *
 * Each tool owns one area ("quiz", "lessons", "review", "gym", ...) and registers a
 * validator for it (CourseStore.defineArea). Reading never throws and never destroys data:
 *  - a stored record that cannot be read (not JSON, wrong shape, an area that fails its
 *    validator) is copied to "course-learner:damaged" before anything new is written, and
 *    problem() returns a sentence that says so;
 *  - a record from a newer version of the course is kept as it is and not written over
 *    (read-only until the learner resets or imports);
 *  - an import file is validated completely before anything is changed; on any problem,
 *    importJson() returns {ok: false, message} and the existing progress is untouched.
 *
 * A classic script (works from file://); in Node, require() returns the factory's result with
 * an in-memory storage for the tests (CourseStore.create(storage)).
 */
(function (root, factory) {
  "use strict";
  var api = factory();
  if (typeof module === "object" && module.exports) {
    module.exports = api;
  } else {
    root.CourseStore = api.create(api.browserStorage());
  }
})(typeof self !== "undefined" ? self : this, function () {
  "use strict";

  var FORMAT = "open-audio-course-progress";
  var VERSION = 1;
  var KEY = "course-learner";
  var DAMAGED_KEY = "course-learner:damaged";

  function isObject(x) {
    return x !== null && typeof x === "object" && !Array.isArray(x);
  }

  /** localStorage, or null when the browser refuses it (private mode, disabled storage). */
  function browserStorage() {
    try {
      var s = window.localStorage;
      var probe = "course-store-probe";
      s.setItem(probe, "1");
      s.removeItem(probe);
      return s;
    } catch (e) {
      return null;
    }
  }

  /** An in-memory stand-in with the localStorage interface (tests, or storage refused). */
  function memoryStorage(initial) {
    var data = Object.assign({}, initial || {});
    return {
      getItem: function (k) {
        return Object.prototype.hasOwnProperty.call(data, k) ? data[k] : null;
      },
      setItem: function (k, v) {
        data[k] = String(v);
      },
      removeItem: function (k) {
        delete data[k];
      },
      dump: function () {
        return Object.assign({}, data);
      },
    };
  }

  /**
   * Check a whole record; returns null when it is good, or a sentence naming the first
   * problem ("areas.quiz: ..."). validators maps an area name to function(value) → null or a
   * problem. Unknown areas are kept as they are (a newer tool's data is not ours to drop).
   */
  function checkRecord(rec, validators) {
    if (!isObject(rec)) {
      return "it is not a JSON object";
    }
    if (rec.format !== FORMAT) {
      return "its \"format\" is " + JSON.stringify(rec.format) + ", not \"" + FORMAT + "\"";
    }
    if (typeof rec.version !== "number" || rec.version % 1 !== 0 || rec.version < 1) {
      return "its \"version\" is not a whole number";
    }
    if (rec.version > VERSION) {
      return "newer";
    }
    if (!isObject(rec.areas)) {
      return "it has no \"areas\" object";
    }
    var names = Object.keys(validators);
    for (var i = 0; i < names.length; i++) {
      var name = names[i];
      if (Object.prototype.hasOwnProperty.call(rec.areas, name)) {
        var why = validators[name](rec.areas[name]);
        if (why) {
          return "areas." + name + ": " + why;
        }
      }
    }
    return null;
  }

  function emptyRecord() {
    return { format: FORMAT, version: VERSION, updated: null, areas: {} };
  }

  /** A store over storage (localStorage, memoryStorage(), or null: memory for this visit). */
  function create(storage) {
    var store = storage || memoryStorage();
    var validators = {};
    var listeners = [];
    var record = null;
    var problem = null; // a sentence for the learner, or null
    var readOnly = false;

    function readRaw() {
      try {
        return store.getItem(KEY);
      } catch (e) {
        return null;
      }
    }

    function load() {
      if (record) {
        return record;
      }
      var raw = readRaw();
      record = emptyRecord();
      problem = null;
      readOnly = false;
      if (raw === null || raw === undefined || raw === "") {
        return record;
      }
      var parsed;
      try {
        parsed = JSON.parse(raw);
      } catch (e) {
        keepDamaged(raw, "it is not valid JSON");
        return record;
      }
      var why = checkRecord(parsed, validators);
      if (why === "newer") {
        record = parsed;
        readOnly = true;
        problem = "Your saved progress was written by a newer version of this course (format " +
          "version " + parsed.version + "; this page reads version " + VERSION + "). It is " +
          "kept unchanged; this page will not save over it. Open the newer course, or use " +
          "Reset on the progress page to start again here.";
        return record;
      }
      if (why) {
        keepDamaged(raw, why);
        return record;
      }
      record = parsed;
      return record;
    }

    function keepDamaged(raw, why) {
      try {
        if (store.getItem(DAMAGED_KEY) === null) {
          store.setItem(DAMAGED_KEY, raw);
        }
      } catch (e) { /* nothing more we can do; the raw text stays under KEY until a save */ }
      problem = "Your saved progress could not be read (" + why + "). A copy of it is kept " +
        "in this browser as \"" + DAMAGED_KEY + "\"; download it from the progress page. " +
        "New progress is saved from now on.";
    }

    function save() {
      if (readOnly) {
        return false;
      }
      record.updated = new Date().toISOString();
      try {
        store.setItem(KEY, JSON.stringify(record));
      } catch (e) {
        problem = "This browser would not save your progress (storage is full or disabled). " +
          "It holds for this visit only.";
        return false;
      }
      listeners.forEach(function (fn) {
        try {
          fn(record);
        } catch (e) { /* a listener's bug must not stop saving */ }
      });
      return true;
    }

    return {
      FORMAT: FORMAT,
      VERSION: VERSION,
      KEY: KEY,
      DAMAGED_KEY: DAMAGED_KEY,

      /**
       * Register an area: name, validator(value) → null or a problem sentence, and the
       * empty value. Call before the first get(). Returns the store.
       */
      defineArea: function (name, validator, empty) {
        validators[name] = validator || function () {
          return null;
        };
        validators[name].empty = empty;
        if (record && !problem) {
          // Defined late: check the area now; a bad area is kept as damaged, not dropped.
          var why = record.areas[name] !== undefined ? validators[name](record.areas[name]) : null;
          if (why) {
            keepDamaged(JSON.stringify(record), "areas." + name + ": " + why);
            delete record.areas[name];
          }
        }
        return this;
      },

      /** A copy of an area's value (its empty value when there is none). */
      get: function (name) {
        var rec = load();
        var v = rec.areas[name];
        if (v === undefined) {
          var empty = validators[name] && validators[name].empty;
          return empty === undefined ? {} : JSON.parse(JSON.stringify(empty));
        }
        return JSON.parse(JSON.stringify(v));
      },

      /** Replace an area's value and save; returns false when nothing could be saved. */
      set: function (name, value) {
        load();
        var check = validators[name];
        var why = check ? check(value) : null;
        if (why) {
          throw new Error("CourseStore.set(" + name + "): " + why);
        }
        record.areas[name] = JSON.parse(JSON.stringify(value));
        return save();
      },

      /** Change an area with fn(value) → new value, and save. */
      update: function (name, fn) {
        var next = fn(this.get(name));
        return this.set(name, next);
      },

      /** The sentence to show the learner about the stored record, or null. */
      problem: function () {
        load();
        return problem;
      },

      readOnly: function () {
        load();
        return readOnly;
      },

      /** The damaged copy's raw text, or null. */
      damaged: function () {
        try {
          return store.getItem(DAMAGED_KEY);
        } catch (e) {
          return null;
        }
      },

      /** The whole record as pretty JSON, for the Export button. */
      exportJson: function () {
        var rec = load();
        return JSON.stringify(rec, null, 2) + "\n";
      },

      /**
       * Import text (an exported file). Everything is checked first; on a problem nothing
       * changes and {ok: false, message} says what is wrong. On success the stored record is
       * replaced: {ok: true, message}.
       */
      importJson: function (text) {
        var parsed;
        try {
          parsed = JSON.parse(text);
        } catch (e) {
          return { ok: false, message: "This file is not a progress export: it is not valid " +
            "JSON (" + e.message + "). Your progress is unchanged." };
        }
        var why = checkRecord(parsed, validators);
        if (why === "newer") {
          return { ok: false, message: "This file comes from a newer version of the course " +
            "(format version " + parsed.version + "; this page reads version " + VERSION +
            "). Your progress is unchanged." };
        }
        if (why) {
          return { ok: false, message: "This file cannot be imported: " + why +
            ". It may have been edited by hand. Your progress is unchanged." };
        }
        load();
        record = parsed;
        readOnly = false;
        problem = null;
        save();
        return { ok: true, message: "Progress imported." };
      },

      /** Forget everything (and the damaged copy). */
      reset: function () {
        record = emptyRecord();
        readOnly = false;
        problem = null;
        try {
          store.removeItem(KEY);
          store.removeItem(DAMAGED_KEY);
        } catch (e) { /* ignore */ }
        listeners.forEach(function (fn) {
          fn(record);
        });
      },

      /** Call fn(record) after every save, import or reset. */
      onChange: function (fn) {
        listeners.push(fn);
      },

      /** Read the stored record again (another tab may have written it). */
      reload: function () {
        record = null;
        return load();
      },
    };
  }

  return {
    FORMAT: FORMAT,
    VERSION: VERSION,
    KEY: KEY,
    DAMAGED_KEY: DAMAGED_KEY,
    create: create,
    checkRecord: checkRecord,
    memoryStorage: memoryStorage,
    browserStorage: browserStorage,
  };
});
