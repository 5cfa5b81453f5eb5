// The progress page's numbers (ext/static/course-progress.js summarize()).
"use strict";
const test = require("node:test");
const assert = require("node:assert/strict");
const path = require("node:path");
// COURSE_STATIC: another folder of the scripts (tests/progress/test_units.py breaks a copy).
const STATIC = process.env.COURSE_STATIC || path.join(__dirname, "../../ext/static");
const Progress = require(path.join(STATIC, "course-progress.js"));

const MAP = {
  root: "../", suffix: ".html",
  pages: { "modules/01-a/index": "Module 1", "modules/01-a/l1": "Lesson 1", "modules/01-a/l2": "Lesson 2",
    "modules/01-a/review": "Review 1", "modules/02-b/index": "Module 2", "modules/02-b/l3": "Lesson 3" },
  modules: [
    { n: 1, doc: "modules/01-a/index", lessons: ["modules/01-a/l1", "modules/01-a/l2"],
      questions: [["q1", "1.1", "modules/01-a/l1"], ["q2", "1.2", "modules/01-a/l1"],
        ["q3", "1.3", "modules/01-a/review"]] },
    { n: 2, doc: "modules/02-b/index", lessons: ["modules/02-b/l3"], questions: [] },
  ],
};
const NOW = Date.parse("2026-12-04T12:00:00Z");
const at = "2026-12-03T12:00:00.000Z";

test("per module: questions answered, right, lessons done", () => {
  const s = Progress.summarize(MAP, {
    quiz: { q1: { ok: true, right: 1, wrong: 0, at }, q3: { ok: false, right: 2, wrong: 1, at },
      gone: { ok: true, right: 1, wrong: 0, at } },
    lessons: { "modules/01-a/l2": at, "modules/99-old/x": at },
  }, NOW);
  const [m1, m2] = s.modules;
  assert.deepEqual([m1.questions, m1.answered, m1.right], [3, 2, 1]);
  assert.deepEqual(m1.lessons.map((l) => [l.doc, !!l.done]),
    [["modules/01-a/l1", false], ["modules/01-a/l2", true]]);
  assert.equal(m1.title, "Module 1");
  assert.deepEqual([m2.questions, m2.answered, m2.lessons.length], [0, 0, 1]);
});

test("the review queue: due now and later, with the question's number and page", () => {
  const s = Progress.summarize(MAP, { review: {
    q1: { step: 0, due: "2026-12-04T11:00:00.000Z" },
    q3: { step: 1, due: "2026-12-07T12:00:00.000Z" },
    gone: { step: 0, due: "2026-12-01T12:00:00.000Z" },
  } }, NOW);
  assert.deepEqual(s.due.map((q) => [q.id, q.number, q.doc, q.page]),
    [["q1", "1.1", "modules/01-a/l1", "Lesson 1"]]);
  assert.deepEqual(s.later.map((q) => [q.id, q.step]), [["q3", 1]]);
  assert.equal(Progress.href(MAP, "modules/01-a/l1", "q-q1"), "../modules/01-a/l1.html#q-q1");
});

test("gym drills are read defensively", () => {
  assert.deepEqual(Progress.summarize(MAP, {}, NOW).drills, []);
  assert.deepEqual(Progress.drills({ drills: "nope" }), []);
  const d = Progress.drills({ drills: {
    eq: { level: 3, levels: 8, title: "EQ bands", page: "gym/eq" },
    bad: { level: "high" },
    gain: { level: 1 },
  } });
  assert.deepEqual(d.map((x) => [x.kind, x.level, x.levels, x.title, x.page]),
    [["eq", 3, 8, "EQ bands", "gym/eq"], ["gain", 1, null, "gain", ""]]);
});
