/*
 * The pan law and mid/side width lab (Module 6): a mono lead panned under a chosen pan law
 * over a wide pad, then the mix's side signal scaled for width. GainNodes carry the pan
 * law's gains (a StereoPannerNode knows only the -3 dB law) and the mid/side matrix.
 *
 * The pure part (the three pan laws, the mid/side matrix, the mono-sum level) is the same
 * as soundlib.effects.pan_gains and effects.width; tests/js/labs-pan_width.test.js checks
 * it against numbers from Python. Classic script, UMD (window.CourseLabPanWidth / Node).
 */
(function (root, factory) {
  "use strict";
  var api = factory();
  if (typeof module === "object" && module.exports) {
    module.exports = api;
  } else {
    root.CourseLabPanWidth = api;
    if (root.CourseLabs && api.lab) {
      root.CourseLabs.register("pan_width", api.lab);
    }
  }
})(typeof self !== "undefined" ? self : this, function () {
  "use strict";

  /** "-4.5 dB" or "\u22124.5 dB" (a pan-law choice) -> -4.5; anything else -> -3. */
  function lawDb(law) {
    var v = parseFloat(String(law).replace(/\u2212/g, "-"));
    return v === -4.5 || v === -6 ? v : -3;
  }

  /**
   * Left and right gains of a mono source at position p (-1 left .. +1 right) under a pan law
   * named by its center attenuation: -3 (cos/sin, constant power), -6 (linear, constant
   * mono sum) or -4.5 (the geometric mean of the two).
   */
  function panGains(p, law) {
    var x = Math.min(1, Math.max(-1, p));
    var theta = (x + 1) * Math.PI / 4;
    var cpL = Math.cos(theta), cpR = Math.sin(theta);
    var linL = (1 - x) / 2, linR = (1 + x) / 2;
    var l = lawDb(law);
    if (l === -6) {
      return { left: linL, right: linR };
    }
    if (l === -4.5) {
      return { left: Math.sqrt(cpL * linL), right: Math.sqrt(cpR * linR) };
    }
    return { left: cpL, right: cpR };
  }

  /**
   * The 2x2 matrix of a width change by mid/side (M = (L+R)/2, S = w (L-R)/2, L' = M + S,
   * R' = M - S): {ll, rl, lr, rr} with L' = ll L + rl R and R' = lr L + rr R. w = 1 leaves
   * the image as it is, 0 folds it to mono, 2 doubles the side.
   */
  function widthMatrix(w) {
    var a = (1 + w) / 2, b = (1 - w) / 2;
    return { ll: a, rl: b, lr: b, rr: a };
  }

  function db(g) {
    return g > 0 ? 20 * Math.log10(g) : -Infinity;
  }

  /**
   * The lab's numbers for settings p {pan (-100..100), law, width (%)}: the lead's gain in
   * each channel after the width matrix (dB), and the level of the lead in the mono sum
   * L + R relative to the lead hard-panned (dB).
   */
  function leadGains(p) {
    var g = panGains(p.pan / 100, p.law);
    var m = widthMatrix(p.width / 100);
    var left = m.ll * g.left + m.rl * g.right;
    var right = m.lr * g.left + m.rr * g.right;
    return { left: left, right: right, leftDb: db(left), rightDb: db(right),
      panLeftDb: db(g.left), panRightDb: db(g.right), monoDb: db(g.left + g.right) };
  }

  return { lawDb: lawDb, panGains: panGains, widthMatrix: widthMatrix, leadGains: leadGains };
});
