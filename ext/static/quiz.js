/*
 * Quizzes (ext/quiz/): progressive enhancement.
 *
 * Without this script every question still works: its answer is in a closed <details>
 * dropdown. With it, options become radio buttons or checkboxes, numeric questions get an
 * input field, "Check" gives immediate feedback in a live region, and each quiz keeps a tally
 * ("2 of 4 correct") with a Reset button.
 *
 * Where the learner's record is on the page (course-store.js and learner-record.js, loaded by
 * ext/learner/), each answer goes into it by question id (area "quiz"), and a missed question
 * into the review queue (area "review", course-review.js); a tally kept the old way (below) is
 * moved into the record once, and removed only after the record has saved it. Elsewhere the
 * tally is kept in localStorage under "course-quiz:<page path>#<quiz id>".
 *
 * No dependencies, no network, no eval, no inline handlers or styles (strict-CSP safe).
 */
(function () {
  "use strict";

  var STORE_PREFIX = "course-quiz:";

  function storageKey(quizEl) {
    return STORE_PREFIX + window.location.pathname + "#" + quizEl.getAttribute("data-quiz-id");
  }

  function load(key) {
    try {
      var raw = window.localStorage.getItem(key);
      var data = raw ? JSON.parse(raw) : {};
      return data && typeof data === "object" ? data : {};
    } catch (e) {
      return {};
    }
  }

  function save(key, data) {
    try {
      window.localStorage.setItem(key, JSON.stringify(data));
    } catch (e) {
      /* storage full or disabled: the quiz still works for this visit */
    }
  }

  function forget(key) {
    try {
      window.localStorage.removeItem(key);
    } catch (e) {
      /* ignore */
    }
  }

  function make(tag, attrs, text) {
    var el = document.createElement(tag);
    Object.keys(attrs || {}).forEach(function (name) {
      el.setAttribute(name, attrs[name]);
    });
    if (text) {
      el.textContent = text;
    }
    return el;
  }

  /* "0,343" or "−23" or "1 000" → a number, or null. */
  function parseNumber(text) {
    var s = String(text).trim().replace(/\u2212/g, "-").replace(/[\s\u00a0\u202f]/g, "");
    if (s.indexOf(",") >= 0 && s.indexOf(".") < 0) {
      s = s.replace(",", ".");
    }
    if (!/^[+-]?(\d+(\.\d*)?|\.\d+)([eE][+-]?\d+)?$/.test(s)) {
      return null;
    }
    var value = Number(s);
    return isFinite(value) ? value : null;
  }

  function sameSet(a, b) {
    if (a.length !== b.length) {
      return false;
    }
    var sorted = b.slice().sort();
    return a.slice().sort().every(function (x, i) {
      return x === sorted[i];
    });
  }

  function setupChoice(q, qid, ui) {
    var list = q.querySelector("ol.quiz-options");
    if (!list) {
      return null;
    }
    var multi = q.getAttribute("data-type") === "multiple";
    var correct = (q.getAttribute("data-correct") || "")
      .split(",")
      .filter(function (x) {
        return x !== "";
      })
      .map(Number);
    var items = Array.prototype.filter.call(list.children, function (li) {
      return li.classList.contains("quiz-option");
    });
    var inputs = items.map(function (li, i) {
      var textId = "quiz-" + qid + "-option-" + i;
      var text = make("div", { class: "quiz-option-text", id: textId });
      while (li.firstChild) {
        text.appendChild(li.firstChild);
      }
      var input = make("input", {
        type: multi ? "checkbox" : "radio",
        name: "quiz-" + qid,
        value: String(i),
        class: "quiz-option-input",
        "aria-labelledby": textId,
      });
      li.appendChild(input);
      li.appendChild(text);
      li.classList.add("quiz-option-interactive");
      li.addEventListener("click", function (event) {
        if (event.target === input || event.target.closest("a, button, input, audio, summary")) {
          return;
        }
        input.checked = multi ? !input.checked : true;
        input.focus();
      });
      return input;
    });
    list.classList.add("quiz-options-interactive");
    if (multi) {
      ui.instructions.textContent = "Choose all that apply, then check your answer.";
    } else {
      ui.instructions.textContent = "Choose one answer, then check it.";
    }

    return {
      read: function () {
        var chosen = [];
        inputs.forEach(function (input, i) {
          if (input.checked) {
            chosen.push(i);
          }
        });
        if (!chosen.length) {
          return { error: multi ? "Choose at least one option first." : "Choose an option first." };
        }
        var ok = sameSet(chosen, correct);
        var message;
        if (ok) {
          message = "Correct.";
        } else if (multi) {
          message = "Not quite: check each option again, then open the answer below.";
        } else {
          message = "Not quite. Try again, or open the answer below.";
        }
        return { ok: ok, value: chosen, message: message };
      },
      restore: function (value) {
        inputs.forEach(function (input, i) {
          input.checked = Array.isArray(value) && value.indexOf(i) >= 0;
        });
      },
      mark: function (result) {
        items.forEach(function (li, i) {
          li.classList.remove("quiz-option-chosen-right", "quiz-option-chosen-wrong");
          if (result && Array.isArray(result.value) && result.value.indexOf(i) >= 0) {
            li.classList.add(result.ok ? "quiz-option-chosen-right" : "quiz-option-chosen-wrong");
          }
        });
      },
      clear: function () {
        inputs.forEach(function (input) {
          input.checked = false;
        });
        this.mark(null);
      },
    };
  }

  function setupNumeric(q, qid, ui) {
    var answer = Number(q.getAttribute("data-answer"));
    var tolerance = Number(q.getAttribute("data-tolerance"));
    var unit = q.getAttribute("data-unit") || "";
    if (!isFinite(answer) || !isFinite(tolerance)) {
      return null;
    }
    var id = "quiz-" + qid + "-input";
    var label = make("label", { for: id, class: "quiz-numeric-label" }, "Your answer");
    var input = make("input", {
      type: "text",
      id: id,
      inputmode: "decimal",
      autocomplete: "off",
      spellcheck: "false",
      class: "quiz-numeric-input",
    });
    var row = make("div", { class: "quiz-numeric" });
    row.appendChild(label);
    row.appendChild(input);
    if (unit) {
      row.appendChild(make("span", { class: "quiz-numeric-unit", id: id + "-unit" }, unit));
      input.setAttribute("aria-describedby", id + "-unit");
    }
    ui.controls.insertBefore(row, ui.controls.firstChild);
    input.addEventListener("keydown", function (event) {
      if (event.key === "Enter") {
        event.preventDefault();
        ui.check.click();
      }
    });

    return {
      read: function () {
        var value = parseNumber(input.value);
        if (value === null) {
          return { error: "Type a number, such as 0.5 or \u221223." };
        }
        var slack = 1e-9 * Math.max(1, Math.abs(answer));
        var ok = Math.abs(value - answer) <= tolerance + slack;
        var message = ok ? "Correct." : value > answer
          ? "Not quite: your value is too high. Try again, or open the answer below."
          : "Not quite: your value is too low. Try again, or open the answer below.";
        return { ok: ok, value: input.value, message: message };
      },
      restore: function (value) {
        input.value = typeof value === "string" ? value : "";
      },
      mark: function (result) {
        input.classList.remove("quiz-input-right", "quiz-input-wrong");
        if (result) {
          input.classList.add(result.ok ? "quiz-input-right" : "quiz-input-wrong");
        }
      },
      clear: function () {
        input.value = "";
        this.mark(null);
      },
    };
  }

  /**
   * Where a quiz keeps its answers: {state: {qid: {ok, value}}, record(qid, result),
   * forget(qids)}. The learner's record when the page has it, else the old per-quiz key.
   */
  function backend(quizEl) {
    var key = storageKey(quizEl);
    var store = window.CourseStore;
    var learner = window.CourseLearner;
    var review = window.CourseReview;
    if (!store || !learner || !review) {
      return {
        state: load(key),
        record: function (qid, result) {
          this.state[qid] = { ok: result.ok, value: result.value };
          save(key, this.state);
        },
        forget: function () {
          this.state = {};
          forget(key);
        },
      };
    }
    var page = quizEl.getAttribute("data-docname") || "";
    learner.define(store);
    var old = load(key);
    var known = store.get("quiz");
    var moved = Object.keys(old).every(function (qid) {
      var o = old[qid];
      return known[qid] || !o || typeof o.ok !== "boolean" ||
        learner.answered(store, review, qid, page, o.ok, o.value, Date.now());
    });
    if (moved && Object.keys(old).length) {
      forget(key);
    }
    return {
      state: store.get("quiz"),
      record: function (qid, result) {
        learner.answered(store, review, qid, page, result.ok, result.value, Date.now());
        this.state = store.get("quiz");
      },
      forget: function (qids) {
        learner.forgetQuiz(store, qids);
        this.state = store.get("quiz");
      },
    };
  }

  function setupQuiz(quizEl) {
    var saved = backend(quizEl);
    var gradable = [];

    var tally = make("div", { class: "quiz-tally" });
    var tallyText = make("p", { class: "quiz-tally-text", role: "status" });
    var reset = make("button", { type: "button", class: "quiz-button quiz-reset" }, "Reset quiz");
    tally.appendChild(tallyText);
    tally.appendChild(reset);

    function updateTally() {
      var state = saved.state;
      var right = gradable.filter(function (g) {
        return state[g.qid] && state[g.qid].ok === true;
      }).length;
      var tried = gradable.filter(function (g) {
        return state[g.qid];
      }).length;
      tallyText.textContent = right + " of " + gradable.length + " correct" +
        (tried < gradable.length ? " (" + tried + " answered)" : "");
    }

    Array.prototype.forEach.call(quizEl.querySelectorAll(".quiz-question"), function (q) {
      var qid = q.getAttribute("data-qid");
      var type = q.getAttribute("data-type");
      if (!qid || type === "short") {
        return;
      }
      var ui = {
        instructions: make("p", { class: "quiz-instructions" }),
        controls: make("div", { class: "quiz-controls" }),
        check: make("button", { type: "button", class: "quiz-button quiz-check" }, "Check answer"),
        feedback: make("p", { class: "quiz-feedback", role: "status" }),
      };
      ui.controls.appendChild(ui.check);
      ui.controls.appendChild(ui.feedback);
      var widget = type === "numeric" ? setupNumeric(q, qid, ui) : setupChoice(q, qid, ui);
      if (!widget) {
        return;
      }
      var anchor = q.querySelector(".quiz-answer");
      if (ui.instructions.textContent) {
        q.insertBefore(ui.instructions, q.querySelector(".quiz-options") || anchor);
      }
      q.insertBefore(ui.controls, anchor);

      function show(result) {
        ui.feedback.classList.remove("quiz-feedback-right", "quiz-feedback-wrong");
        ui.feedback.textContent = "";
        widget.mark(result);
        if (result) {
          ui.feedback.textContent = result.message;
          ui.feedback.classList.add(result.ok ? "quiz-feedback-right" : "quiz-feedback-wrong");
        }
      }

      ui.check.addEventListener("click", function () {
        var result = widget.read();
        if (result.error) {
          show(null);
          ui.feedback.textContent = result.error;
          return;
        }
        saved.record(qid, result);
        show(result);
        updateTally();
      });

      var previous = saved.state[qid];
      if (previous && previous.value !== undefined) {
        widget.restore(previous.value);
        var again = widget.read(); // the feedback again, from the restored answer
        show(again.error ? null : again);
      }
      gradable.push({ qid: qid, clear: function () { widget.clear(); show(null); } });
    });

    if (!gradable.length) {
      return;
    }
    reset.addEventListener("click", function () {
      saved.forget(gradable.map(function (g) {
        return g.qid;
      }));
      gradable.forEach(function (g) {
        g.clear();
      });
      updateTally();
    });
    quizEl.appendChild(tally);
    quizEl.classList.add("quiz-interactive");
    updateTally();
  }

  function init() {
    Array.prototype.forEach.call(
      document.querySelectorAll("div.quiz[data-interactive]"), setupQuiz);
  }

  // After every deferred script (the learner's record may load after this file), once.
  var started = false;
  function start() {
    if (!started) {
      started = true;
      init();
    }
  }
  if (document.readyState === "complete") {
    start();
  } else {
    document.addEventListener("DOMContentLoaded", start);
    window.addEventListener("load", start);
  }
})();
