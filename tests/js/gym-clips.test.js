// The clip drills' logic (ext/static/gym/clips.js): levels, seeded trials, scoring, words.
"use strict";
const test = require("node:test");
const assert = require("node:assert/strict");
const C = require("../../ext/static/gym/clips.js");
const A = require("../../ext/static/course-audio.js");

const SETTINGS = { compression: ["none", "2:1", "4:1", "12:1"], reverb: ["short", "medium", "long"],
  distortion: ["clean", "light", "heavy"] };
const SOURCES = ["drums", "bass", "synth pad", "full mix"];
// The config the build writes (gym.clip_build.clip_config): one clip per source and setting.
const clips = (kind) => SOURCES.flatMap((source) => SETTINGS[kind].map((setting) => ({
  id: `${kind}-${source}-${setting}`, src: `../_audio/gym/${source}-${setting}.mp3`, source,
  setting })));

test("every level is 10 to 20 trials and asks about settings the clips have", () => {
  for (const kind of C.KINDS) {
    assert.ok(C.LEVELS[kind].length >= 2, kind);
    for (const level of C.LEVELS[kind]) {
      assert.ok(level.trials >= 10 && level.trials <= 20, level.label);
      const need = level.mode === "pair" ? [level.plain, level.setting] : level.choices;
      need.forEach((s) => assert.ok(SETTINGS[kind].includes(s), `${kind}: ${s}`));
      assert.equal(C.usableSources(level, clips(kind)).length, 4);
    }
  }
  assert.deepEqual(C.LEVELS.compression.map((l) => l.setting || l.choices.join(" ")),
    ["12:1", "4:1", "2:1", "2:1 4:1 12:1"]);
});

test("a pair trial plays one source, compressed on A or B from the seed", () => {
  const level = C.LEVELS.compression[1];
  const counts = { A: 0, B: 0 };
  const sources = new Set();
  for (let seed = 1; seed <= 400; seed++) {
    const t = C.makeTrial(level, clips("compression"), A.rng(seed));
    const other = t.answer.which === "A" ? "B" : "A";
    assert.equal(t.clips[t.answer.which].setting, "4:1");
    assert.equal(t.clips[other].setting, "none");
    assert.equal(t.clips.A.source, t.clips.B.source);
    counts[t.answer.which]++;
    sources.add(t.source);
  }
  assert.ok(counts.A > 160 && counts.B > 160, JSON.stringify(counts));
  assert.equal(sources.size, 4);
  assert.deepEqual(C.makeTrial(level, clips("compression"), A.rng(9)),
    C.makeTrial(level, clips("compression"), A.rng(9)));
});

test("a naming trial plays one clip (and the uncompressed reference for the ratio)", () => {
  const level = C.LEVELS.compression[3];
  const seen = new Set();
  for (let seed = 1; seed <= 200; seed++) {
    const t = C.makeTrial(level, clips("compression"), A.rng(seed));
    assert.equal(t.clips.clip.setting, t.answer.setting);
    assert.equal(t.clips.reference.setting, "none");
    assert.equal(t.clips.reference.source, t.clips.clip.source);
    seen.add(t.answer.setting);
  }
  assert.deepEqual([...seen].sort(), ["12:1", "2:1", "4:1"]);
  assert.deepEqual(C.sounds(level).map((s) => s.key), ["u", "p"]);
  assert.deepEqual(C.controls("compression", level)[0].options.map((o) => o.key + o.value),
    ["12:1", "24:1", "312:1"]);
});

test("scoring: right 1, one step off on a ladder of three 0.5, else 0", () => {
  const ratio = C.LEVELS.compression[3], rt = C.LEVELS.reverb[1], twoRt = C.LEVELS.reverb[0];
  const t = (setting) => ({ answer: { setting } });
  assert.equal(C.score(ratio, t("4:1"), { setting: "4:1" }), 1);
  assert.equal(C.score(ratio, t("4:1"), { setting: "12:1" }), 0.5);
  assert.equal(C.score(ratio, t("2:1"), { setting: "12:1" }), 0);
  assert.equal(C.score(rt, t("long"), { setting: "medium" }), 0.5);
  assert.equal(C.score(twoRt, t("long"), { setting: "short" }), 0);
  assert.equal(C.score(C.LEVELS.distortion[1], t("light"), { setting: "light" }), 1);
  assert.equal(C.score(C.LEVELS.distortion[1], t("clean"), { setting: "light" }), 0);
  const pair = C.LEVELS.compression[0];
  assert.equal(C.score(pair, { answer: { which: "B" } }, { which: "B" }), 1);
  assert.equal(C.score(pair, { answer: { which: "B" } }, { which: "A" }), 0);
});

test("explanations name the answer, the source and what to listen for", () => {
  const pair = C.LEVELS.compression[0];
  const t = C.makeTrial(pair, clips("compression"), A.rng(5));
  const words = C.explain(pair, t);
  assert.match(words, new RegExp(`^${t.answer.which} was compressed \\(${t.source}\\), 12:1`));
  assert.match(words, /the other was uncompressed/);
  const rt = C.LEVELS.reverb[1];
  const r = C.makeTrial(rt, clips("reverb"), A.rng(6));
  assert.match(C.explain(rt, r), /RT60 (0\.4|1\.2|3\.0) s/);
  for (const kind of C.KINDS) {
    SETTINGS[kind].forEach((s) => assert.ok(C.WHY[s] && C.LABELS[s], s));
  }
});

test("a drill without clips says so instead of playing nothing", () => {
  assert.throws(() => C.makeTrial(C.LEVELS.reverb[0], [], A.rng(1)), /no clips/);
  const partial = clips("reverb").filter((c) => c.source !== "bass" || c.setting !== "long");
  assert.equal(C.usableSources(C.LEVELS.reverb[0], partial).length, 3);
});
