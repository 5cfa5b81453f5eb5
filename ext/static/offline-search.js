/*
 * offline-search.js: search result snippets when the site is opened from disk (file://).
 *
 * Sphinx's searchtools.js makes each result's snippet by fetching the result's page, and a
 * page opened from disk cannot fetch. The build writes each page's text to
 * _searchtext/<docname>.js (ext/offline/searchtext.py) as CourseSearchText.put(docname, html).
 * On file:// only, this script answers Sphinx's fetch of a page of the site by loading that one
 * file with a <script> element and returning its text as the response; any other fetch goes
 * to the browser as before. Online this script does nothing and the files are never loaded.
 * If a file is missing the result keeps its title and link, without a snippet.
 *
 * Loaded on the search page only (ext/offline/__init__.py), deferred, so it is in place
 * before searchtools.js runs the query. A classic script (module scripts do not load from
 * file://), strict-CSP clean; docnameFor is tested with node --test (tests/js/).
 */
(function (root, factory) {
  "use strict";
  var api = factory();
  if (typeof module === "object" && module.exports) {
    module.exports = api;
  } else {
    root.CourseOfflineSearch = api;
    api.install(root);
  }
})(typeof self !== "undefined" ? self : this, function () {
  "use strict";

  var FOLDER = "_searchtext/";

  /** The docname of a page URL under rootUrl ("modules/06-mixing/eq"), or null. */
  function docnameFor(url, rootUrl, suffix) {
    var clean = String(url).split("#")[0].split("?")[0];
    if (clean.indexOf(rootUrl) !== 0) return null;
    var rest = decodeURIComponent(clean.slice(rootUrl.length));
    if (!rest || rest.slice(-suffix.length) !== suffix) return null;
    rest = rest.slice(0, -suffix.length);
    if (rest.indexOf("..") !== -1 || rest.indexOf(FOLDER) === 0 || rest.charAt(0) === "/") return null;
    return rest;
  }

  /** The URL of a page's text file. */
  function textUrl(rootUrl, docname) {
    return rootUrl + FOLDER + docname.split("/").map(encodeURIComponent).join("/") + ".js";
  }

  function install(win) {
    if (!win.location || win.location.protocol !== "file:" || !win.document) return false;
    var doc = win.document;
    var pages = {};
    var waiting = {};
    win.CourseSearchText = {
      put: function (docname, html) { pages[docname] = html; },
    };
    var contentRoot = doc.documentElement.getAttribute("data-content_root") || "./";
    var rootUrl = new URL(contentRoot, win.location.href).href;
    var options = win.DOCUMENTATION_OPTIONS || {};
    var suffix = options.FILE_SUFFIX || ".html";
    var original = typeof win.fetch === "function" ? win.fetch.bind(win) : null;

    function load(docname) {
      if (Object.prototype.hasOwnProperty.call(pages, docname)) return Promise.resolve(pages[docname]);
      if (!waiting[docname]) {
        waiting[docname] = new Promise(function (resolve) {
          var script = doc.createElement("script");
          script.src = textUrl(rootUrl, docname);
          script.onload = function () { resolve(pages[docname] || ""); };
          script.onerror = function () { resolve(""); };
          doc.head.appendChild(script);
        });
      }
      return waiting[docname];
    }

    win.fetch = function (input, init) {
      var raw = typeof input === "string" ? input : (input && input.url) || String(input);
      var docname = docnameFor(new URL(raw, win.location.href).href, rootUrl, suffix);
      if (docname === null) {
        return original ? original(input, init) : Promise.reject(new TypeError("no fetch from disk"));
      }
      return load(docname).then(function (html) {
        return new win.Response(html, { status: 200, headers: { "Content-Type": "text/html" } });
      });
    };
    return true;
  }

  return { docnameFor: docnameFor, textUrl: textUrl, install: install };
});
