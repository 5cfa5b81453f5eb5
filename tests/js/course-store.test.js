// The learner's record (ext/static/course-store.js): never loses data, validates imports.
"use strict";
const test = require("node:test");
const assert = require("node:assert/strict");
const Store = require("../../ext/static/course-store.js");

function counts(v) {
  return v && typeof v === "object" && typeof v.n === "number" ? null : "n must be a number";
}

function fresh(initial) {
  const storage = Store.memoryStorage(initial);
  const store = Store.create(storage).defineArea("demo", counts, { n: 0 });
  return { storage, store };
}

test("an empty browser gives the empty values", () => {
  const { store } = fresh();
  assert.deepEqual(store.get("demo"), { n: 0 });
  assert.equal(store.problem(), null);
});

test("set, then a new store over the same storage reads it back", () => {
  const { storage, store } = fresh();
  store.set("demo", { n: 3 });
  const again = Store.create(storage).defineArea("demo", counts, { n: 0 });
  assert.deepEqual(again.get("demo"), { n: 3 });
});

test("export then import gives the same data back", () => {
  const { store } = fresh();
  store.set("demo", { n: 7 });
  const text = store.exportJson();
  const other = fresh().store;
  const result = other.importJson(text);
  assert.equal(result.ok, true);
  assert.deepEqual(other.get("demo"), { n: 7 });
});

test("a corrupt stored record is kept as a damaged copy, with a message", () => {
  const { storage, store } = fresh({ [Store.KEY]: "{not json" });
  assert.deepEqual(store.get("demo"), { n: 0 });
  assert.match(store.problem(), /could not be read \(it is not valid JSON\)/);
  store.set("demo", { n: 1 });
  assert.equal(storage.getItem(Store.DAMAGED_KEY), "{not json");
});

test("a stored area that fails its check is reported with its path", () => {
  const bad = JSON.stringify({ format: Store.FORMAT, version: 1, areas: { demo: { n: "x" } } });
  const { store } = fresh({ [Store.KEY]: bad });
  assert.match(store.problem(), /areas\.demo: n must be a number/);
});

test("a record from a newer version is never written over", () => {
  const newer = JSON.stringify({ format: Store.FORMAT, version: 99, areas: { demo: { n: 5 } } });
  const { storage, store } = fresh({ [Store.KEY]: newer });
  assert.match(store.problem(), /newer version/);
  assert.equal(store.set("demo", { n: 1 }), false);
  assert.equal(storage.getItem(Store.KEY), newer);
});

test("bad imports change nothing and say why", () => {
  const { storage, store } = fresh();
  store.set("demo", { n: 4 });
  const before = storage.getItem(Store.KEY);
  const cases = [
    ["{oops", /not valid JSON/],
    [JSON.stringify({ format: "other", version: 1, areas: {} }), /"format" is "other"/],
    [JSON.stringify({ format: Store.FORMAT, version: 2, areas: {} }), /newer version/],
    [JSON.stringify({ format: Store.FORMAT, version: 1, areas: { demo: { n: null } } }),
      /areas\.demo: n must be a number.*edited by hand/],
  ];
  for (const [text, why] of cases) {
    const r = store.importJson(text);
    assert.equal(r.ok, false, text);
    assert.match(r.message, why);
    assert.match(r.message, /unchanged/);
    assert.equal(storage.getItem(Store.KEY), before);
    assert.deepEqual(store.get("demo"), { n: 4 });
  }
});

test("reset forgets the record and the damaged copy", () => {
  const { storage, store } = fresh({ [Store.KEY]: "garbage" });
  store.get("demo");
  store.reset();
  assert.equal(storage.getItem(Store.KEY), null);
  assert.equal(storage.getItem(Store.DAMAGED_KEY), null);
  assert.equal(store.problem(), null);
});
