/*
 * The parametric EQ lab (Module 6): pink noise through three BiquadFilterNodes (a low shelf,
 * a peaking bell, a high shelf) with their summed magnitude response drawn live.
 *
 * The pure part (the bands' coefficients and the summed response) uses CourseAudio's
 * biquadCoefficients, which computes what a BiquadFilterNode computes; unit tests in
 * tests/js/labs-eq.test.js check it against soundlib.filters.biquad_coefficients.
 * Classic script, UMD (window.CourseLabEq in a browser, module.exports in Node).
 */
(function (root, factory) {
  "use strict";
  var audio = typeof module === "object" && module.exports ?
    require("../course-audio.js") : root.CourseAudio;
  var api = factory(audio);
  if (typeof module === "object" && module.exports) {
    module.exports = api;
  } else {
    root.CourseLabEq = api;
    if (root.CourseLabs && api.lab) {
      root.CourseLabs.register("eq", api.lab);
    }
  }
})(typeof self !== "undefined" ? self : this, function (A) {
  "use strict";

  /**
   * The three bands for settings p, in signal order, as BiquadFilterNode settings
   * {type, frequency, Q, gain}. The shelves' Q is not used by the Web Audio API (it fixes the
   * shelf slope S = 1); the bell's Q is the cookbook's.
   */
  function bands(p) {
    return [
      { type: "lowshelf", frequency: p.low_shelf_hz, Q: 1, gain: p.low_shelf_db },
      { type: "peaking", frequency: p.bell_hz, Q: p.bell_q, gain: p.bell_db },
      { type: "highshelf", frequency: p.high_shelf_hz, Q: 1, gain: p.high_shelf_db },
    ];
  }

  /** The summed magnitude response (dB) of the bands at freqs (Hz). */
  function responseDb(p, freqs, sampleRate) {
    var total = freqs.map(function () {
      return 0;
    });
    bands(p).forEach(function (b) {
      var c = A.biquadCoefficients(b.type, b.frequency, b.Q, b.gain, sampleRate);
      A.responseDb(c, freqs, sampleRate).forEach(function (v, i) {
        total[i] += v;
      });
    });
    return total;
  }

  return { bands: bands, responseDb: responseDb };
});
