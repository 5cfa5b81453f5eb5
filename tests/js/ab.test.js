// The A/B player's pure logic (ext/static/course-ab.js): crossfade, playhead, blind rounds,
// keys, labels and feedback.
"use strict";
const test = require("node:test");
const assert = require("node:assert/strict");
const AB = require("../../ext/static/course-ab.js");

test("a switch is a crossfade of 10 ms or less, linear, ending at full and silent", () => {
  assert.ok(AB.RAMP_S > 0 && AB.RAMP_S <= 0.010, AB.RAMP_S);
  const plan = AB.crossfade(2.5, 1);
  assert.deepEqual(plan.out, [[2.5, 1], [2.5 + AB.RAMP_S, 0]]);
  assert.deepEqual(plan.in, [[2.5, 0], [2.5 + AB.RAMP_S, 1]]);
  assert.equal(plan.end, 2.5 + AB.RAMP_S);
  // a longer ramp asked for is held at 10 ms; a negative one is 0
  assert.equal(AB.crossfade(0, 1, 0.05).end, 0.01);
  assert.equal(AB.crossfade(0, 1, -1).end, 0);
  // a switch back during a ramp starts from where the gain is
  assert.deepEqual(AB.crossfade(1, 0.25, 0.008).in[0], [1, 0.75]);
});

test("the two gains of a crossfade always sum to one (same music: no dip, no bump)", () => {
  for (let t = 0; t <= 0.008; t += 0.001) {
    const g = AB.rampGain(t, 0.008);
    assert.ok(g >= 0 && g <= 1);
    assert.ok(Math.abs(g + (1 - g) - 1) < 1e-12);
  }
  assert.equal(AB.rampGain(-1, 0.008), 0);
  assert.equal(AB.rampGain(1, 0.008), 1);
  assert.equal(AB.rampGain(0, 0), 1);
  const steps = AB.volumeSteps(0.008, 4);
  assert.equal(steps.length, 4);
  assert.deepEqual(steps.map((s) => s.in), [0.25, 0.5, 0.75, 1]);
  assert.deepEqual(steps.map((s) => s.out), [0.75, 0.5, 0.25, 0]);
  assert.ok(Math.abs(steps[3].at - 0.008) < 1e-12);
});

test("the playhead wraps when looping and stops at the end otherwise", () => {
  assert.deepEqual(AB.playhead(1, 0.5, 4, false), { position: 1.5, ended: false });
  assert.deepEqual(AB.playhead(3, 2, 4, false), { position: 4, ended: true });
  const looped = AB.playhead(3, 2, 4, true);
  assert.ok(Math.abs(looped.position - 1) < 1e-12 && !looped.ended);
  assert.deepEqual(AB.playhead(1, -0.2, 4, false), { position: 1, ended: false });
  assert.deepEqual(AB.playhead(0, 1, 0, true), { position: 0, ended: true });
});

test("a blind round is the same from the same seed, and X is A or B about half the time", () => {
  assert.deepEqual(AB.blindRound(42), AB.blindRound(42));
  let xIsA = 0;
  const n = 2000;
  for (let seed = 1; seed <= n; seed++) {
    const r = AB.blindRound(seed);
    assert.ok((r.x === 0 && r.y === 1) || (r.x === 1 && r.y === 0), JSON.stringify(r));
    xIsA += r.x === 0 ? 1 : 0;
  }
  assert.ok(Math.abs(xIsA / n - 0.5) < 0.05, xIsA);
});

test("buttons and keys map to sides through the blind round", () => {
  assert.equal(AB.sideFor(0, null), 0);
  assert.equal(AB.sideFor(1, null), 1);
  assert.equal(AB.sideFor(0, { x: 1, y: 0 }), 1);
  assert.equal(AB.sideFor(1, { x: 1, y: 0 }), 0);
});

test("keys: A, B and Space in the player; never in a field, with a modifier, or on a control", () => {
  const k = (key, extra) => AB.keyAction({ key, tag: "DIV", ...extra });
  assert.equal(k("a"), "a");
  assert.equal(k("A"), "a");
  assert.equal(k("b"), "b");
  assert.equal(k("B"), "b");
  assert.equal(k(" "), "toggle");
  assert.equal(k("Spacebar"), "toggle");
  assert.equal(k("c"), null);
  assert.equal(k("Enter"), null);
  // Space on a button, link or summary is that control's own
  assert.equal(k(" ", { tag: "BUTTON" }), null);
  assert.equal(k(" ", { tag: "a" }), null);
  assert.equal(k(" ", { tag: "SUMMARY" }), null);
  // A and B still switch from a button (focus on Play, press B)
  assert.equal(k("b", { tag: "BUTTON" }), "b");
  for (const tag of ["INPUT", "TEXTAREA", "SELECT"]) {
    assert.equal(k("a", { tag }), null);
    assert.equal(k(" ", { tag }), null);
  }
  assert.equal(k("a", { editable: true }), null);
  assert.equal(k("a", { ctrlKey: true }), null);
  assert.equal(k("b", { metaKey: true }), null);
  assert.equal(k(" ", { altKey: true }), null);
});

test("labels come from data-ab-labels, with A and B for anything else", () => {
  assert.deepEqual(AB.parseLabels('["Before", "After"]'), ["Before", "After"]);
  assert.deepEqual(AB.parseLabels('["Dry", "Wet", "Other"]'), ["A", "B"]);
  assert.deepEqual(AB.parseLabels('["", "B"]'), ["A", "B"]);
  assert.deepEqual(AB.parseLabels("not json"), ["A", "B"]);
  assert.deepEqual(AB.parseLabels(null), ["A", "B"]);
});

test("the verdict names both sides, right or wrong", () => {
  const labels = ["Before", "After"];
  assert.deepEqual(AB.verdict(1, { x: 1, y: 0 }, labels),
    { right: true, text: "Right: X was After and Y was Before." });
  assert.deepEqual(AB.verdict(0, { x: 1, y: 0 }, labels),
    { right: false, text: "Not this time: X was After and Y was Before." });
});

test("times read m:ss.s", () => {
  assert.equal(AB.formatTime(0), "0:00.0");
  assert.equal(AB.formatTime(5.04), "0:05.0");
  assert.equal(AB.formatTime(65.25), "1:05.3");
  assert.equal(AB.formatTime(NaN), "0:00.0");
  assert.equal(AB.formatTime(-3), "0:00.0");
});
