// The loudness lab's pure logic (ext/static/labs/loudness.js) against soundlib.loudness and
// soundlib.dynamics.limit (numbers from Python: recipes.labs_mix.loudness_chain).
"use strict";
const test = require("node:test");
const assert = require("node:assert/strict");
const L = require("../../ext/static/labs/loudness.js");

const loop = L.loop();

test("the loop is soundlib.recipes.labs_mix.lab_loop, sample for sample", () => {
  assert.equal(loop.length, 2);
  assert.equal(loop[0].length, 96000);
  let sum = 0;
  loop.forEach((ch) => ch.forEach((v) => { sum += v; }));
  assert.ok(Math.abs(sum - 1005.870052110963) < 0.01, sum);
});

test("integrated loudness within 0.05 LU and true peak within 0.001 dB of soundlib", () => {
  assert.ok(Math.abs(L.integratedLufs(loop) - -12.156344006236719) < 0.05);
  assert.ok(Math.abs(L.truePeakDb(loop) - -0.7688990306808718) < 0.001);
});

test("BS.1770 calibration: a 997 Hz sine at 0 dBFS in one channel reads -3.01 LUFS", () => {
  const fs = 48000, x = new Float32Array(fs * 3);
  for (let i = 0; i < x.length; i++) x[i] = Math.sin(2 * Math.PI * 997 * i / fs);
  assert.ok(Math.abs(L.integratedLufs([x]) - -3.01) < 0.02, L.integratedLufs([x]));
  assert.equal(L.integratedLufs([new Float32Array(fs)]), -Infinity);
});

test("true peak catches the inter-sample peak of a sine at fs/4 sampled 45 degrees off", () => {
  const x = new Float32Array(4800);
  for (let i = 0; i < x.length; i++) x[i] = Math.sin(Math.PI / 2 * i + Math.PI / 4);
  assert.ok(Math.abs(20 * Math.log10(Math.abs(x[0])) - -3.01) < 0.01);
  // soundlib reads +0.094 dBTP here: the abrupt start of the sine adds a little ringing
  assert.ok(Math.abs(L.truePeakDb([x]) - 0.09384522998721614) < 0.001, L.truePeakDb([x]));
});

test("the default chain (drive 9 dB, ceiling -1, Spotify) agrees with soundlib", () => {
  const r = L.chain({ drive_db: 9, ceiling_db: -1, platform: "Spotify, \u221214 LUFS" });
  assert.ok(Math.abs(r.lufs - -9.0503) < 0.05, r.lufs);
  assert.ok(Math.abs(r.truePeak - -0.9237) < 0.001, r.truePeak);
  assert.ok(Math.abs(r.platformGain - -4.9497) < 0.05, r.platformGain);
  assert.ok(Math.abs(r.playedTruePeak - -5.8735) < 0.05);
  let sum = 0;
  r.master.forEach((ch) => ch.forEach((v) => { sum += Math.abs(v); }));
  assert.ok(Math.abs(sum - 61392.80908324607) < 0.01, sum);   // the limiter, sample for sample
  const c = Math.pow(10, -1 / 20);
  assert.ok(r.master.every((ch) => ch.every((v) => Math.abs(v) <= c + 1e-7)));
});

test("the description names the numbers, and the quiet master stops at the peak ceiling", () => {
  const text = L.describe({ drive_db: 9, ceiling_db: -1, platform: "Spotify, \u221214 LUFS" });
  assert.match(text, /Your master: \u22129(\.\d)? LUFS/);
  assert.match(text, /plays it at \u2212(4\.9|5) dB/);
  const quiet = L.chain({ drive_db: 0, ceiling_db: -6, platform: "Spotify, \u221214 LUFS" });
  assert.ok(quiet.limited || quiet.playedLufs <= -14 + 1e-9);
});

test("a platform turns quiet masters up only until the true peak reaches -1 dBTP", () => {
  assert.equal(L.platformGainDb(-8, -0.3, -14, -1), -6);        // the lesson's loud master
  assert.equal(L.platformGainDb(-20, -5, -14, -1), 4);          // plays at -16, not -14
  assert.equal(L.targetOf("EBU R 128, \u221223 LUFS"), -23);
  assert.equal(L.targetOf("Apple Music, about \u221216 LUFS"), -16);
});
