// The ABX drill's logic (ext/static/gym/abx.js): exact binomial p-values and trials.
"use strict";
const test = require("node:test");
const assert = require("node:assert/strict");
const X = require("../../ext/static/gym/abx.js");
const A = require("../../ext/static/course-audio.js");

// Exact values: p = sum_{i>=k} C(n, i) / 2^n.
test("p-values are the exact one-sided binomial tails", () => {
  assert.ok(Math.abs(X.pValue(12, 16) - 2517 / 65536) < 1e-15);       // 0.0384
  assert.equal(X.pValue(12, 16).toFixed(4), "0.0384");
  assert.ok(Math.abs(X.pValue(9, 10) - 11 / 1024) < 1e-15);           // 0.0107
  assert.ok(Math.abs(X.pValue(10, 10) - 1 / 1024) < 1e-15);
  assert.ok(Math.abs(X.pValue(5, 10) - 638 / 1024) < 1e-15);          // 0.623
  assert.ok(Math.abs(X.pValue(11, 16) - 6885 / 65536) < 1e-15);       // 0.105
  assert.equal(X.pValue(0, 7), 1);
  assert.ok(Math.abs(X.pValue(60, 100) - 0.028443966820490392) < 1e-12);
});

test("the fewest correct answers for p <= 0.05", () => {
  assert.equal(X.minCorrect(16), 12);
  assert.equal(X.minCorrect(10), 9);
  assert.equal(X.minCorrect(20), 15);
  assert.equal(X.minCorrect(4), 5);   // four trials can never reach p <= 0.05
});

test("the verdict in words", () => {
  assert.equal(X.verdict(9, 10), "9 of 10 correct: p = 0.011, unlikely to be guessing");
  assert.equal(X.verdict(12, 16), "12 of 16 correct: p = 0.038, unlikely to be guessing");
  assert.equal(X.verdict(11, 16), "11 of 16 correct: p = 0.105, could be guessing (p above 0.05)");
  assert.equal(X.verdict(20, 20), "20 of 20 correct: p < 0.001, unlikely to be guessing");
  assert.equal(X.verdict(0, 3), "0 of 3 correct: p = 1, could be guessing (p above 0.05)");
});

test("bad counts are refused", () => {
  assert.throws(() => X.pValue(11, 10), RangeError);
  assert.throws(() => X.pValue(-1, 10), RangeError);
  assert.throws(() => X.pValue(1, 0), RangeError);
  assert.throws(() => X.pValue(1.5, 10), RangeError);
});

test("X is A or B from the seed: the same seed, the same run; about half each", () => {
  const a = X.schedule(A.rng(7), 400), b = X.schedule(A.rng(7), 400);
  assert.deepEqual(a, b);
  assert.notDeepEqual(a.slice(0, 20), X.schedule(A.rng(8), 20));
  const nA = a.filter((x) => x === "A").length;
  assert.ok(nA > 160 && nA < 240, nA);
});

test("a session scores answers and gives the p-value at the end", () => {
  const s = X.session(A.rng(3), 10);
  s.xs.forEach((x, i) => {
    const r = s.answer(i === 0 ? (x === "A" ? "b" : "a") : x);
    assert.equal(r.correct, i !== 0);
    assert.equal(r.done, i === 9);
  });
  assert.deepEqual(s.summary(), { correct: 9, trials: 10, p: 11 / 1024,
    words: "9 of 10 correct: p = 0.011, unlikely to be guessing" });
  assert.throws(() => s.answer("A"), /run is over/);
  assert.throws(() => X.session(A.rng(1), 5).answer("C"), /A or B/);
});

test("a listener who guesses is rarely called unlikely to be guessing", () => {
  // 2,000 simulated runs of 16 trials by a coin: about 3.8 % reach p <= 0.05 (exactly 2517/65536).
  const coin = A.rng(99);
  let hits = 0;
  for (let r = 0; r < 2000; r++) {
    const s = X.session(A.rng(1000 + r), 16);
    for (let i = 0; i < 16; i++) s.answer(coin() < 0.5 ? "A" : "B");
    if (s.summary().p <= 0.05) hits++;
  }
  assert.ok(hits / 2000 > 0.02 && hits / 2000 < 0.06, hits);
});

test("the runner's run: n trials on one pair, passed at p <= 0.05, the verdict as summary", () => {
  const pair = { a: { label: "Dry (Audio 6.3)", src: "a.mp3" }, b: { label: "Compressed (Audio 6.4)", src: "b.mp3" } };
  const run = X.makeRun(10, pair);
  for (let i = 0; i < 10; i++) run.next(i === 4 ? 0 : 1);
  assert.ok(run.done());
  assert.ok(run.passed());
  assert.equal(run.summary(), "9 of 10 correct: p = 0.011, unlikely to be guessing.");
  const weak = X.makeRun(10, pair);
  for (let i = 0; i < 10; i++) weak.next(i < 8 ? 1 : 0);
  assert.equal(weak.passed(), false);          // 8 of 10: p = 0.055
  const t = X.makeTrial(A.rng(2), pair);
  assert.ok(t.answer.x === "A" || t.answer.x === "B");
  assert.equal(X.explain({ pair, answer: { x: "B" } }), "X was B: Compressed (Audio 6.4).");
});
