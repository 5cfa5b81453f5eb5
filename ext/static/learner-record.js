/*
 * learner-record.js: the learner's areas in the shared record (course-store.js), and on the
 * page the "Mark as done" button of a lesson and the ticks in the sidebar.
 *
 * Areas (keys are Sphinx docnames and question ids, never URLs, so the same record works
 * over http, from a subfolder, from file:// and from the offline ZIP):
 *
 *   "quiz":    { "<question id>": { "ok": true|false, "right": <int>, "wrong": <int>,
 *                                   "at": "<ISO 8601>", "page": "<docname>",
 *                                   "value": [<option index>, ...] | "<typed answer>" } }
 *   "lessons": { "<docname>": "<ISO 8601 time marked done>" }
 *   "review":  { "<question id>": { "step": 0|1|2, "due": "<ISO 8601>", "page": "<docname>" } }
 *              (the schedule is course-review.js)
 *
 * The gym's area ("gym") is defined by gym/gym-record.js, where it exists.
 * A classic script: window.CourseLearner in a browser, require() in Node.
 */
(function (root, factory) {
  "use strict";
  var api = factory(root);
  if (typeof module === "object" && module.exports) {
    module.exports = api;
  } else {
    root.CourseLearner = api;
    api.boot(root);
  }
})(typeof self !== "undefined" ? self : this, function (root) {
  "use strict";

  function isObject(x) {
    return x !== null && typeof x === "object" && !Array.isArray(x);
  }

  function isCount(x) {
    return typeof x === "number" && x % 1 === 0 && x >= 0;
  }

  function isTime(x) {
    return typeof x === "string" && !isNaN(Date.parse(x));
  }

  /** A docname: relative, no "..", no spaces or control characters. */
  function isDocname(x) {
    return typeof x === "string" && /^[^\s/][^\s]*$/.test(x) && x.split("/").indexOf("..") < 0 &&
      x.length <= 300;
  }

  /** Check every entry of an area with check(key, value) → null or a problem. */
  function entries(area, check) {
    if (!isObject(area)) {
      return "it is not an object";
    }
    var keys = Object.keys(area);
    for (var i = 0; i < keys.length; i++) {
      var why = check(keys[i], area[keys[i]]);
      if (why) {
        return why;
      }
    }
    return null;
  }

  function validateQuiz(area) {
    return entries(area, function (qid, e) {
      var where = "question " + JSON.stringify(qid);
      if (!isObject(e)) {
        return where + " is not an object";
      }
      if (typeof e.ok !== "boolean") {
        return where + ": \"ok\" must be true or false";
      }
      if (!isCount(e.right) || !isCount(e.wrong)) {
        return where + ": \"right\" and \"wrong\" must be whole numbers, 0 or more";
      }
      if (!isTime(e.at)) {
        return where + ": \"at\" must be a date and time";
      }
      if (e.page !== undefined && !isDocname(e.page)) {
        return where + ": \"page\" must be a page name";
      }
      var v = e.value;
      var goodValue = v === undefined || (typeof v === "string" && v.length <= 200) ||
        (Array.isArray(v) && v.length <= 50 && v.every(isCount));
      if (!goodValue) {
        return where + ": \"value\" must be a list of option numbers or a short text";
      }
      return null;
    });
  }

  function validateLessons(area) {
    return entries(area, function (doc, at) {
      if (!isDocname(doc)) {
        return JSON.stringify(doc) + " is not a page name";
      }
      return isTime(at) ? null : "lesson " + JSON.stringify(doc) + ": the value must be a date and time";
    });
  }

  function validateReview(area) {
    return entries(area, function (qid, e) {
      var where = "question " + JSON.stringify(qid);
      if (!isObject(e)) {
        return where + " is not an object";
      }
      if (e.step !== 0 && e.step !== 1 && e.step !== 2) {
        return where + ": \"step\" must be 0, 1 or 2";
      }
      if (!isTime(e.due)) {
        return where + ": \"due\" must be a date and time";
      }
      if (e.page !== undefined && !isDocname(e.page)) {
        return where + ": \"page\" must be a page name";
      }
      return null;
    });
  }

  /** Register the three areas on a store (CourseStore or CourseStore.create(...)). */
  function define(store) {
    store.defineArea("quiz", validateQuiz, {});
    store.defineArea("lessons", validateLessons, {});
    store.defineArea("review", validateReview, {});
    return store;
  }

  /**
   * Record an answer: the question's last result and counts (area "quiz") and its place in
   * the review queue (area "review", with review = CourseReview). Returns true when saved.
   */
  function answered(store, review, qid, page, ok, value, now) {
    var quiz = store.get("quiz");
    var old = quiz[qid] || { right: 0, wrong: 0 };
    var entry = { ok: ok, right: old.right + (ok ? 1 : 0), wrong: old.wrong + (ok ? 0 : 1),
      at: new Date(now).toISOString() };
    if (page) {
      entry.page = page;
    }
    if (value !== undefined) {
      entry.value = value;
    }
    quiz[qid] = entry;
    try {
      var saved = store.set("quiz", quiz);
      return store.set("review", review.answer(store.get("review"), qid, ok, now, page)) && saved;
    } catch (e) {
      return false; // a value the validator refuses: keep the record as it was
    }
  }

  /** Forget the quiz results of these questions (a quiz's own Reset); the queue stays. */
  function forgetQuiz(store, qids) {
    var quiz = store.get("quiz");
    qids.forEach(function (qid) {
      delete quiz[qid];
    });
    return store.set("quiz", quiz);
  }

  function setDone(store, doc, done, now) {
    var lessons = store.get("lessons");
    if (done) {
      lessons[doc] = new Date(now).toISOString();
    } else {
      delete lessons[doc];
    }
    return store.set("lessons", lessons);
  }

  /**
   * The docname of a link: url and rootUrl absolute (rootUrl: the site's root, from
   * <html data-content_root>), suffix ".html". Null for another site or a non-page.
   */
  function docnameOf(url, rootUrl, suffix) {
    var clean = String(url).split("#")[0].split("?")[0];
    if (clean.indexOf(rootUrl) !== 0) {
      return null;
    }
    var rel = decodeURIComponent(clean.slice(rootUrl.length));
    if (rel === "" || rel.slice(-1) === "/") {
      rel += "index" + suffix;
    }
    if (rel.slice(-suffix.length) !== suffix) {
      return null;
    }
    return rel.slice(0, -suffix.length);
  }

  // ---- On the page -----------------------------------------------------------------------

  function siteRoot(doc, loc) {
    var rel = doc.documentElement.getAttribute("data-content_root") || "./";
    return new URL(rel, loc.href).href;
  }

  function make(doc, tag, cls, text) {
    var el = doc.createElement(tag);
    if (cls) {
      el.className = cls;
    }
    if (text) {
      el.textContent = text;
    }
    return el;
  }

  /** Ticks on the sidebar links of the lessons done (the sidebar is the same on every page). */
  function tickSidebar(doc, loc, store) {
    var rootUrl = siteRoot(doc, loc);
    var done = store.get("lessons");
    var links = doc.querySelectorAll(".sidebar-tree a.reference");
    Array.prototype.forEach.call(links, function (a) {
      var target = new URL(a.getAttribute("href") || "", loc.href).href;
      var name = docnameOf(target, rootUrl, ".html");
      var old = a.querySelector(".learner-tick-group");
      if (old) {
        a.removeChild(old);
      }
      a.classList.toggle("learner-done-link", !!(name && done[name]));
      if (name && done[name]) {
        var group = make(doc, "span", "learner-tick-group");
        var tick = make(doc, "span", "learner-tick", "\u2713");
        tick.setAttribute("aria-hidden", "true");
        group.appendChild(tick);
        group.appendChild(make(doc, "span", "visually-hidden", " (done)"));
        a.appendChild(group);
      }
    });
  }

  /** The "Mark as done" button in the lesson's <div class="learner-done" data-docname>. */
  function doneButton(box, store) {
    var page = box.getAttribute("data-docname");
    var button = make(box.ownerDocument, "button", "quiz-button learner-done-button");
    button.type = "button";
    var status = make(box.ownerDocument, "p", "learner-done-status");
    status.setAttribute("role", "status");
    box.appendChild(button);
    box.appendChild(status);

    function show(message) {
      var done = !!store.get("lessons")[page];
      button.textContent = done ? "Marked as done \u2713 (undo)" : "Mark this lesson as done";
      button.setAttribute("aria-pressed", done ? "true" : "false");
      status.textContent = message || "";
    }
    button.addEventListener("click", function () {
      var done = !!store.get("lessons")[page];
      var saved = setDone(store, page, !done, Date.now());
      show(saved ? (done ? "No longer marked as done." : "Marked as done. The sidebar shows a tick.")
        : store.problem() || "Your browser did not save this.");
    });
    show(store.problem());
    box.hidden = false;
  }

  function boot(win) {
    if (!win || !win.document || !win.CourseStore) {
      return;
    }
    var doc = win.document;
    var store = define(win.CourseStore);
    function start() {
      if (start.done) {
        return;
      }
      start.done = true;
      tickSidebar(doc, win.location, store);
      Array.prototype.forEach.call(doc.querySelectorAll("div.learner-done[data-docname]"),
        function (box) {
          doneButton(box, store);
        });
      store.onChange(function () {
        tickSidebar(doc, win.location, store);
      });
    }
    if (doc.readyState === "loading") {
      doc.addEventListener("DOMContentLoaded", start);
    } else {
      start();
    }
  }

  return {
    validateQuiz: validateQuiz,
    validateLessons: validateLessons,
    validateReview: validateReview,
    define: define,
    answered: answered,
    forgetQuiz: forgetQuiz,
    setDone: setDone,
    docnameOf: docnameOf,
    boot: boot,
  };
});
