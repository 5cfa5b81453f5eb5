// Scoring in the listening gym: band identification by distance, level pass/fail at 80 %,
// the EQ fix's residual error, distance credit for positions, explanations in words.
"use strict";
const test = require("node:test");
const assert = require("node:assert/strict");
const Gym = require("../../ext/static/gym/course-gym.js");
const Eq = require("../../ext/static/gym/eq.js");
const Space = require("../../ext/static/gym/space.js");

test("band identification: an octave off costs less than boost and cut swapped", () => {
  const truth = { band: 4, sign: "+" };
  assert.equal(Gym.bandCredit(truth, { band: 4, sign: "+" }, 1), 1);
  const octaveOff = Gym.bandCredit(truth, { band: 3, sign: "+" }, 1);
  const signWrong = Gym.bandCredit(truth, { band: 4, sign: "-" }, 1);
  assert.equal(octaveOff, 0.5);
  assert.ok(signWrong < octaveOff, `sign wrong ${signWrong} >= octave off ${octaveOff}`);
  assert.equal(Gym.bandCredit(truth, { band: 1, sign: "+" }, 1), 0);  // three octaves off
  // third-octave bands: one band off is a third of an octave
  assert.ok(Math.abs(Gym.bandCredit(truth, { band: 5, sign: "+" }, 3) - 5 / 6) < 1e-12);
});

test("the eq-band drill scores a cut answered as a boost below an octave miss", () => {
  const level = Eq.eqBand.levels[1];
  const trial = { band: 3, freq: 1000, gain: -12 };
  const right = Eq.eqBand.score(trial, { band: 3, sign: "-" }, level);
  const octave = Eq.eqBand.score(trial, { band: 4, sign: "-" }, level);
  const swapped = Eq.eqBand.score(trial, { band: 3, sign: "+" }, level);
  assert.deepEqual([right, octave, swapped], [1, 0.5, 0.25]);
});

test("a level passes at 80 % and not below", () => {
  assert.deepEqual(Gym.levelResult(Array(10).fill(1).fill(0, 8)), { score: 0.8, passed: true });
  assert.equal(Gym.levelResult([1, 1, 1, 1, 1, 1, 1, 0.5, 0, 0]).passed, false);  // 75 %
  assert.equal(Gym.levelResult([]).passed, false);
  assert.equal(Gym.mergeLevel(3, 2), 3);
  assert.equal(Gym.mergeLevel(0, 1), 1);
});

test("every ladder has levels of 10 to 20 trials (the adaptive drill excepted)", () => {
  for (const def of [Eq.eqBand, Eq.eqFix, Space.pan, Space.width, Space.delay]) {
    assert.ok(def.levels.length >= 3);
    for (const lv of def.levels) assert.ok(lv.trials >= 10 && lv.trials <= 20, lv.label);
  }
  const gains = Eq.eqBand.levels.slice(0, 5).map((lv) => Math.max(...lv.gains));
  assert.deepEqual(gains, [12, 12, 9, 6, 3]);                 // ±12 dB down to ±3 dB
  assert.deepEqual(Eq.OCTAVES, [125, 250, 500, 1000, 2000, 4000, 8000]);
});

test("EQ fix: the residual error is 0 for the exact opposite and grows with the miss", () => {
  const problem = { freq: 2000, gain: 9 };
  assert.ok(Eq.residualDb(problem, { freq: 2000, gain: -9 }, Eq.Q_OCTAVE) < 1e-9);
  const half = Eq.residualDb(problem, { freq: 2000, gain: -4.5 }, Eq.Q_OCTAVE);
  const none = Eq.residualDb(problem, { freq: 2000, gain: 0 }, Eq.Q_OCTAVE);
  assert.ok(Math.abs(half - 4.5) < 0.01 && Math.abs(none - 9) < 0.01, `${half} ${none}`);
  const wrongBand = Eq.residualDb(problem, { freq: 1000, gain: -9 }, Eq.Q_OCTAVE);
  assert.ok(wrongBand > half);
  const level = Eq.eqFix.levels[0];
  const trial = { band: 4, freq: 2000, gain: 9 };
  assert.equal(Eq.eqFix.score(trial, { gain: -9 }, level), 1);
  assert.equal(Eq.eqFix.score(trial, { gain: 0 }, level), 0);
  assert.match(Eq.eqFix.explain(trial, { gain: -6 }, level), /residual error of \d+\.\d dB/);
});

test("each answer is explained in words", () => {
  assert.equal(Eq.describe(2000, 6), "+6 dB at 2 kHz: presence, then harshness");
  const lv = Eq.eqBand.levels[1];
  const text = Eq.eqBand.explain({ band: 4, freq: 2000, gain: 12 }, { band: 3, sign: "-" }, lv);
  assert.match(text, /It was \+12 dB at 2 kHz: presence, then harshness\. You chose \u221212 dB at 1 kHz/);
  const pan = Space.pan.explain({ index: 0, position: -0.5 }, { position: 0 }, Space.pan.levels[1]);
  assert.match(pan, /50 % left: the left channel 7\.7 dB louder/);
  assert.match(Space.width.explain({ index: 0, width: 0 }, { width: 0 }, Space.width.levels[0]),
    /mono.*correlated 1\.00/);
  assert.match(Space.delay.explain({ index: 2, ms: 400 }, { time: 2 }, Space.delay.levels[0]),
    /quarter note it fits 150 BPM/);
});

test("positions are scored by distance", () => {
  assert.equal(Space.distanceCredit(2, 2, 1), 1);
  assert.equal(Space.distanceCredit(2, 3, 1), 0.5);
  assert.equal(Space.distanceCredit(2, 4, 1), 0);
});
