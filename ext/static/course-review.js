/*
 * course-review.js: the review queue's schedule (pure logic; no DOM, no storage).
 *
 * A question the learner misses comes back after 1, then 3, then 7 days:
 *
 *   missed (anywhere, any time)   → step 0, due 1 day later
 *   right while due, at step 0    → step 1, due 3 days later
 *   right while due, at step 1    → step 2, due 7 days later
 *   right while due, at step 2    → leaves the queue
 *   right before it is due        → no change (the schedule keeps its date)
 *   right, not in the queue       → no change
 *
 * A day is 24 hours (86 400 000 ms) from the moment of the answer. The queue is the
 * "review" area of the learner's record (course-store.js):
 *
 *   { "<question id>": { "step": 0 | 1 | 2, "due": "<ISO 8601>", "page": "<docname>" } }
 *
 * Its validator is in learner-record.js with the other areas'. A classic script: window.CourseReview in a browser, require() in Node.
 */
(function (root, factory) {
  "use strict";
  var api = factory();
  if (typeof module === "object" && module.exports) {
    module.exports = api;
  } else {
    root.CourseReview = api;
  }
})(typeof self !== "undefined" ? self : this, function () {
  "use strict";

  var DAY = 86400000;
  /** Days until the question is due again, by step. */
  var INTERVALS = [1, 3, 7];

  function copy(queue) {
    return JSON.parse(JSON.stringify(queue || {}));
  }

  /**
   * The queue after an answer: qid, ok (true when right), now (ms since 1970), page (the
   * question's docname, kept for links). Returns a new object; the input is not changed.
   */
  function answer(queue, qid, ok, now, page) {
    var next = copy(queue);
    var entry = next[qid];
    if (!ok) {
      next[qid] = { step: 0, due: new Date(now + INTERVALS[0] * DAY).toISOString() };
      if (page || (entry && entry.page)) {
        next[qid].page = page || entry.page;
      }
      return next;
    }
    if (!entry || Date.parse(entry.due) > now) {
      return next;
    }
    var step = entry.step + 1;
    if (step >= INTERVALS.length) {
      delete next[qid];
    } else {
      entry.step = step;
      entry.due = new Date(now + INTERVALS[step] * DAY).toISOString();
    }
    return next;
  }

  function list(queue, keep) {
    return Object.keys(queue || {})
      .map(function (qid) {
        var e = queue[qid];
        return { id: qid, step: e.step, due: Date.parse(e.due), page: e.page || "" };
      })
      .filter(keep)
      .sort(function (a, b) {
        return a.due - b.due || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);
      });
  }

  /** The questions due now (due ≤ now), earliest first: [{id, step, due (ms), page}]. */
  function due(queue, now) {
    return list(queue, function (e) {
      return e.due <= now;
    });
  }

  /** The questions due later, earliest first. */
  function later(queue, now) {
    return list(queue, function (e) {
      return e.due > now;
    });
  }

  return { DAY: DAY, INTERVALS: INTERVALS, answer: answer, due: due, later: later };
});
