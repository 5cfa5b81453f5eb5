// The live labs' framework: the pure helpers of ext/static/course-labs.js.
"use strict";
const test = require("node:test");
const assert = require("node:assert/strict");
const L = require("../../ext/static/course-labs.js");

const delay = { name: "delay_ms", label: "Delay", unit: "ms", min: 0.1, max: 20, step: 0.1,
  default: 1, scale: "log" };
const wave = { name: "wave", label: "Wave", unit: "", choices: ["sawtooth", "square"], default: "sawtooth" };

test("typed values are clamped to the range and the step, like labs.spec.clamp", () => {
  // the same cases as tests/labs/test_spec.py::test_clamp_numbers
  const cases = [["99999", 20], ["-5", 0.1], ["abc", 1], ["", 1], ["nan", 1], ["inf", 1],
    ["2.34", 2.3], ["\u22121", 0.1], [3, 3]];
  for (const [raw, want] of cases) {
    const got = L.clampValue(delay, raw);
    assert.ok(Math.abs(got - want) < 1e-9, `${raw}: ${got}`);
    assert.ok(Number.isFinite(got));
  }
  assert.equal(L.clampValue(delay, "abc", 4.2), 4.2, "a non-number keeps the current value");
  assert.equal(L.clampValue(wave, "square"), "square");
  assert.equal(L.clampValue(wave, "banjo"), "sawtooth");
});

test("values are shown with their unit and a real minus sign", () => {
  assert.equal(L.formatValue(delay, 1), "1 ms");
  assert.equal(L.formatValue({ unit: "dB" }, -3), "\u22123 dB");
  assert.equal(L.formatValue(wave, "square"), "square");
});

test("a log slider reaches both ends and always moves by at least one step", () => {
  assert.equal(L.toSlider(delay, 0.1), 0);
  assert.equal(L.toSlider(delay, 20), 400);
  assert.ok(Math.abs(L.fromSlider(delay, 400) - 20) < 1e-9);
  // one position up from 1 ms rounds back to 1 ms on the 0.1 grid: it moves one step
  const pos = L.toSlider(delay, 1) + 1;
  assert.equal(L.sliderValue(delay, pos, 1), 1.1);
  assert.equal(L.sliderValue(delay, L.toSlider(delay, 1) - 1, 1), 0.9);
  assert.equal(L.sliderValue(delay, 0, 0.1), 0.1);
});

test("ticks: 1-2-5 per decade on a log axis, round steps on a linear one", () => {
  assert.deepEqual(L.ticks(20, 20000, true), [20, 50, 100, 200, 500, 1000, 2000, 5000, 10000, 20000]);
  assert.deepEqual(L.ticks(-30, 9, false), [-30, -20, -10, 0]);
  assert.equal(L.tickLabel(2000), "2k");
  assert.equal(L.tickLabel(-10), "\u221210");
});

test("responseDb of an impulse response: a delayed copy gives +6 dB peaks and deep notches", () => {
  const h = new Float32Array(64);
  h[0] = 1;
  h[48] = 1; // 1 ms at 48 kHz
  const [dc, notch, peak] = L.responseDb(h, [0, 500, 1000], 48000);
  assert.ok(Math.abs(dc - 6.0206) < 1e-3, dc);
  assert.ok(notch < -60, notch);
  assert.ok(Math.abs(peak - 6.0206) < 1e-3, peak);
});

test("stats find non-finite samples and silence", () => {
  const s = L.stats(new Float32Array([0.5, -0.5, NaN]));
  assert.equal(s.finite, false);
  assert.equal(L.stats(new Float32Array(8)).rmsDb, -Infinity);
});

test("parseParams rejects a malformed list", () => {
  assert.throws(() => L.parseParams("[]"));
  assert.throws(() => L.parseParams('[{"label": "x"}]'));
  assert.equal(L.parseParams(JSON.stringify([delay]))[0].name, "delay_ms");
  assert.deepEqual(L.defaults([delay, wave]), { delay_ms: 1, wave: "sawtooth" });
});
