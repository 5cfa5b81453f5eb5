// The comb filter lab's math (ext/static/labs/comb.js) against the lesson's worked example.
"use strict";
const test = require("node:test");
const assert = require("node:assert/strict");
const comb = require("../../ext/static/labs/comb.js");

test("a 1 ms delay puts notches at 500 Hz, 1.5 kHz, 2.5 kHz, ...", () => {
  assert.deepEqual(comb.notches(1, 4000), [500, 1500, 2500, 3500]);
  assert.ok(Math.abs(comb.notches(3.35, 200)[0] - 149.25) < 0.01); // the lesson's snare mics
});

test("equal copies: +6 dB peaks, notches floored at -30 dB; a quieter copy: shallower notches", () => {
  const [peak, notch] = comb.responseDb(1, 100, [1000, 500]);
  assert.ok(Math.abs(peak - 6.0206) < 1e-3);
  assert.equal(notch, -30);
  const half = comb.responseDb(1, 50, [500])[0];
  assert.ok(Math.abs(half - 20 * Math.log10(0.5)) < 1e-9, half);
});

test("the description names the first notch and the spacing", () => {
  const text = comb.describe({ delay_ms: 1, mix: 100 });
  assert.match(text, /notches every 1 kHz from 500 Hz/);
  assert.match(text, /complete/);
});
