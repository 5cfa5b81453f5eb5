/*
 * gym/abx.js: the ABX drill. Pure logic (exact binomial p-values, verdicts, runs) for node
 * --test (tests/js/gym-abx.test.js); in a browser, the pair picker and CourseGym.define("abx").
 * The pairs (the course's audio-pair examples, listed by the build in the drill's config) play
 * through <audio preload="none"> at the calibrated level, which works from file://.
 * p = sum_{i=k}^{N} C(N, i) / 2^N: the chance of at least k right out of N by guessing.
 */
(function (root, factory) {
  "use strict";
  var api = factory(root);
  if (typeof module === "object" && module.exports) {
    module.exports = api;
  } else {
    root.CourseAbx = api;
    if (root.CourseGym && root.document) {
      api.mount(root.document);
    }
  }
})(typeof self !== "undefined" ? self : this, function (root) {
  "use strict";

  /** 0.5^N stays a normal double up to here. */
  var MAX_TRIALS = 1000;
  /** The p-value below which the words say "unlikely to be guessing". */
  var ALPHA = 0.05;

  function checkCounts(k, n) {
    if (!(Number.isInteger(n) && n >= 1 && n <= MAX_TRIALS)) {
      throw new RangeError("the number of trials must be a whole number from 1 to " + MAX_TRIALS);
    }
    if (!(Number.isInteger(k) && k >= 0 && k <= n)) {
      throw new RangeError("the number correct must be a whole number from 0 to " + n);
    }
  }

  /** P(at least k correct out of n by guessing): the one-sided binomial p-value, p = 1/2. */
  function pValue(k, n) {
    checkCounts(k, n);
    // pmf(i) = C(n, i) / 2^n, from pmf(0) = 2^-n by pmf(i+1) = pmf(i) (n - i) / (i + 1).
    var pmf = Math.pow(0.5, n);
    var tail = 0;
    for (var i = 0; i <= n; i++) {
      if (i >= k) {
        tail += pmf;
      }
      pmf = pmf * (n - i) / (i + 1);
    }
    return Math.min(1, tail);
  }

  /** The fewest correct answers out of n with p <= alpha (n + 1 if none is enough). */
  function minCorrect(n, alpha) {
    var a = alpha === undefined ? ALPHA : alpha;
    for (var k = 0; k <= n; k++) {
      if (pValue(k, n) <= a) {
        return k;
      }
    }
    return n + 1;
  }

  /** p as the words show it: three decimals, "< 0.001" below that, "1" for certainty. */
  function formatP(p) {
    if (p < 0.001) {
      return "< 0.001";
    }
    if (p >= 0.9995) {
      return "= 1";
    }
    return "= " + p.toFixed(3);
  }

  /** The result in words: "9 of 10 correct: p = 0.011, unlikely to be guessing". */
  function verdict(k, n) {
    var p = pValue(k, n);
    var words = p <= ALPHA ? "unlikely to be guessing"
      : "could be guessing (p above " + ALPHA + ")";
    return k + " of " + n + " correct: p " + formatP(p) + ", " + words;
  }

  /** Which one X is in each of n trials ("A" or "B"), from a seeded generator rng(). */
  function schedule(rng, n) {
    var out = [];
    for (var i = 0; i < n; i++) {
      out.push(rng() < 0.5 ? "A" : "B");
    }
    return out;
  }

  /** n trials: answer(choice) -> {correct, x, done}; summary() -> {correct, trials, p, words}. */
  function session(rng, n) {
    checkCounts(0, n);
    var xs = schedule(rng, n);
    var answers = [];
    var state = {
      xs: xs,
      answers: answers,
      trials: n,
      current: function () {
        return answers.length < n ? answers.length : -1;
      },
      done: function () {
        return answers.length >= n;
      },
      answer: function (choice) {
        var c = String(choice).toUpperCase();
        if (c !== "A" && c !== "B") {
          throw new RangeError("an ABX answer is A or B, not " + choice);
        }
        if (state.done()) {
          throw new RangeError("the run is over; start a new one");
        }
        var x = xs[answers.length];
        answers.push(c);
        return { correct: c === x, x: x, done: state.done() };
      },
      correct: function () {
        return answers.filter(function (a, i) { return a === xs[i]; }).length;
      },
      summary: function () {
        var k = state.correct(), m = answers.length;
        return m === 0 ? { correct: 0, trials: 0, p: 1, words: "no answers yet" }
          : { correct: k, trials: m, p: pValue(k, m), words: verdict(k, m) };
      },
    };
    return state;
  }


  /** CourseGym's run(level): n trials on one pair; passed() at p <= ALPHA. */
  function makeRun(n, pair) {
    checkCounts(0, n);
    var credits = [];
    return {
      pair: pair,
      next: function (credit) { credits.push(credit >= 1 ? 1 : 0); },
      done: function () { return credits.length >= n; },
      correct: function () { return credits.reduce(function (a, b) { return a + b; }, 0); },
      passed: function () {
        return credits.length > 0 && pValue(this.correct(), credits.length) <= ALPHA;
      },
      summary: function () {
        return credits.length ? verdict(this.correct(), credits.length) + "." : "No answers.";
      },
      record: function () { return {}; },
    };
  }

  /** A trial: X is A or B, from the runner's seeded rng. */
  function makeTrial(rng, pair) {
    return { pair: pair, answer: { x: rng() < 0.5 ? "A" : "B" } };
  }

  /** The explanation: "X was A: Dry drums (Audio 6.3)." */
  function explain(trial) {
    var side = trial.answer.x === "A" ? trial.pair.a : trial.pair.b;
    return "X was " + trial.answer.x + ": " + side.label + ".";
  }

  /* ---- the browser ------------------------------------------------------------------------ */

  /** Add the pair picker to the ABX drill and register the kind. */
  function mount(doc) {
    var node = doc.querySelector('[data-drill="abx"]');
    var cfg = {};
    try {
      cfg = JSON.parse(node.getAttribute("data-drill-config"));
    } catch (e) {
      return;
    }
    var pairs = cfg.pairs || [];
    var app = node.querySelector(".gym-app");
    var trials = parseInt(cfg.trials, 10) || 16;
    if (!pairs.length || !app) {
      return;
    }
    var p = doc.createElement("p");
    p.className = "gym-abx-picker";
    var label = doc.createElement("label");
    label.setAttribute("for", "gym-abx-pair");
    label.textContent = "Pair to compare ";
    var select = doc.createElement("select");
    select.id = "gym-abx-pair";
    var groups = {};
    pairs.forEach(function (pair, i) {
      var g = groups[pair.group];
      if (!g) {
        g = groups[pair.group] = doc.createElement("optgroup");
        g.label = pair.group;
        select.appendChild(g);
      }
      var o = doc.createElement("option");
      o.value = String(i);
      o.textContent = pair.title;
      g.appendChild(o);
    });
    var wanted = /[?&]pair=([A-Za-z0-9_-]+)/.exec(root.location ? root.location.search : "");
    var first = wanted ? wanted[1] : cfg.pair;
    pairs.forEach(function (pair, i) {
      if (pair.id === first) { select.value = String(i); }
    });
    p.appendChild(label);
    p.appendChild(select);
    app.insertBefore(p, app.firstChild);
    function chosen() {
      return pairs[parseInt(select.value, 10) || 0];
    }
    root.CourseGym.define("abx", {
      levels: [{ label: trials + " trials, p-value at the end", trials: trials }],
      run: function () { return makeRun(trials, chosen()); },
      trial: function (rng, level, run) { return makeTrial(rng, run ? run.pair : chosen()); },
      sounds: function () {
        return [{ id: "A", label: "A", key: "1" }, { id: "B", label: "B", key: "2" },
          { id: "X", label: "X", key: "x", autoplay: true }];
      },
      controls: function () {
        return [{ name: "x", label: "Which one is X?", type: "choice", options: [
          { value: "A", label: "X is A", key: "a" }, { value: "B", label: "X is B", key: "b" }] }];
      },
      play: function (trial, soundId) {
        var side = soundId === "X" ? trial.answer.x : soundId;
        return root.CourseGym.playClip(side === "A" ? trial.pair.a.src : trial.pair.b.src);
      },
      render: function () {
        return Promise.reject(new Error("ABX plays <audio>, it renders nothing"));
      },
      correctSound: function (trial) { return trial.answer.x; },
      score: function (trial, answer) { return answer.x === trial.answer.x ? 1 : 0; },
      explain: function (trial) { return explain(trial); },
    });
  }

  return {
    MAX_TRIALS: MAX_TRIALS,
    ALPHA: ALPHA,
    pValue: pValue,
    minCorrect: minCorrect,
    formatP: formatP,
    verdict: verdict,
    schedule: schedule,
    session: session,
    makeRun: makeRun,
    makeTrial: makeTrial,
    explain: explain,
    mount: mount,
  };
});
