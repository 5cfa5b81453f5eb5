// The gym's area of the learner's record (ext/static/gym/gym-record.js) and its validator.
"use strict";
const test = require("node:test");
const assert = require("node:assert/strict");
const Store = require("../../ext/static/course-store.js");
const Rec = require("../../ext/static/gym/gym-record.js");

const good = { drills: { "eq-band": { level: 2, levels: 7, title: "EQ band identification",
  page: "gym/eq" }, "gain-jnd": { level: 1, levels: 5, title: "Level difference",
  page: "gym/levels", threshold: 1.25 } } };

test("a good record passes; the empty record passes", () => {
  assert.equal(Rec.validate(good), null);
  assert.equal(Rec.validate(Rec.empty()), null);
});

test("each tampered field is named", () => {
  const cases = [
    [[], /not an object/],
    [{}, /no "drills"/],
    [{ drills: { "EQ!": good.drills["eq-band"] } }, /not a drill kind/],
    [{ drills: { pan: { ...good.drills["eq-band"], level: 9 } } }, /"level" is not a whole number from 0 to 7/],
    [{ drills: { pan: { ...good.drills["eq-band"], level: 1.5 } } }, /"level"/],
    [{ drills: { pan: { ...good.drills["eq-band"], levels: 0 } } }, /"levels"/],
    [{ drills: { pan: { ...good.drills["eq-band"], title: "" } } }, /"title"/],
    [{ drills: { pan: { ...good.drills["eq-band"], page: "../etc" } } }, /"page"/],
    [{ drills: { pan: { ...good.drills["eq-band"], threshold: "low" } } }, /"threshold"/],
    [{ drills: { pan: { ...good.drills["eq-band"], best: 2 } } }, /"best"/],
  ];
  for (const [value, why] of cases) assert.match(Rec.validate(value) || "", why);
});

test("through CourseStore: a tampered import is refused and progress kept", () => {
  const store = Rec.define(Store.create(Store.memoryStorage()));
  store.set("gym", good);
  const exported = store.exportJson();
  const tampered = JSON.parse(exported);
  tampered.areas.gym.drills["eq-band"].level = 99;
  const r = store.importJson(JSON.stringify(tampered));
  assert.equal(r.ok, false);
  assert.match(r.message, /areas\.gym: drill "eq-band": "level".*Your progress is unchanged/);
  assert.deepEqual(store.get("gym"), good);
  const back = Rec.define(Store.create(Store.memoryStorage()));
  assert.equal(back.importJson(exported).ok, true);
  assert.deepEqual(back.get("gym"), good);
});

test("a corrupt stored gym area gives the clear message and keeps a copy", () => {
  const raw = JSON.stringify({ format: Store.FORMAT, version: 1, updated: null,
    areas: { gym: { drills: { pan: { level: -1, levels: 4, title: "Panning", page: "gym/space" } } } } });
  const storage = Store.memoryStorage({ [Store.KEY]: raw });
  const store = Rec.define(Store.create(storage));
  assert.deepEqual(store.get("gym"), Rec.empty());
  assert.match(store.problem(), /could not be read \(areas\.gym: drill "pan": "level"/);
  assert.equal(storage.getItem(Store.DAMAGED_KEY), raw);
});
