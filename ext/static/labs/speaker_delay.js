/*
 * The speaker delay alignment lab (Module 9): a main system, a delay tower and a listener
 * behind it. The arrivals at the listener are two DelayNodes; the lab draws the time line of
 * the two arrivals and the comb filter the two copies make where they overlap.
 *
 * The pure part (speed of sound with temperature, travel times, the suggested delay, the
 * arrivals, the comb's first notch) is soundlib.alignment's formulas; unit tests in
 * tests/js/labs-speaker_delay.test.js. Classic script, UMD (window.CourseLabSpeakerDelay).
 */
(function (root, factory) {
  "use strict";
  var api = factory();
  if (typeof module === "object" && module.exports) {
    module.exports = api;
  } else {
    root.CourseLabSpeakerDelay = api;
    if (root.CourseLabs && api.lab) {
      root.CourseLabs.register("speaker_delay", api.lab);
    }
  }
})(typeof self !== "undefined" ? self : this, function () {
  "use strict";

  /** The precedence offset the course teaches (Module 9): the main system leads by 10 ms. */
  var PRECEDENCE_MS = 10;

  /** Speed of sound (m/s) at tempC degrees Celsius: 331.3 sqrt(1 + T / 273.15). */
  function speedOfSound(tempC) {
    return 331.3 * Math.sqrt(1 + tempC / 273.15);
  }

  /** Travel time (ms) over distance metres at tempC. */
  function travelMs(distance, tempC) {
    return 1000 * distance / speedOfSound(tempC);
  }

  /** The suggested tower delay (ms): travel time over the tower's distance plus the offset. */
  function towerDelayMs(towerM, tempC, precedenceMs) {
    return travelMs(towerM, tempC) + (precedenceMs === undefined ? PRECEDENCE_MS : precedenceMs);
  }

  /**
   * For settings p {tower_m, behind_m, temp_c, delay_ms}: the arrival times (ms) at the
   * listener of the main system and of the tower, the lead of the main system (ms, negative
   * when the tower arrives first), the suggested delay, and the first notch (Hz) of the comb
   * filter the two arrivals make, 1 / (2 |gap|).
   */
  function arrivals(p) {
    var main = travelMs(p.tower_m + p.behind_m, p.temp_c);
    var tower = p.delay_ms + travelMs(p.behind_m, p.temp_c);
    var lead = tower - main;
    return { main: main, tower: tower, lead: lead,
      suggested: towerDelayMs(p.tower_m, p.temp_c),
      firstNotchHz: lead !== 0 ? 1000 / (2 * Math.abs(lead)) : Infinity };
  }

  return { PRECEDENCE_MS: PRECEDENCE_MS, speedOfSound: speedOfSound, travelMs: travelMs,
    towerDelayMs: towerDelayMs, arrivals: arrivals };
});
