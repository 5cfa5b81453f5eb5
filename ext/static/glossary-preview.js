/*
 * glossary-preview.js: a glossary term's definition in place, on hover and on focus.
 *
 * The page carries the definitions of the terms it links in a JSON data block,
 * <script type="application/json" id="glossary-data"> (ext/offline/glossary.py), so nothing
 * is fetched. For each :term: link this script
 *  - gives the link an accessible description (aria-describedby) pointing at a hidden span
 *    with the definition, so a screen reader reads the definition when the link gets focus;
 *  - shows a preview box below the link (above it near the bottom of the window) while the
 *    pointer is over the link or the box, or while the link has focus: the term, its
 *    definition and a link to the glossary entry. The box is hidden from assistive technology
 *    (it repeats the description; the term link itself goes to the same entry) and its link
 *    is out of the tab order, so keyboard users do not meet every term twice.
 *  - Escape hides the box; it stays on screen until the pointer leaves (WCAG 1.4.13: content
 *    on hover or focus is dismissible, hoverable and persistent). Hidden in print (CSS).
 *
 * Classic script, strict-CSP clean (positions set through the CSSOM, no style attributes in
 * markup); the pure parts (parse, placement) are tested with node --test (tests/js/).
 */
(function (root, factory) {
  "use strict";
  var api = factory();
  if (typeof module === "object" && module.exports) {
    module.exports = api;
  } else {
    root.CourseGlossary = api;
    if (root.document) {
      if (root.document.readyState === "loading") {
        root.document.addEventListener("DOMContentLoaded", function () { api.start(root); });
      } else {
        api.start(root);
      }
    }
  }
})(typeof self !== "undefined" ? self : this, function () {
  "use strict";

  var GAP = 6;
  var HIDE_DELAY_MS = 250;
  var SHOW_DELAY_MS = 120;

  /** The data block's text as {termId: [term, definition]}; bad entries are dropped. */
  function parse(text) {
    var data;
    try { data = JSON.parse(text); } catch (e) { return {}; }
    var out = {};
    if (!data || typeof data !== "object" || Array.isArray(data)) return out;
    Object.keys(data).forEach(function (id) {
      var v = data[id];
      if (Array.isArray(v) && v.length === 2 && typeof v[0] === "string" && typeof v[1] === "string" && v[1]) {
        out[id] = v;
      }
    });
    return out;
  }

  /** The term id of a link's href ("../glossary.html#term-dbfs" -> "term-dbfs"), or null. */
  function termId(href) {
    var at = String(href || "").indexOf("#");
    if (at < 0) return null;
    var id = decodeURIComponent(String(href).slice(at + 1));
    return id.indexOf("term-") === 0 ? id : null;
  }

  /**
   * Where the box goes, in page coordinates: below the link, or above it when it does not fit
   * below and does fit above; kept inside the window horizontally.
   * link: {left, top, bottom} (viewport); box: {width, height}; view: {width, height,
   * scrollX, scrollY}.
   */
  function placement(link, box, view) {
    var below = link.bottom + GAP + box.height <= view.height;
    var above = link.top - GAP - box.height >= 0;
    var top = (below || !above) ? link.bottom + GAP : link.top - GAP - box.height;
    var left = Math.min(Math.max(GAP, link.left), Math.max(GAP, view.width - box.width - GAP));
    return { left: Math.round(left + view.scrollX), top: Math.round(top + view.scrollY), above: !below && above };
  }

  function start(win) {
    var doc = win.document;
    var block = doc.getElementById("glossary-data");
    if (!block) return null;
    var data = parse(block.textContent);
    var links = Array.prototype.filter.call(doc.querySelectorAll("a.reference.internal"), function (a) {
      return a.querySelector(".std-term") && Object.prototype.hasOwnProperty.call(data, termId(a.getAttribute("href")));
    });
    if (!links.length) return null;

    // accessible descriptions: one hidden span per term
    var store = doc.createElement("div");
    store.hidden = true;
    store.className = "glossary-descriptions";
    Object.keys(data).forEach(function (id) {
      var span = doc.createElement("span");
      span.id = "gdesc-" + id;
      span.textContent = data[id][1];
      store.appendChild(span);
    });
    doc.body.appendChild(store);

    // the one preview box
    var box = doc.createElement("div");
    box.className = "glossary-preview";
    box.hidden = true;
    box.setAttribute("aria-hidden", "true");
    var title = box.appendChild(doc.createElement("p"));
    title.className = "glossary-preview-term";
    var body = box.appendChild(doc.createElement("p"));
    body.className = "glossary-preview-definition";
    var more = box.appendChild(doc.createElement("a"));
    more.className = "glossary-preview-link";
    more.href = links[0].href.split("#")[0]; // a real link from the start (crawlable)
    more.tabIndex = -1;
    doc.body.appendChild(box);

    var current = null;
    var hideTimer = null;
    var showTimer = null;

    function show(link) {
      win.clearTimeout(hideTimer);
      var entry = data[termId(link.getAttribute("href"))];
      current = link;
      title.textContent = entry[0];
      body.textContent = entry[1];
      more.href = link.href;
      more.textContent = "Open \u201c" + entry[0] + "\u201d in the glossary";
      box.hidden = false;
      var r = link.getBoundingClientRect();
      var spot = placement({ left: r.left, top: r.top, bottom: r.bottom },
        { width: box.offsetWidth, height: box.offsetHeight },
        { width: doc.documentElement.clientWidth, height: win.innerHeight, scrollX: win.scrollX, scrollY: win.scrollY });
      box.style.left = spot.left + "px";
      box.style.top = spot.top + "px";
      box.classList.toggle("glossary-preview-above", spot.above);
    }

    function hide() {
      win.clearTimeout(showTimer);
      win.clearTimeout(hideTimer);
      box.hidden = true;
      current = null;
    }

    function hideSoon() {
      win.clearTimeout(showTimer);
      win.clearTimeout(hideTimer);
      hideTimer = win.setTimeout(hide, HIDE_DELAY_MS);
    }

    links.forEach(function (link) {
      var id = termId(link.getAttribute("href"));
      var described = (link.getAttribute("aria-describedby") || "").split(/\s+/).filter(Boolean);
      described.push("gdesc-" + id);
      link.setAttribute("aria-describedby", described.join(" "));
      link.addEventListener("focus", function () { show(link); });
      link.addEventListener("blur", function () { if (current === link) hide(); });
      link.addEventListener("mouseenter", function () {
        win.clearTimeout(hideTimer);
        win.clearTimeout(showTimer);
        showTimer = win.setTimeout(function () { show(link); }, SHOW_DELAY_MS);
      });
      link.addEventListener("mouseleave", hideSoon);
    });
    box.addEventListener("mouseenter", function () { win.clearTimeout(hideTimer); });
    box.addEventListener("mouseleave", hideSoon);
    doc.addEventListener("keydown", function (event) {
      if (event.key === "Escape" && !box.hidden) hide();
    });
    return { links: links.length, terms: Object.keys(data).length };
  }

  return { parse: parse, termId: termId, placement: placement, start: start };
});
