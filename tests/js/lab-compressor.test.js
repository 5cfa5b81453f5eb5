// The compressor lab's pure logic (ext/static/labs/compressor.js) against soundlib.dynamics
// (numbers from Python: gain_computer, gain_reduction_db on recipes.labs_mix.lab_hits).
"use strict";
const test = require("node:test");
const assert = require("node:assert/strict");
const C = require("../../ext/static/labs/compressor.js");

const DEFAULTS = { threshold_db: -20, ratio: 4, knee_db: 0, attack_ms: 0.5, release_ms: 60,
  makeup_db: 0 };

test("the static curve is the lesson's: -10 dBFS in, -17.5 out; soft knee -20.94 at threshold", () => {
  assert.equal(C.gainComputer(-10, -20, 4, 0), -17.5);
  assert.equal(C.gainComputer(-30, -20, 4, 0), -30);
  const soft = [-30, -25, -20, -15, -10].map((x) => C.gainComputer(x, -20, 4, 10));
  [-30.0, -25.0, -20.9375, -18.75, -17.5].forEach((v, i) => assert.ok(Math.abs(soft[i] - v) < 1e-12));
  assert.equal(C.gainComputer(-5, -20, Infinity, 0), -20);
  assert.deepEqual(C.transferCurve(Object.assign({}, DEFAULTS, { makeup_db: 3 }), [-10]), [-14.5]);
});

test("the source is soundlib.recipes.labs_mix.lab_hits, sample for sample", () => {
  const h = C.hits();
  assert.equal(h.length, 124800);
  let sum = 0, peak = 0;
  for (const v of h) { sum += v; peak = Math.max(peak, Math.abs(v)); }
  assert.ok(Math.abs(sum - 528.667860019283) < 1e-3, sum);
  assert.ok(Math.abs(peak - 0.862400311132089) < 1e-6, peak);
});

test("the gain reduction follows soundlib's detector and ballistics within 0.001 dB", () => {
  const gr = C.gainReductionDb(C.hits(), DEFAULTS);
  const at = [100, 5000, 20000, 60000, 110000];
  const py = [-10.037668339599389, -8.56021989011326, -4.03660815239241, -0.12820508596514596,
    -4.035783540763043];
  at.forEach((n, i) => assert.ok(Math.abs(gr[n] - py[i]) < 1e-3, [n, gr[n]]));
  assert.ok(Math.abs(C.maxReduction(gr) - 13.905027740681158) < 1e-3);
});

test("attack is the 63 % time: a step 20 dB over the threshold", () => {
  const fs = 48000, x = new Float32Array(fs).fill(1);      // 0 dBFS, 20 dB over -20
  const gr = C.gainReductionDb(x, Object.assign({}, DEFAULTS, { attack_ms: 10 }));
  // static reduction 15 dB; after 10 ms (480 samples) 1 - 1/e of it
  assert.ok(Math.abs(-gr[479] - 15 * (1 - Math.exp(-1))) < 0.05, gr[479]);
  const out = C.compress([x], Object.assign({}, DEFAULTS, { attack_ms: 0, makeup_db: 6 }));
  assert.ok(Math.abs(20 * Math.log10(out.channels[0][10]) - (-15 + 6)) < 1e-4);
});

test("silence gives no reduction and no NaN", () => {
  const gr = C.gainReductionDb(new Float32Array(100), DEFAULTS);
  assert.ok(gr.every((v) => v === 0));
});
