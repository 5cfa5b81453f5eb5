/*
 * gym/abx.js: the ABX drill's pure logic (no DOM, no audio), shared by the browser and
 * node --test (tests/js/gym-abx.test.js).
 *
 * An ABX trial plays A, B and X, where X is A or B at random (from a seed, so a run can be
 * replayed and tested); the listener says which one X is. After N trials with k correct, the
 * one-sided binomial p-value is the probability of getting at least k right out of N by
 * guessing (each answer right with probability 1/2):
 *     p = sum_{i=k}^{N} C(N, i) / 2^N.
 * A small p (0.05 or less, by convention) means guessing is an unlikely explanation.
 */
(function (root, factory) {
  "use strict";
  var api = factory();
  if (typeof module === "object" && module.exports) {
    module.exports = api;
  } else {
    root.CourseAbx = api;
  }
})(typeof self !== "undefined" ? self : this, function () {
  "use strict";

  /** The largest number of trials the exact sum handles (0.5^N stays a normal double). */
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

  /**
   * A run of n trials: xs (from schedule), answer(choice) records the answer to the current
   * trial and returns {correct, x, done}; summary() gives {correct, trials, p, words}.
   */
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

  return {
    MAX_TRIALS: MAX_TRIALS,
    ALPHA: ALPHA,
    pValue: pValue,
    minCorrect: minCorrect,
    formatP: formatP,
    verdict: verdict,
    schedule: schedule,
    session: session,
  };
});
