// The EQ lab's pure logic (ext/static/labs/eq.js) against soundlib.filters (numbers from
// Python: soundlib.recipes.labs_mix.eq_chain's bands, magnitude at 48 kHz).
"use strict";
const test = require("node:test");
const assert = require("node:assert/strict");
const A = require("../../ext/static/course-audio.js");
const E = require("../../ext/static/labs/eq.js");

const DEFAULTS = { low_shelf_hz: 150, low_shelf_db: 0, bell_hz: 300, bell_db: -6, bell_q: 1.2,
  high_shelf_hz: 10000, high_shelf_db: 3 };

test("the default response matches soundlib's RBJ biquads within 0.01 dB", () => {
  const f = [20, 100, 150, 300, 1000, 10000, 20000];
  const py = [-0.020123, -0.565466, -1.458945, -5.999999, -0.44652, 1.497047, 2.994417];
  E.responseDb(DEFAULTS, f).forEach((v, i) => assert.ok(Math.abs(v - py[i]) < 0.01, [f[i], v]));
});

test("a Web Audio low shelf is the cookbook shelf with S = 1 (q = 1/sqrt 2)", () => {
  const c = A.biquadCoefficients("lowshelf", 150, 1, -4);
  const b = [0.9968013552661402, -1.9689346720676104, 0.9724348410545637];
  const a = [1.0, -1.9688464923261122, 0.9693243760622025];
  b.forEach((v, i) => assert.ok(Math.abs(c.b[i] - v) < 1e-12));
  a.forEach((v, i) => assert.ok(Math.abs(c.a[i] - v) < 1e-12));
});

test("the bell sits at its gain at its frequency, the shelves at half their gain at theirs", () => {
  const flat = Object.assign({}, DEFAULTS, { high_shelf_db: 0 });
  assert.ok(Math.abs(E.responseDb(flat, [300])[0] - -6) < 0.01);
  const shelf = Object.assign({}, DEFAULTS, { bell_db: 0, low_shelf_db: -4, high_shelf_db: 0 });
  assert.ok(Math.abs(E.responseDb(shelf, [150])[0] - -2) < 0.05);
  assert.ok(Math.abs(E.responseDb(shelf, [20])[0] - -4) < 0.2);
});

test("all bands at 0 dB are flat, and the bands come in signal order", () => {
  const zero = Object.assign({}, DEFAULTS, { bell_db: 0, high_shelf_db: 0 });
  E.responseDb(zero, A.logFrequencies(20, 20000, 50)).forEach((v) => assert.ok(Math.abs(v) < 1e-9));
  assert.deepEqual(E.bands(DEFAULTS).map((b) => b.type), ["lowshelf", "peaking", "highshelf"]);
});
