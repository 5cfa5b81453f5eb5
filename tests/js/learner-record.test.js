// The learner's areas (ext/static/learner-record.js) in the shared record: answers, lessons
// done, the import format and its bad inputs.
"use strict";
const test = require("node:test");
const assert = require("node:assert/strict");
const path = require("node:path");
// COURSE_STATIC: another folder of the scripts (tests/progress/test_units.py breaks a copy).
const STATIC = process.env.COURSE_STATIC || path.join(__dirname, "../../ext/static");
const Store = require(path.join(STATIC, "course-store.js"));
const Learner = require(path.join(STATIC, "learner-record.js"));
const Review = require(path.join(STATIC, "course-review.js"));

const T0 = Date.parse("2026-12-01T09:00:00.000Z");

function fresh(initial) {
  const storage = Store.memoryStorage(initial);
  return { storage, store: Learner.define(Store.create(storage)) };
}

test("an answer records the result, the counts and the review queue", () => {
  const { store } = fresh();
  assert.equal(Learner.answered(store, Review, "q1", "modules/01-a/l1", false, [0], T0), true);
  assert.equal(Learner.answered(store, Review, "q1", "modules/01-a/l1", true, [1], T0 + 1000), true);
  assert.deepEqual(store.get("quiz").q1, { ok: true, right: 1, wrong: 1,
    at: "2026-12-01T09:00:01.000Z", page: "modules/01-a/l1", value: [1] });
  // right before it is due: still in the queue, due 1 day after the miss
  assert.deepEqual(store.get("review").q1,
    { step: 0, due: "2026-12-02T09:00:00.000Z", page: "modules/01-a/l1" });
});

test("lessons marked done and undone", () => {
  const { store } = fresh();
  Learner.setDone(store, "modules/01-a/l1", true, T0);
  assert.deepEqual(store.get("lessons"), { "modules/01-a/l1": "2026-12-01T09:00:00.000Z" });
  Learner.setDone(store, "modules/01-a/l1", false, T0);
  assert.deepEqual(store.get("lessons"), {});
});

test("a quiz's Reset forgets its results and keeps the review queue", () => {
  const { store } = fresh();
  Learner.answered(store, Review, "q1", "p", false, [0], T0);
  Learner.answered(store, Review, "q2", "p", true, [0], T0);
  Learner.forgetQuiz(store, ["q1"]);
  assert.deepEqual(Object.keys(store.get("quiz")), ["q2"]);
  assert.deepEqual(Object.keys(store.get("review")), ["q1"]);
});

test("the export format: one record, the three areas by docname and question id", () => {
  const { store } = fresh();
  Learner.answered(store, Review, "q1", "modules/01-a/l1", false, "3,4", T0);
  Learner.setDone(store, "modules/01-a/l1", true, T0);
  const rec = JSON.parse(store.exportJson());
  assert.equal(rec.format, "open-audio-course-progress");
  assert.equal(rec.version, 1);
  assert.deepEqual(Object.keys(rec.areas).sort(), ["lessons", "quiz", "review"]);
  assert.equal(rec.areas.quiz.q1.value, "3,4");
  const other = fresh().store;
  assert.equal(other.importJson(store.exportJson()).ok, true);
  assert.deepEqual(other.get("lessons"), store.get("lessons"));
});

test("hand-edited imports are refused with the area, the entry and the rule", () => {
  const { storage, store } = fresh();
  Learner.setDone(store, "modules/01-a/l1", true, T0);
  const before = storage.getItem(Store.KEY);
  const good = JSON.parse(store.exportJson());
  const cases = [
    [(r) => { r.areas.lessons["modules/01-a/l1"] = "yesterday"; }, /areas\.lessons: lesson "modules\/01-a\/l1": the value must be a date/],
    [(r) => { r.areas.lessons["../../etc"] = "2026-12-01T09:00:00Z"; }, /areas\.lessons: "..\/..\/etc" is not a page name/],
    [(r) => { r.areas.quiz = { q1: { ok: "yes", right: 1, wrong: 0, at: "2026-12-01T09:00:00Z" } }; }, /areas\.quiz: question "q1": "ok" must be true or false/],
    [(r) => { r.areas.quiz = { q1: { ok: true, right: -1, wrong: 0, at: "2026-12-01T09:00:00Z" } }; }, /"right" and "wrong" must be whole numbers/],
    [(r) => { r.areas.review = { q1: { step: 3, due: "2026-12-01T09:00:00Z" } }; }, /areas\.review: question "q1": "step" must be 0, 1 or 2/],
    [(r) => { r.areas.review = { q1: { step: 0 } }; }, /"due" must be a date and time/],
    [(r) => { r.version = 2; }, /newer version of the course \(format version 2/],
  ];
  for (const [edit, why] of cases) {
    const r = JSON.parse(JSON.stringify(good));
    edit(r);
    const result = store.importJson(JSON.stringify(r));
    assert.equal(result.ok, false);
    assert.match(result.message, why);
    assert.match(result.message, /Your progress is unchanged/);
    assert.equal(storage.getItem(Store.KEY), before);
  }
});

test("a corrupt stored area is reported, kept as the damaged copy, and not used", () => {
  const bad = JSON.stringify({ format: Store.FORMAT, version: 1, areas: { review: { q1: { step: "x" } } } });
  const { storage, store } = fresh({ [Store.KEY]: bad });
  assert.deepEqual(store.get("review"), {});
  assert.match(store.problem(), /could not be read \(areas\.review: question "q1": "step" must be 0, 1 or 2\)/);
  Learner.setDone(store, "modules/01-a/l1", true, T0);
  assert.equal(storage.getItem(Store.DAMAGED_KEY), bad);
});

test("docnameOf: the same docname over http, a subfolder and file://", () => {
  const cases = [
    ["https://example.org/modules/01-a/l1.html#x", "https://example.org/"],
    ["http://localhost:8000/course/modules/01-a/l1.html", "http://localhost:8000/course/"],
    ["file:///home/me/site/modules/01-a/l1.html?x=1", "file:///home/me/site/"],
  ];
  for (const [url, root] of cases) {
    assert.equal(Learner.docnameOf(url, root, ".html"), "modules/01-a/l1");
  }
  assert.equal(Learner.docnameOf("https://example.org/modules/", "https://example.org/", ".html"), "modules/index");
  assert.equal(Learner.docnameOf("https://other.org/a.html", "https://example.org/", ".html"), null);
  assert.equal(Learner.docnameOf("https://example.org/a.zip", "https://example.org/", ".html"), null);
});
