/*
 * The speaker delay alignment lab (Module 9): a main system, a delay tower and a listener
 * behind it. The arrivals at the listener are two DelayNodes; the lab draws the time line of
 * the two arrivals and the comb filter the two copies make where they overlap.
 *
 * The pure part (speed of sound with temperature, travel times, the suggested delay, the
 * arrivals, the comb's first notch) is soundlib.alignment's formulas; unit tests in
 * tests/js/lab-speaker-delay.test.js. Classic script, UMD (window.CourseLabSpeakerDelay).
 */
(function (root, factory) {
  "use strict";
  var api = factory();
  if (typeof module === "object" && module.exports) {
    module.exports = api;
  } else {
    root.CourseLabSpeakerDelay = api;
    if (root.CourseLabs && api.lab) {
      root.CourseLabs.register("speaker-delay", api.lab);
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

  /* ---- the lab (ext/static/course-labs.js contract) ------------------------------------ */

  /** The upper end of the precedence window for speech and music (Module 9): about 40 ms. */
  var ECHO_MS = 40;

  function fmt(v, digits) {
    return String(parseFloat(Number(v).toFixed(digits === undefined ? 1 : digits))).replace("-", "\u2212");
  }

  function hz(f) {
    return f >= 1000 ? fmt(f / 1000, 2) + " kHz" : fmt(f, 0) + " Hz";
  }

  function describe(p) {
    var a = arrivals(p);
    var gap = Math.abs(a.lead);
    var first = a.lead >= 0 ? "The main system arrives first, " + fmt(gap) + " ms ahead of the tower" :
      "The tower arrives first, " + fmt(gap) + " ms ahead of the main system";
    var heard;
    if (a.lead >= 1 && a.lead <= ECHO_MS) {
      heard = ": one sound, localized to the stage, although the tower is " +
        fmt(p.tower_level_db) + " dB louder (the precedence effect).";
    } else if (a.lead < 0 && gap <= 1) {
      heard = ": the arrivals fuse, and the image follows the louder tower.";
    } else if (a.lead < 0) {
      heard = ": the image jumps to the tower" + (gap > ECHO_MS ? ", and the main system comes as an echo." : ".");
    } else if (a.lead > ECHO_MS) {
      heard = ": past the precedence window, so the tower is heard as an echo.";
    } else {
      heard = ": less than 1 ms apart, the two add like one wide source.";
    }
    return "Speed of sound " + fmt(speedOfSound(p.temp_c)) + " m/s at " + fmt(p.temp_c, 0) +
      " \u00b0C. Main system at the listener: " + fmt(a.main) + " ms; tower: " + fmt(a.tower) +
      " ms. " + first + heard + " Suggested delay: " + fmt(a.suggested) + " ms (travel time " +
      fmt(travelMs(p.tower_m, p.temp_c)) + " ms plus " + PRECEDENCE_MS + " ms)." +
      (gap > 0 && gap <= ECHO_MS ? " Where both reach a listener at similar levels, the " +
        fmt(gap) + " ms gap makes a comb filter with notches every " + hz(1000 / gap) +
        " from " + hz(a.firstNotchHz) + "." : "");
  }

  function curve(p) {
    var a = arrivals(p);
    var first = Math.min(a.main, a.tower);
    var end = Math.max(300, Math.ceil((Math.max(a.main, a.tower) + 60) / 100) * 100);
    return {
      x: [first + 1, first + ECHO_MS], y: [-10, -10], xScale: "linear", xRange: [0, end],
      yRange: [-12, 12], xLabel: "Arrival time at the listener (ms)",
      yLabel: "Level (dB re main)",
      marks: [{ x: first + ECHO_MS, label: "echo beyond" }],
      bars: [{ x: a.main, y: 0, kind: "lab-left" }, { x: a.tower, y: p.tower_level_db, kind: "lab-right" }],
      summary: "Time line of the arrivals: the blue bar is the main system, the red bar the " +
        "tower (height: level); the line at the bottom spans the precedence window, 1 to " +
        ECHO_MS + " ms after the first arrival. " + describe(p),
    };
  }

  /** Two paths from input: the main system (delay, left) and the tower (level, delay, right). */
  function graph(ctx, input, output, p, separate) {
    var a = arrivals(p);
    var dMain = ctx.createDelay(2), dTower = ctx.createDelay(2), level = ctx.createGain();
    dMain.delayTime.value = a.main / 1000;
    dTower.delayTime.value = a.tower / 1000;
    level.gain.value = Math.pow(10, p.tower_level_db / 20);
    input.connect(dMain);
    input.connect(level);
    level.connect(dTower);
    var left, right;
    if (separate) {
      var merge = ctx.createChannelMerger(2);
      dMain.connect(merge, 0, 0);
      dTower.connect(merge, 0, 1);
      merge.connect(output);
    } else {
      left = ctx.createStereoPanner();
      right = ctx.createStereoPanner();
      left.pan.value = -0.7;
      right.pan.value = 0.7;
      dMain.connect(left);
      dTower.connect(right);
      left.connect(output);
      right.connect(output);
    }
    return { main: dMain, tower: dTower, level: level };
  }

  /** A drum-like loop of noise bursts at 96 BPM eighth notes (kick-like and hat-like). */
  function bursts(fs) {
    var A = self.CourseAudio;
    var n = Math.round(2.5 * fs);
    var noise = A.whiteNoise(n, 31);
    var x = new Float32Array(n);
    for (var i = 0; i < n; i++) {
      var t = (i / fs) % 0.3125;
      var k = Math.floor(i / fs / 0.3125);
      var env = Math.exp(-t / (k % 2 ? 0.015 : 0.06));
      x[i] = k % 2 ? 0.25 * noise[i] * env : 0.6 * Math.sin(2 * Math.PI * 70 * t) * env + 0.1 * noise[i] * env;
    }
    return x;
  }

  function sound(ctx, output, p) {
    var A = self.CourseAudio;
    var src = ctx.createBufferSource();
    src.buffer = A.toBuffer(ctx, bursts(ctx.sampleRate));
    src.loop = true;
    var trim = ctx.createGain();
    trim.gain.value = 0.5;
    var nodes = graph(ctx, src, trim, p, false);
    trim.connect(output);
    src.start();
    return {
      update: function (w) {
        var a = arrivals(w), t = ctx.currentTime;
        nodes.main.delayTime.setValueAtTime(a.main / 1000, t);
        nodes.tower.delayTime.setValueAtTime(a.tower / 1000, t);
        nodes.level.gain.setTargetAtTime(Math.pow(10, w.tower_level_db / 20), t, 0.01);
      },
      stop: function () {
        src.stop();
      },
    };
  }

  function argmax(x) {
    var best = 0;
    for (var i = 1; i < x.length; i++) {
      if (Math.abs(x[i]) > Math.abs(x[best])) {
        best = i;
      }
    }
    return best;
  }

  /**
   * The agreement data: an impulse through both paths, rendered offline into two channels
   * (main, tower); y = the time (ms) of each channel's largest sample (x = 1 main, 2 tower).
   * extra.suggested_ms: the delay the lab suggests, for the formula check.
   */
  function measure(p) {
    var A = self.CourseAudio;
    var fs = A.SAMPLE_RATE;
    var a = arrivals(p);
    var seconds = (Math.max(a.main, a.tower) + 50) / 1000;
    return A.render(seconds, 2, function (ctx, dest) {
      var buf = ctx.createBuffer(1, 1, fs);
      buf.getChannelData(0)[0] = 1;
      var src = ctx.createBufferSource();
      src.buffer = buf;
      graph(ctx, src, dest, p, true);
      src.start(0);
    }, fs).then(function (b) {
      return { x: [1, 2], y: [1000 * argmax(b.getChannelData(0)) / fs, 1000 * argmax(b.getChannelData(1)) / fs],
        extra: { suggested_ms: a.suggested } };
    });
  }

  return { PRECEDENCE_MS: PRECEDENCE_MS, speedOfSound: speedOfSound, travelMs: travelMs,
    towerDelayMs: towerDelayMs, arrivals: arrivals, describe: describe,
    lab: { curve: curve, sound: sound, measure: measure, describe: describe } };
});
