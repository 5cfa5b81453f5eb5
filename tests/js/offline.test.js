// The offline site's browser logic: search snippets from disk (ext/static/offline-search.js)
// and glossary previews (ext/static/glossary-preview.js).
"use strict";
const test = require("node:test");
const assert = require("node:assert/strict");
const Search = require("../../ext/static/offline-search.js");
const Glossary = require("../../ext/static/glossary-preview.js");

const ROOT = "file:///home/me/course-site/";

test("a page of the site maps to its docname", () => {
  assert.equal(Search.docnameFor(ROOT + "modules/06-mixing/eq.html", ROOT, ".html"), "modules/06-mixing/eq");
  assert.equal(Search.docnameFor(ROOT + "index.html#top", ROOT, ".html"), "index");
  assert.equal(Search.docnameFor(ROOT + "modules/a%20b.html?x=1", ROOT, ".html"), "modules/a b");
});

test("anything else is left to the browser", () => {
  assert.equal(Search.docnameFor("file:///elsewhere/page.html", ROOT, ".html"), null);
  assert.equal(Search.docnameFor(ROOT + "searchindex.js", ROOT, ".html"), null);
  assert.equal(Search.docnameFor(ROOT + "_searchtext/index.html", ROOT, ".html"), null);
  assert.equal(Search.docnameFor(ROOT, ROOT, ".html"), null);
});

test("the text file of a page sits under _searchtext/", () => {
  assert.equal(Search.textUrl(ROOT, "modules/06-mixing/eq"), ROOT + "_searchtext/modules/06-mixing/eq.js");
  assert.equal(Search.textUrl(ROOT, "a b"), ROOT + "_searchtext/a%20b.js");
});

test("install does nothing online", () => {
  const win = { location: { protocol: "https:" }, document: {} };
  assert.equal(Search.install(win), false);
  assert.equal(win.fetch, undefined);
});

test("the data block is read defensively", () => {
  assert.deepEqual(Glossary.parse('{"term-a": ["a", "An a."]}'), { "term-a": ["a", "An a."] });
  assert.deepEqual(Glossary.parse("not json"), {});
  assert.deepEqual(Glossary.parse("[1, 2]"), {});
  assert.deepEqual(Glossary.parse('{"term-a": ["a"], "term-b": ["b", ""], "term-c": ["c", 3]}'), {});
});

test("term ids come from the link's fragment", () => {
  assert.equal(Glossary.termId("../glossary.html#term-dBFS"), "term-dBFS");
  assert.equal(Glossary.termId("#term-a%20b"), "term-a b");
  assert.equal(Glossary.termId("../glossary.html#not-a-term"), null);
  assert.equal(Glossary.termId("../glossary.html"), null);
});

test("the preview goes below the link, above it near the bottom, inside the window", () => {
  const view = { width: 1000, height: 800, scrollX: 0, scrollY: 2000 };
  const box = { width: 300, height: 120 };
  const below = Glossary.placement({ left: 100, top: 100, bottom: 120 }, box, view);
  assert.deepEqual(below, { left: 100, top: 2126, above: false });
  const above = Glossary.placement({ left: 100, top: 700, bottom: 720 }, box, view);
  assert.deepEqual(above, { left: 100, top: 2574, above: true });
  const right = Glossary.placement({ left: 950, top: 100, bottom: 120 }, box, view);
  assert.equal(right.left, 1000 - 300 - 6);
  const tiny = Glossary.placement({ left: 10, top: 50, bottom: 70 }, box, { width: 1000, height: 150, scrollX: 0, scrollY: 0 });
  assert.equal(tiny.above, false);  // fits neither way: below, the page scrolls
});
