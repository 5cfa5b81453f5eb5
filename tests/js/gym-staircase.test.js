// The level-difference drill's adaptive staircase (ext/static/gym/course-gym.js): 2-down/1-up
// (Levitt 1971) converges on the 70.7 %-correct point of a simulated listener.
"use strict";
const test = require("node:test");
const assert = require("node:assert/strict");
const Gym = require("../../ext/static/gym/course-gym.js");
const Audio = require("../../ext/static/course-audio.js");
const Levels = require("../../ext/static/gym/levels.js");

// A two-interval listener: P(correct | d dB) = 0.5 + 0.5 (1 - exp(-(d / alpha)^beta)).
function listener(alpha, beta, rng) {
  return (d) => rng() < 0.5 + 0.5 * (1 - Math.exp(-Math.pow(d / alpha, beta)));
}
// The difference this listener gets right 70.7 % of the time (1/sqrt(2): Levitt's target).
function target(alpha, beta) {
  const p = Math.SQRT1_2;
  return alpha * Math.pow(-Math.log(1 - (p - 0.5) / 0.5), 1 / beta);
}

function estimate(alpha, beta, seed, runs) {
  const rng = Audio.rng(seed);
  const hear = listener(alpha, beta, rng);
  let sum = 0;
  for (let r = 0; r < runs; r++) {
    const s = Gym.staircase({ start: 6, steps: [0.5, 0.25], switchAfter: 2, reversals: 40,
      useLast: 30, min: 0.05, max: 12, maxTrials: 2000 });
    while (!s.done()) s.record(hear(s.value()));
    sum += s.threshold();
  }
  return sum / runs;
}

test("two right answers make it harder, one miss easier; reversals are recorded", () => {
  const s = Gym.staircase({ start: 4, steps: [1, 0.5], switchAfter: 2, reversals: 4 });
  s.record(true); assert.equal(s.value(), 4);
  s.record(true); assert.equal(s.value(), 3);
  s.record(false); assert.equal(s.value(), 4);          // reversal at 3
  assert.deepEqual(s.reversals, [3]);
  s.record(true); s.record(true); assert.equal(s.value(), 3.5);  // reversal at 4; small steps
  assert.deepEqual(s.reversals, [3, 4]);
  s.record(true); s.record(true); assert.equal(s.value(), 3);
  assert.equal(s.done(), false);
  assert.equal(s.threshold(), 3.5);
});

// Long runs (40 reversals, the mean of the last 30), averaged over 300 simulated sessions.
test("it converges on the 70.7 % point of a simulated listener", () => {
  for (const [alpha, beta] of [[1.5, 2], [3, 1.5], [0.8, 3]]) {
    const want = target(alpha, beta);
    const got = estimate(alpha, beta, 42, 300);
    assert.ok(Math.abs(got - want) < 0.06 * want,
      `alpha ${alpha}, beta ${beta}: estimate ${got.toFixed(3)} dB, 70.7 % point ${want.toFixed(3)} dB`);
  }
});

test("a keener listener gets a lower threshold", () => {
  assert.ok(estimate(0.6, 2, 7, 100) < estimate(2, 2, 7, 100));
});

test("the drill's run passes a level only at or below its target, after 8 reversals", () => {
  const level = Levels.gainJnd.levels[1];            // target 2 dB
  const keen = Levels.run(level);
  const hear = listener(0.7, 2, Audio.rng(3));
  while (!keen.done()) keen.next(hear(keen.staircase.value()) ? 1 : 0);
  assert.equal(keen.passed(), true, keen.summary());
  assert.match(keen.summary(), /Your threshold: \d\.\d\d dB/);
  const dull = Levels.run(level);
  const hearDull = listener(6, 2, Audio.rng(3));
  while (!dull.done()) dull.next(hearDull(dull.staircase.value()) ? 1 : 0);
  assert.equal(dull.passed(), false, dull.summary());
});
