/*
 * gym/levels.js: "gain-jnd", the level-difference drill. Two bursts of pink noise, A then B,
 * one louder by a difference that an adaptive 2-down/1-up staircase (Levitt 1971;
 * CourseGym.staircase) sets: two right answers make it smaller, one miss makes it larger, so
 * it converges on the difference heard 70.7 % of the time. The threshold is the mean of the
 * last reversals. The bursts are independent noise (a "louder" answer cannot come from the
 * waveform) and the pair is centered on the reference level: the level difference is the
 * point of this drill, so it is not loudness-matched. A level passes when the threshold
 * reaches its target.
 * UMD: window.CourseGymLevels in a browser; require() in Node.
 */
(function (root, factory) {
  "use strict";
  var api = factory(root);
  if (typeof module === "object" && module.exports) {
    module.exports = api;
  } else {
    root.CourseGymLevels = api;
    if (root.CourseGym) {
      root.CourseGym.define("gain-jnd", api.gainJnd);
    }
  }
})(typeof self !== "undefined" ? self : this, function (root) {
  "use strict";

  function lib(name, file) {
    return root[name] || (typeof require === "function" ? require(file) : null);
  }

  var BURST = 0.6;
  var GAP = 0.4;
  var REF_DB = -23;

  /** A (louder by delta/2 when louder === "A") and B, as two channel-less Float32Arrays. */
  function bursts(trial) {
    var A = lib("CourseAudio", "../course-audio.js");
    var n = Math.round(BURST * 48000);
    var half = trial.delta / 2;
    var a = A.scaleToRms(A.pinkNoise(n, trial.seedA), REF_DB + (trial.louder === "A" ? half :
      -half));
    var b = A.scaleToRms(A.pinkNoise(n, trial.seedB), REF_DB + (trial.louder === "B" ? half :
      -half));
    return { a: A.fadeEdges(a, 0.02), b: A.fadeEdges(b, 0.02) };
  }

  /** The Web Audio GainNode path of the agreement test: noise at gain db, rendered. */
  function gainStep(seconds, db, seed) {
    var A = lib("CourseAudio", "../course-audio.js");
    var noise = A.pinkNoise(Math.round(seconds * 48000), seed || 1);
    return A.render(seconds, 1, function (ctx, dest) {
      var src = ctx.createBufferSource();
      src.buffer = A.toBuffer(ctx, noise);
      var g = ctx.createGain();
      g.gain.value = A.dbToGain(db);
      src.connect(g);
      g.connect(dest);
      src.start(0);
    }).then(function (buf) { return { noise: noise, output: buf.getChannelData(0) }; });
  }

  function run(lv) {
    var G = lib("CourseGym", "./course-gym.js");
    var s = G.staircase({ start: lv.start, steps: lv.steps, switchAfter: 2, reversals: 8,
      useLast: 6, min: 0.1, max: 12, maxTrials: 60 });
    return {
      staircase: s,
      value: s.value,
      next: function (credit) { s.record(credit >= 1); },
      done: s.done,
      passed: function () {
        var t = s.threshold();
        return s.reversals.length >= 8 && t !== null && t <= lv.target;
      },
      summary: function () {
        var t = s.threshold();
        return t === null ? "Not enough answers for a threshold yet." :
          "Your threshold: " + t.toFixed(2) + " dB (the mean of the last " +
          Math.min(6, s.reversals.length) + " reversals, after " + s.trials() +
          " trials; this level passes at " + lv.target + " dB or less).";
      },
      record: function () {
        var t = s.threshold();
        return t === null ? {} : { threshold: Math.round(t * 100) / 100 };
      },
    };
  }

  var gainJnd = {
    levels: [
      { label: "threshold of 3 dB or less", target: 3, start: 6, steps: [1, 0.5] },
      { label: "threshold of 2 dB or less", target: 2, start: 4, steps: [1, 0.5] },
      { label: "threshold of 1.5 dB or less", target: 1.5, start: 3, steps: [0.5, 0.25] },
      { label: "threshold of 1 dB or less", target: 1, start: 3, steps: [0.5, 0.25] },
      { label: "threshold of 0.5 dB or less", target: 0.5, start: 2, steps: [0.5, 0.25] },
    ],
    run: run,
    sounds: function () {
      return [{ id: "pair", label: "A then B", key: "p", autoplay: true },
        { id: "A", label: "A", key: "a" }, { id: "B", label: "B", key: "b" }];
    },
    correctSound: function () { return "pair"; },
    trial: function (rng, lv, r) {
      var louder = rng() < 0.5 ? "A" : "B";
      return { delta: r ? r.value() : lv.start, louder: louder, seedA: 1 + rng.int(1e9),
        seedB: 1 + rng.int(1e9), answer: { louder: louder } };
    },
    controls: function () {
      return [{ name: "louder", label: "Which was louder?", type: "choice", options: [
        { value: "A", label: "A", key: "1" }, { value: "B", label: "B", key: "2" }] }];
    },
    render: function (trial, sid) {
      var A = lib("CourseAudio", "../course-audio.js");
      var ctx = A.context();
      var x = bursts(trial);
      if (sid === "A" || sid === "B") { return Promise.resolve(A.toBuffer(ctx, sid === "A" ?
        x.a : x.b)); }
      var n = x.a.length, gap = Math.round(GAP * 48000);
      var both = new Float32Array(2 * n + gap);
      both.set(x.a, 0);
      both.set(x.b, n + gap);
      return Promise.resolve(A.toBuffer(ctx, both));
    },
    score: function (trial, answer) { return answer.louder === trial.louder ? 1 : 0; },
    explain: function (trial) {
      return trial.louder + " was louder, by " + trial.delta.toFixed(2) + " dB.";
    },
  };

  return { gainJnd: gainJnd, run: run, bursts: bursts, gainStep: gainStep };
});
