// Seeded trials in the listening gym are reproducible: the same seed gives the same trials.
"use strict";
const test = require("node:test");
const assert = require("node:assert/strict");
const Gym = require("../../ext/static/gym/course-gym.js");
const Audio = require("../../ext/static/course-audio.js");
const Eq = require("../../ext/static/gym/eq.js");
const Space = require("../../ext/static/gym/space.js");
const Levels = require("../../ext/static/gym/levels.js");

function trials(def, seed, level, n) {
  const out = [];
  for (let i = 0; i < n; i++) {
    const run = def.run ? def.run(def.levels[level]) : null;
    out.push(def.trial(Audio.rng(Gym.trialSeed(seed, level, i)), def.levels[level], run));
  }
  return out;
}

test("the same seed gives the same trials; another seed others", () => {
  for (const def of [Eq.eqBand, Eq.eqFix, Space.pan, Space.width, Space.delay, Levels.gainJnd]) {
    const a = trials(def, 12345, 1, 20);
    assert.deepEqual(a, trials(def, 12345, 1, 20));
    assert.notDeepEqual(a, trials(def, 54321, 1, 20));
  }
});

test("trial seeds differ by level and by index", () => {
  const seeds = new Set();
  for (let level = 0; level < 8; level++) {
    for (let i = 0; i < 50; i++) seeds.add(Gym.trialSeed(99, level, i));
  }
  assert.equal(seeds.size, 400);
});

test("trials cover every band and both signs, and carry the answer", () => {
  const lv = Eq.eqBand.levels[1];
  const list = trials(Eq.eqBand, 7, 1, 200);
  assert.equal(new Set(list.map((t) => t.band)).size, lv.bands.length);
  assert.deepEqual(new Set(list.map((t) => t.answer.sign)), new Set(["+", "-"]));
  for (const t of list) assert.equal(Eq.eqBand.score(t, t.answer, lv), 1);
  for (const t of trials(Space.pan, 7, 2, 30)) {
    assert.equal(Space.pan.score(t, t.answer, Space.pan.levels[2]), 1);
  }
});

test("eq-band: pink-noise levels first, then the music (drums, bass, pad, mix), octave bands", () => {
  const lv = Eq.eqBand.levels;
  assert.deepEqual(lv.map((l) => l.music || "noise"),
    ["noise", "noise", "noise", "noise", "noise", "noise", "noise", "drums", "bass", "pad", "mix"]);
  for (const l of lv.slice(7)) {
    assert.ok(l.bands.every((f) => Eq.OCTAVES.includes(f)) && l.gains[0] === -l.gains[1], l.label);
  }
});

test("eq-band music: base64 of 16-bit little-endian PCM decodes to the samples", () => {
  const ints = [0, 1, -1, 32767, -32768, 12345, -12345];
  const bytes = Buffer.alloc(ints.length * 2);
  ints.forEach((v, i) => bytes.writeInt16LE(v, 2 * i));
  const x = Eq.pcm({ n: ints.length, pcm: bytes.toString("base64") });
  assert.ok(x instanceof Float32Array);
  assert.deepEqual(Array.from(x), ints.map((v) => Math.fround(v / 32768)));
  // the broken fixture: big-endian bytes do not decode to the same samples
  bytes.swap16();
  assert.notDeepEqual(Array.from(Eq.pcm({ n: ints.length, pcm: bytes.toString("base64") })),
    Array.from(x));
});
