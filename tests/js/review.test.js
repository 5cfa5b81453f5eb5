// The review queue's schedule (ext/static/course-review.js), with a fake clock.
"use strict";
const test = require("node:test");
const assert = require("node:assert/strict");
const path = require("node:path");
// COURSE_STATIC: another folder of the scripts (tests/progress/test_units.py breaks a copy).
const STATIC = process.env.COURSE_STATIC || path.join(__dirname, "../../ext/static");
const Review = require(path.join(STATIC, "course-review.js"));

const DAY = 86400000;
const T0 = Date.parse("2026-12-01T09:00:00.000Z");

function dueIn(queue, qid, from) {
  return (Date.parse(queue[qid].due) - from) / DAY;
}

test("a missed question is due 1 day later, at step 0", () => {
  const q = Review.answer({}, "q1", false, T0, "modules/01-a/lesson");
  assert.deepEqual(q, { q1: { step: 0, due: "2026-12-02T09:00:00.000Z", page: "modules/01-a/lesson" } });
  assert.deepEqual(Review.due(q, T0), []);
  assert.equal(Review.later(q, T0).length, 1);
});

test("the whole schedule: 1, then 3, then 7 days, then out of the queue", () => {
  let now = T0;
  let q = Review.answer({}, "q1", false, now);
  assert.equal(dueIn(q, "q1", now), 1);
  now += 1 * DAY; // due now
  assert.deepEqual(Review.due(q, now).map((e) => e.id), ["q1"]);
  q = Review.answer(q, "q1", true, now);
  assert.equal(q.q1.step, 1);
  assert.equal(dueIn(q, "q1", now), 3);
  now += 3 * DAY;
  q = Review.answer(q, "q1", true, now);
  assert.equal(q.q1.step, 2);
  assert.equal(dueIn(q, "q1", now), 7);
  now += 7 * DAY;
  q = Review.answer(q, "q1", true, now);
  assert.deepEqual(q, {});
});

test("right before it is due changes nothing; one millisecond early is early", () => {
  const q = Review.answer({}, "q1", false, T0);
  const early = Review.answer(q, "q1", true, T0 + DAY - 1);
  assert.deepEqual(early, q);
  const onTime = Review.answer(q, "q1", true, T0 + DAY);
  assert.equal(onTime.q1.step, 1);
});

test("missed again at any step starts over at 1 day", () => {
  let q = Review.answer({}, "q1", false, T0);
  q = Review.answer(q, "q1", true, T0 + DAY);
  q = Review.answer(q, "q1", true, T0 + 4 * DAY);
  assert.equal(q.q1.step, 2);
  q = Review.answer(q, "q1", false, T0 + 5 * DAY);
  assert.equal(q.q1.step, 0);
  assert.equal(dueIn(q, "q1", T0 + 5 * DAY), 1);
});

test("right, not in the queue: the queue is unchanged; the input is never changed", () => {
  const q = Object.freeze({});
  assert.deepEqual(Review.answer(q, "q9", true, T0), {});
  const one = Review.answer({}, "q1", false, T0);
  const frozen = JSON.stringify(one);
  Review.answer(one, "q1", false, T0 + DAY);
  assert.equal(JSON.stringify(one), frozen);
});

test("due and later are sorted by time, then by id", () => {
  let q = Review.answer({}, "b", false, T0);
  q = Review.answer(q, "a", false, T0);
  q = Review.answer(q, "c", false, T0 - DAY);
  assert.deepEqual(Review.due(q, T0 + DAY).map((e) => e.id), ["c", "a", "b"]);
  assert.deepEqual(Review.due(q, T0).map((e) => e.id), ["c"]);
  assert.deepEqual(Review.later(q, T0).map((e) => e.id), ["a", "b"]);
});

test("the intervals are 1, 3 and 7 days", () => {
  assert.deepEqual(Review.INTERVALS, [1, 3, 7]);
  assert.equal(Review.DAY, 24 * 60 * 60 * 1000);
});
