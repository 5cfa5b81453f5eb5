// The shared audio module's pure functions (ext/static/course-audio.js).
"use strict";
const test = require("node:test");
const assert = require("node:assert/strict");
const A = require("../../ext/static/course-audio.js");

test("the seeded generator repeats and spreads", () => {
  const a = A.rng(42), b = A.rng(42), c = A.rng(43);
  const xs = Array.from({ length: 1000 }, () => a());
  assert.deepEqual(xs.slice(0, 5), Array.from({ length: 5 }, () => b()));
  assert.notEqual(xs[0], c());
  const mean = xs.reduce((s, x) => s + x, 0) / xs.length;
  assert.ok(Math.abs(mean - 0.5) < 0.03, mean);
  assert.ok(xs.every((x) => x >= 0 && x < 1));
});

test("pink noise is at -20 dBFS RMS and falls about 3 dB per octave", () => {
  const fs = 48000, x = A.pinkNoise(fs * 4, 1);
  assert.ok(Math.abs(A.rmsDb(x) - -20) < 0.01);
  // Energy in octave bands via narrow band-pass biquads: each octave up is ~equal energy
  // (pink = equal energy per octave), so a 1/3-octave-wide filter at 2x frequency sees the
  // same level within a dB.
  const band = (f) => A.rmsDb(A.filter(A.biquadCoefficients("bandpass", f, 4.3, 0, fs), x));
  const l250 = band(250), l1000 = band(1000), l4000 = band(4000);
  // A constant-Q band-pass on pink noise gives the same level in every band.
  assert.ok(Math.abs(l250 - l1000) < 1.0, [l250, l1000]);
  assert.ok(Math.abs(l1000 - l4000) < 1.0, [l1000, l4000]);
});

test("a peaking biquad has its gain at its center and 0 dB far away", () => {
  const c = A.biquadCoefficients("peaking", 1000, 1.41, 6, 48000);
  const [at, low, high] = A.responseDb(c, [1000, 20, 20000], 48000);
  assert.ok(Math.abs(at - 6) < 1e-9, at);
  assert.ok(Math.abs(low) < 0.05 && Math.abs(high) < 0.1, [low, high]);
});

test("shelves reach their gain, low-pass Q is resonance in dB", () => {
  const fs = 48000;
  assert.ok(Math.abs(A.responseDb(A.biquadCoefficients("lowshelf", 200, 0, 6, fs), [20])[0] - 6) < 0.1);
  assert.ok(Math.abs(A.responseDb(A.biquadCoefficients("highshelf", 5000, 0, -6, fs), [20000])[0] + 6) < 0.2);
  // The Web Audio API gives low-pass Q in dB: the response at the cutoff is Q dB.
  const lp = A.biquadCoefficients("lowpass", 1000, 12, 0, fs);
  assert.ok(Math.abs(A.responseDb(lp, [1000])[0] - 12) < 0.5);
});

test("matchRms loudness-matches signals", () => {
  const a = A.whiteNoise(4800, 1), b = A.whiteNoise(4800, 2).map((x) => x * 0.1);
  A.matchRms([a, b]);
  assert.ok(Math.abs(A.rmsDb(a) - A.rmsDb(b)) < 1e-6);
});

test("the pan law is equal power, -3 dB at the center", () => {
  const c = A.panGains(0);
  assert.ok(Math.abs(A.gainToDb(c.left) - -3.0103) < 1e-3);
  assert.deepEqual(A.panGains(-1), { left: 1, right: 0 });
  assert.ok(Math.abs(A.panGains(1).right - 1) < 1e-12 && A.panGains(1).left < 1e-12);
  for (const p of [-0.7, -0.2, 0.4, 0.9]) {
    const g = A.panGains(p);
    assert.ok(Math.abs(g.left ** 2 + g.right ** 2 - 1) < 1e-12);
  }
});

test("clamp never returns NaN", () => {
  assert.equal(A.clamp("abc", 0, 10, 5), 5);
  assert.equal(A.clamp(NaN, -3, 3), -3);
  assert.equal(A.clamp("12", 0, 10), 10);
  assert.equal(A.clamp(-Infinity, 0, 10, 1), 1);
});
