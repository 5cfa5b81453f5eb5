/*
 * course-progress.js: the progress page (ext/learner/progress.py writes its root,
 * <div data-progress>, and the course map as a JSON data block).
 *
 * summarize(map, areas, now) is pure (Node tests): per module, the questions answered and
 * right and the lessons done; the review queue split into "due now" and "later"; the gym's
 * drill levels when the gym's area has any. The page part shows it, and offers Export (a
 * data: link with download, and the JSON to copy), Import (a file read with FileReader) and
 * Reset. Everything stays in this browser; nothing is sent anywhere.
 */
(function (root, factory) {
  "use strict";
  var api = factory();
  if (typeof module === "object" && module.exports) {
    module.exports = api;
  } else {
    root.CourseProgress = api;
    api.boot(root);
  }
})(typeof self !== "undefined" ? self : this, function () {
  "use strict";

  var DAY = 86400000;

  function href(map, doc, anchor) {
    return map.root + doc + map.suffix + (anchor ? "#" + anchor : "");
  }

  /** Gym drills from the gym's area, defensively: only well-formed entries. */
  function drills(gym) {
    var d = gym && typeof gym === "object" && gym.drills;
    if (!d || typeof d !== "object") {
      return [];
    }
    return Object.keys(d).sort().filter(function (kind) {
      var x = d[kind];
      return x && typeof x === "object" && typeof x.level === "number" && isFinite(x.level);
    }).map(function (kind) {
      var x = d[kind];
      return { kind: kind, level: x.level,
        levels: typeof x.levels === "number" ? x.levels : null,
        title: typeof x.title === "string" && x.title ? x.title : kind,
        page: typeof x.page === "string" ? x.page : "" };
    });
  }

  /**
   * The page's numbers: map (the course map), areas ({quiz, lessons, review, gym}), now (ms).
   * Questions not in the map (removed from the course) are left out.
   */
  function summarize(map, areas, now) {
    var quiz = areas.quiz || {};
    var lessons = areas.lessons || {};
    var review = areas.review || {};
    var where = {};
    var modules = map.modules.map(function (m) {
      var answered = 0;
      var right = 0;
      m.questions.forEach(function (q) {
        where[q[0]] = { number: q[1], doc: q[2], module: m.n };
        var r = quiz[q[0]];
        if (r) {
          answered += 1;
          right += r.ok ? 1 : 0;
        }
      });
      return {
        n: m.n, doc: m.doc, title: map.pages[m.doc] || m.doc,
        questions: m.questions.length, answered: answered, right: right,
        lessons: m.lessons.map(function (doc) {
          return { doc: doc, title: map.pages[doc] || doc, done: lessons[doc] || null };
        }),
      };
    });
    var queue = Object.keys(review).filter(function (qid) {
      return where[qid];
    }).map(function (qid) {
      var w = where[qid];
      return { id: qid, number: w.number, doc: w.doc, page: map.pages[w.doc] || w.doc,
        step: review[qid].step, due: Date.parse(review[qid].due) };
    }).sort(function (a, b) {
      return a.due - b.due || (a.id < b.id ? -1 : 1);
    });
    return {
      modules: modules,
      due: queue.filter(function (q) {
        return q.due <= now;
      }),
      later: queue.filter(function (q) {
        return q.due > now;
      }),
      drills: drills(areas.gym),
    };
  }

  // ---- The page -------------------------------------------------------------------------

  function boot(win) {
    var doc = win.document;
    function start() {
      var rootEl = doc.querySelector("[data-progress]");
      var mapEl = rootEl && rootEl.querySelector("script.learner-map");
      if (!rootEl || !mapEl || !win.CourseStore || !win.CourseLearner) {
        return;
      }
      var map = JSON.parse(mapEl.textContent);
      page(win, rootEl, map);
    }
    if (doc.readyState === "loading") {
      doc.addEventListener("DOMContentLoaded", start);
    } else {
      start();
    }
  }

  function page(win, rootEl, map) {
    var doc = win.document;
    var store = win.CourseLearner.define(win.CourseStore);
    var nojs = rootEl.querySelector(".learner-nojs");

    function el(tag, attrs, text) {
      var e = doc.createElement(tag);
      Object.keys(attrs || {}).forEach(function (k) {
        e.setAttribute(k, attrs[k]);
      });
      if (text !== undefined) {
        e.textContent = text;
      }
      return e;
    }
    function add(parent, child) {
      parent.appendChild(child);
      return child;
    }
    function link(text, url) {
      return el("a", { href: url }, text);
    }
    function when(ms) {
      return new Date(ms).toLocaleDateString(undefined,
        { weekday: "short", year: "numeric", month: "short", day: "numeric" });
    }

    var intro = el("p", {}, "Your progress is kept in this browser only (its local storage) " +
      "and is sent nowhere. Another browser or device has its own; use Export and Import " +
      "to move it.");
    var message = el("p", { class: "learner-message", role: "status", "aria-live": "polite" });
    var content = el("div", { class: "learner-content" });
    var data = el("section", { "aria-labelledby": "learner-data-title" });
    rootEl.insertBefore(intro, nojs);
    rootEl.insertBefore(message, nojs);
    rootEl.insertBefore(content, nojs);
    rootEl.insertBefore(data, nojs);
    nojs.hidden = true;

    // Your data: export, import, reset.
    add(data, el("h2", { id: "learner-data-title" }, "Your data"));
    var actions = add(data, el("div", { class: "learner-actions" }));
    var exportLink = add(actions, el("a", { download: "course-progress.json",
      class: "learner-export" }, "Export (download JSON)"));
    // on the page only while there is a damaged copy (an <a> without href is no link)
    var damagedLink = el("a", { download: "course-progress-damaged.json",
      class: "learner-damaged" }, "Download the damaged copy");
    var importLabel = add(actions, el("label", { for: "learner-import" }, "Import a file: "));
    var importInput = add(importLabel, el("input", { type: "file", id: "learner-import",
      accept: "application/json,.json" }));
    var resetButton = add(actions, el("button", { type: "button", class: "quiz-button learner-reset" },
      "Reset all progress"));
    var show = add(data, el("details", {}));
    add(show, el("summary", {}, "Show the JSON to copy"));
    var jsonLabel = add(show, el("label", { for: "learner-json" }, "Your progress as JSON"));
    jsonLabel.className = "visually-hidden";
    var text = add(show, el("textarea", { id: "learner-json", readonly: "", rows: "12" }));

    function dataUrl(json) {
      return "data:application/json;charset=utf-8," + encodeURIComponent(json);
    }

    function render() {
      var now = Date.now();
      var s = summarize(map, { quiz: store.get("quiz"), lessons: store.get("lessons"),
        review: store.get("review"), gym: store.get("gym") }, now);
      while (content.firstChild) {
        content.removeChild(content.firstChild);
      }

      // Review queue
      var rq = add(content, el("section", { "aria-labelledby": "learner-review-title" }));
      add(rq, el("h2", { id: "learner-review-title" }, "Review queue"));
      add(rq, el("p", {}, "A question you miss comes back 1 day later; answer it right when " +
        "it is due and it comes back after 3 days, then 7 days, then it leaves the queue. " +
        "Miss it again and it starts over at 1 day."));
      add(rq, el("h3", {}, "Due now (" + s.due.length + ")"));
      if (s.due.length) {
        var dl = add(rq, el("ul", { class: "learner-due" }));
        s.due.forEach(function (q) {
          var li = add(dl, el("li"));
          add(li, link("Question " + q.number, href(map, q.doc, "q-" + q.id)));
          li.appendChild(doc.createTextNode(" in " + q.page));
        });
      } else {
        add(rq, el("p", {}, "Nothing is due now."));
      }
      add(rq, el("h3", {}, "Later (" + s.later.length + ")"));
      if (s.later.length) {
        var ll = add(rq, el("ul", { class: "learner-later" }));
        s.later.forEach(function (q) {
          var li = add(ll, el("li"));
          add(li, link("Question " + q.number, href(map, q.doc, "q-" + q.id)));
          li.appendChild(doc.createTextNode(" in " + q.page + ": due " + when(q.due) +
            " (review " + (q.step + 1) + " of 3)"));
        });
      } else {
        add(rq, el("p", {}, "Nothing is scheduled."));
      }

      // Modules
      var ms = add(content, el("section", { "aria-labelledby": "learner-modules-title" }));
      add(ms, el("h2", { id: "learner-modules-title" }, "Modules"));
      var table = add(ms, el("table", { class: "learner-table" }));
      add(table, el("caption", {}, "Quiz results and lessons done, by module"));
      var head = add(add(table, el("thead")), el("tr"));
      ["Module", "Questions answered", "Right", "Lessons done"].forEach(function (h) {
        add(head, el("th", { scope: "col" }, h));
      });
      var tbody = add(table, el("tbody"));
      s.modules.forEach(function (m) {
        var tr = add(tbody, el("tr", { "data-module": String(m.n) }));
        add(add(tr, el("th", { scope: "row" })), link(m.title, href(map, m.doc)));
        add(tr, el("td", { class: "learner-answered" }, m.answered + " of " + m.questions));
        add(tr, el("td", { class: "learner-right" }, String(m.right)));
        var done = m.lessons.filter(function (l) {
          return l.done;
        });
        add(tr, el("td", { class: "learner-lessons" }, done.length + " of " + m.lessons.length));
      });
      var doneAny = s.modules.some(function (m) {
        return m.lessons.some(function (l) {
          return l.done;
        });
      });
      add(ms, el("h3", {}, "Lessons marked as done"));
      if (doneAny) {
        var lu = add(ms, el("ul", { class: "learner-lessons-done" }));
        s.modules.forEach(function (m) {
          m.lessons.filter(function (l) {
            return l.done;
          }).forEach(function (l) {
            var li = add(lu, el("li"));
            add(li, link(l.title, href(map, l.doc)));
            li.appendChild(doc.createTextNode(" (" + m.title + ")"));
          });
        });
      } else {
        add(ms, el("p", {}, "None yet: each lesson has a \u201cMark this lesson as done\u201d " +
          "button at its end."));
      }

      // Gym
      if (s.drills.length) {
        var gs = add(content, el("section", { "aria-labelledby": "learner-gym-title" }));
        add(gs, el("h2", { id: "learner-gym-title" }, "Listening gym"));
        var gl = add(gs, el("ul", { class: "learner-drills" }));
        s.drills.forEach(function (d) {
          var li = add(gl, el("li"));
          if (d.page) {
            add(li, link(d.title, href(map, d.page)));
          } else {
            li.appendChild(doc.createTextNode(d.title));
          }
          li.appendChild(doc.createTextNode(": level " + d.level +
            (d.levels ? " of " + d.levels : "")));
        });
      }

      var json = store.exportJson();
      exportLink.setAttribute("href", dataUrl(json));
      text.value = json;
      var damaged = store.damaged();
      if (damaged) {
        damagedLink.setAttribute("href", dataUrl(damaged));
        actions.insertBefore(damagedLink, exportLink.nextSibling);
      } else if (damagedLink.parentNode) {
        damagedLink.parentNode.removeChild(damagedLink);
      }
    }

    importInput.addEventListener("change", function () {
      var file = importInput.files && importInput.files[0];
      if (!file) {
        return;
      }
      var reader = new win.FileReader();
      reader.onload = function () {
        var result = store.importJson(String(reader.result));
        message.textContent = result.message;
        importInput.value = "";
        render();
      };
      reader.onerror = function () {
        message.textContent = "This file could not be read. Your progress is unchanged.";
      };
      reader.readAsText(file);
    });
    resetButton.addEventListener("click", function () {
      if (!win.confirm("Forget all your progress in this browser: quiz results, lessons " +
          "done, the review queue and drill levels? Export it first to keep a copy.")) {
        message.textContent = "Nothing was reset.";
        return;
      }
      store.reset();
      message.textContent = "All progress in this browser is reset.";
      render();
    });

    message.textContent = store.problem() || "";
    render();
  }

  return { summarize: summarize, drills: drills, href: href, DAY: DAY, boot: boot };
});
