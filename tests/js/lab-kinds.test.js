// The labs' math (ext/static/labs/*.js) against the lessons' worked examples.
"use strict";
const test = require("node:test");
const assert = require("node:assert/strict");
const rooms = require("../../ext/static/labs/room-modes.js");
const sampling = require("../../ext/static/labs/sampling.js");
const synth = require("../../ext/static/labs/synth.js");

test("room modes: the lesson's 5 x 4 x 2.5 m room", () => {
  const list = rooms.modes(5, 4, 2.5, 300);
  assert.equal(list[0].f.toFixed(1), "34.3");
  assert.deepEqual(list[0].order, [1, 0, 0]);
  const axial = list.filter((m) => m.kind === "axial" && m.f <= 100).map((m) => m.f.toFixed(1));
  assert.deepEqual(axial, ["34.3", "42.9", "68.6", "68.6", "85.8"]);
  const same = rooms.coincidences(list);
  assert.equal(same[0][1].f.toFixed(1), "68.6");
  assert.ok(list.every((m, i) => i === 0 || m.f >= list[i - 1].f));
});

test("room modes: a sine's frequency from its zero crossings", () => {
  const fs = 48000, f = 34.3, x = new Float32Array(fs);
  for (let i = 0; i < fs; i++) x[i] = Math.sin(2 * Math.PI * f * i / fs);
  assert.ok(Math.abs(rooms.toneFrequency(x, fs) - f) < 0.01);
});

test("aliasing: the lesson's 30 kHz at 48 kHz folds to 18 kHz; the lab's default to 3 kHz", () => {
  assert.equal(sampling.aliasFrequency(30000, 48000), 18000);
  assert.equal(sampling.aliasFrequency(5000, 8000), 3000);
  assert.equal(sampling.aliasFrequency(1000, 8000), 1000);
});

test("quantization: plain rounding has q^2/12 error power, TPDF dither q^2/4", () => {
  const n = 32768, v = { tone_hz: 997, sample_rate: 48000, bits: 8 };
  const q = Math.pow(2, -7);
  for (const [dither, want] of [["off", q * q / 12], ["on", q * q / 4]]) {
    const e = sampling.errorOf({ ...v, dither }, n);
    const p = e.reduce((s, x) => s + x * x, 0) / n;
    assert.ok(Math.abs(10 * Math.log10(p / want)) < 0.5, `${dither}: ${p} vs ${want}`);
  }
});

test("the FFT's band levels add up to the error's power", () => {
  const e = sampling.errorOf({ tone_hz: 5000, sample_rate: 8000, bits: 8, dither: "on" }, 32768);
  const total = sampling.bandLevelsDb(e).reduce((s, db) => s + Math.pow(10, db / 10), 0);
  const p = e.reduce((s, x) => s + x * x, 0) / e.length;
  assert.ok(Math.abs(10 * Math.log10(total / p)) < 0.1, [total, p]);
});

test("synth: harmonics of each wave, the ADSR breakpoints, 12 dB at the cutoff", () => {
  assert.equal(synth.harmonic("sawtooth", 16), 1 / 16); // the lesson: 24 dB below
  assert.equal(synth.harmonic("square", 2), 0);
  assert.equal(synth.harmonic("triangle", 3), 1 / 9);
  const env = synth.envelope({ attack_ms: 100, decay_ms: 300, sustain: 0.6, release_ms: 500 });
  assert.deepEqual(env, [[0, 0], [0.1, 1], [0.4, 0.6], [1.2, 0.6], [1.7, 0]]);
  const A = require("../../ext/static/course-audio.js");
  const at = A.responseDb(synth.coefficients({ cutoff_hz: 1000, resonance_db: 12 }), [1000])[0];
  assert.ok(Math.abs(at - 12) < 1e-6, at);
});
