/*
 * The compressor lab (Module 6): the course's own compressor, with its transfer curve and a
 * gain-reduction meter. labs/compressor.py says why it runs as plain JavaScript over a
 * generated buffer rather than as a DynamicsCompressorNode or an AudioWorklet.
 *
 * The pure part (the test signal, the gain computer, the detector and ballistics) is a port of
 * soundlib/dynamics (curves.gain_computer, compressor.gain_reduction_db, detect.smooth_branching)
 * and is unit-tested in Node (tests/js/labs-compressor.test.js) against numbers from Python.
 * Classic script, UMD: window.CourseLabCompressor in a browser, module.exports in Node.
 */
(function (root, factory) {
  "use strict";
  var api = factory();
  if (typeof module === "object" && module.exports) {
    module.exports = api;
  } else {
    root.CourseLabCompressor = api;
    if (root.CourseLabs && api.lab) {
      root.CourseLabs.register("compressor", api.lab);
    }
  }
})(typeof self !== "undefined" ? self : this, function () {
  "use strict";

  var SR = 48000;
  /** Level reported for digital silence (soundlib.dynamics.detect.FLOOR_DB). */
  var FLOOR_DB = -240;

  /**
   * The lab's source, the same formula as soundlib.recipes.m06.lab_hits: eight drum-like hits
   * at 96 BPM eighth notes (0.3125 s apart), kick (60 Hz, peak about -1 dBFS) and snare
   * (190 Hz body, 3.1 kHz crack) alternating, in 2.6 s. Returns a Float32Array (mono).
   */
  function hits(sampleRate) {
    var fs = sampleRate || SR;
    var n = Math.round(2.6 * fs);
    var x = new Float32Array(n);
    var step = 0.3125;
    for (var k = 0; k < 8; k++) {
      var start = Math.round(k * step * fs);
      for (var i = start; i < n; i++) {
        var t = (i - start) / fs;
        var v;
        if (k % 2 === 0) {
          v = 0.89 * Math.sin(2 * Math.PI * 60 * t) * Math.exp(-t / 0.12);
        } else {
          v = 0.45 * Math.sin(2 * Math.PI * 190 * t) * Math.exp(-t / 0.08) +
            0.3 * Math.sin(2 * Math.PI * 3100 * t) * Math.exp(-t / 0.03);
        }
        x[i] += v;
      }
    }
    return x;
  }

  /**
   * Static curve: output level (dB) for an input level x (dB), threshold t, ratio r, knee
   * width w (dB): 1:1 below the knee, t + (x - t) / r above it, and inside the knee the
   * quadratic x + (1/r - 1)(x - t + w/2)^2 / (2w) (Giannoulis, Massberg and Reiss 2012).
   */
  function gainComputer(x, t, r, w) {
    var slope = r === Infinity ? 0 : 1 / r;
    var over = x - t;
    if (w > 0 && 2 * Math.abs(over) <= w) {
      return x + (slope - 1) * (over + w / 2) * (over + w / 2) / (2 * w);
    }
    return over > 0 ? t + over * slope : x;
  }

  /** The transfer curve at the input levels xs (dB), with make-up gain: {x, y}. */
  function transferCurve(p, xs) {
    return xs.map(function (x) {
      return gainComputer(x, p.threshold_db, p.ratio, p.knee_db) + (p.makeup_db || 0);
    });
  }

  /** One-pole coefficient exp(-1 / (tau sr)) for a time constant in ms; 0 if ms <= 0. */
  function smoothingCoeff(ms, sampleRate) {
    return ms > 0 ? Math.exp(-1 / (ms * 1e-3 * (sampleRate || SR))) : 0;
  }

  /**
   * The gain (dB, <= 0) the compressor applies at each sample, before make-up: a peak
   * detector (20 log10 of the largest |sample| of the channels), the static curve, then the
   * branching one-pole ballistics (attack while the reduction grows, release while it
   * shrinks), from 0 dB. This is what the gain-reduction meter shows.
   */
  function gainReductionDb(channels, p, sampleRate) {
    var list = Array.isArray(channels) ? channels : [channels];
    var n = list[0].length;
    var out = new Float32Array(n);
    var au = 1 - smoothingCoeff(p.attack_ms, sampleRate);
    var ad = 1 - smoothingCoeff(p.release_ms, sampleRate);
    var y = 0;
    for (var i = 0; i < n; i++) {
      var peak = 0;
      for (var c = 0; c < list.length; c++) {
        var a = Math.abs(list[c][i]);
        if (a > peak) {
          peak = a;
        }
      }
      var level = peak > 0 ? Math.max(20 * Math.log10(peak), FLOOR_DB) : FLOOR_DB;
      var target = level - gainComputer(level, p.threshold_db, p.ratio, p.knee_db);
      y += (target > y ? au : ad) * (target - y);
      out[i] = -y;
    }
    return out;
  }

  /** Compress channels (Float32Array each) with p; returns {channels, reduction}. */
  function compress(channels, p, sampleRate) {
    var list = Array.isArray(channels) ? channels : [channels];
    var red = gainReductionDb(list, p, sampleRate);
    var makeup = p.makeup_db || 0;
    var out = list.map(function (ch) {
      var y = new Float32Array(ch.length);
      for (var i = 0; i < ch.length; i++) {
        y[i] = ch[i] * Math.pow(10, (red[i] + makeup) / 20);
      }
      return y;
    });
    return { channels: out, reduction: red };
  }

  /** The largest gain reduction (a positive number of dB) in a reduction trace. */
  function maxReduction(red) {
    var m = 0;
    for (var i = 0; i < red.length; i++) {
      if (-red[i] > m) {
        m = -red[i];
      }
    }
    return m;
  }

  /* ---- the lab (ext/static/course-labs.js contract) ------------------------------------ */

  /** Input levels (dBFS) of the measured transfer curve (ext/labs/kinds/compressor.py). */
  var LEVELS = [];
  for (var lv = -60; lv <= 0; lv++) {
    LEVELS.push(lv);
  }

  function fmt(v, digits) {
    return String(parseFloat(Number(v).toFixed(digits === undefined ? 1 : digits))).replace("-", "\u2212");
  }

  var cache = { key: "", result: null, source: null };

  /** The hits compressed with v (cached: the curve and the sound share one rendering). */
  function rendered(v) {
    var key = [v.threshold_db, v.ratio, v.knee_db, v.attack_ms, v.release_ms, v.makeup_db].join();
    if (cache.key !== key) {
      cache.source = cache.source || hits();
      cache.result = compress([cache.source], v);
      cache.key = key;
    }
    return cache.result;
  }

  function describe(v) {
    var out = gainComputer(-10, v.threshold_db, v.ratio, v.knee_db);
    var knee = v.knee_db > 0 ? fmt(v.knee_db, 0) + " dB soft knee" : "hard knee";
    return "Threshold " + fmt(v.threshold_db) + " dBFS, " + fmt(v.ratio) + ":1, " + knee +
      ": \u221210 dBFS in comes out at " + fmt(out + v.makeup_db) + " dBFS (" +
      fmt(-10 - out) + " dB of gain reduction" +
      (v.makeup_db ? ", then " + fmt(v.makeup_db) + " dB of make-up" : "") +
      "). On the drum hits, with " + fmt(v.attack_ms) + " ms attack and " +
      fmt(v.release_ms, 0) + " ms release, the gain reduction peaks at " +
      fmt(maxReduction(rendered(v).reduction)) + " dB.";
  }

  function curve(v) {
    var x = [];
    for (var i = 0; i <= 240; i++) {
      x.push(-60 + i / 4);
    }
    return {
      x: x, y: transferCurve(v, x), xScale: "linear", xRange: [-60, 0], yRange: [-60, 12],
      xLabel: "Input level (dBFS)", yLabel: "Output level (dBFS)",
      marks: [{ x: v.threshold_db, label: "threshold" }],
      bars: [{ x: -10, y: gainComputer(-10, v.threshold_db, v.ratio, v.knee_db) + v.makeup_db,
        kind: "chosen" }],
      summary: "Transfer curve; the bar marks \u221210 dBFS in. " + describe(v),
    };
  }

  /** The gain-reduction meter of a playing compressor lab (built on first use). */
  function meterIn(root) {
    var box = root.querySelector(".lab-gr-meter");
    if (box) {
      return box;
    }
    box = document.createElement("div");
    box.className = "lab-gr-meter";
    var id = "lab-gr-" + Math.random().toString(36).slice(2, 8);
    var label = document.createElement("span");
    label.id = id;
    label.textContent = "Gain reduction";
    var meter = document.createElement("meter");
    meter.min = 0;
    meter.max = 24;
    meter.value = 0;
    meter.setAttribute("aria-labelledby", id);
    var value = document.createElement("span");
    value.className = "lab-gr-value";
    value.textContent = "0.0 dB";
    box.appendChild(label);
    box.appendChild(meter);
    box.appendChild(value);
    var buttons = root.querySelector(".course-lab-buttons");
    (buttons && buttons.parentNode ? buttons.parentNode : root).insertBefore(box,
      buttons ? buttons.nextSibling : null);
    return box;
  }

  /**
   * Play the compressed hits in a loop; the meter follows the gain reduction at the playhead
   * (every animation frame, or four times a second when the learner prefers reduced motion).
   * No update(): course-labs.js restarts the sound on a change, with a new rendering.
   */
  function sound(ctx, output, v) {
    var r = rendered(v);
    var src = ctx.createBufferSource();
    src.buffer = ctx.createBuffer(1, r.channels[0].length, SR);
    src.buffer.copyToChannel(r.channels[0], 0);
    src.loop = true;
    src.connect(output);
    var t0 = ctx.currentTime;
    src.start(t0);
    // the meter follows live playback only (not an OfflineAudioContext's rendering)
    var running = typeof document !== "undefined" && typeof ctx.startRendering !== "function";
    var reduced = typeof window !== "undefined" && window.matchMedia &&
      window.matchMedia("(prefers-reduced-motion: reduce)").matches;
    var box = null, timer = null;
    var tick = function () {
      if (!running) {
        return;
      }
      if (!box) {
        var root = document.querySelector('[data-lab="compressor"][data-lab-playing="true"]');
        box = root ? meterIn(root) : null;
      }
      if (box) {
        var n = r.reduction.length;
        var i = Math.floor(((ctx.currentTime - t0) * SR) % n);
        var gr = -r.reduction[Math.max(0, Math.min(n - 1, i))];
        box.querySelector("meter").value = gr;
        box.querySelector(".lab-gr-value").textContent = fmt(gr) + " dB";
      }
      timer = reduced ? setTimeout(tick, 250) : requestAnimationFrame(tick);
    };
    if (running) {
      tick();
    }
    return {
      stop: function () {
        running = false;
        if (timer !== null) {
          (reduced ? clearTimeout : cancelAnimationFrame)(timer);
        }
        if (box) {
          box.querySelector("meter").value = 0;
          box.querySelector(".lab-gr-value").textContent = "0.0 dB";
        }
        src.stop();
      },
    };
  }

  /** Levels (dB) of y in windows of n samples (mean square), floored at -200 dB. */
  function windowDb(y, n) {
    var out = [];
    for (var k = 0; (k + 1) * n <= y.length; k++) {
      var s = 0;
      for (var i = k * n; i < (k + 1) * n; i++) {
        s += y[i] * y[i];
      }
      out.push(10 * Math.log10(Math.max(s / n, 1e-20)));
    }
    return out;
  }

  /**
   * The agreement data: the transfer curve measured by running the compressor on steady
   * levels (50 ms each; the output level at the end), and, as extra, the default hits
   * rendered through an OfflineAudioContext: their level in 10 ms windows and the
   * gain-reduction trace every 10th sample.
   */
  function measure(v) {
    var n = Math.round(0.05 * SR);
    var y = LEVELS.map(function (level) {
      var x = new Float32Array(n).fill(Math.pow(10, level / 20));
      var out = compress([x], v).channels[0];
      return 20 * Math.log10(out[n - 1]);
    });
    var r = compress([hits()], v);
    var A = typeof self !== "undefined" ? self.CourseAudio : null;
    return A.render(r.channels[0].length / SR, 1, function (ctx, dest) {
      var src = ctx.createBufferSource();
      src.buffer = A.toBuffer(ctx, r.channels[0]);
      src.connect(dest);
      src.start(0);
    }, SR).then(function (buffer) {
      var trace = [];
      for (var i = 0; i < r.reduction.length; i += 10) {
        trace.push(r.reduction[i]);
      }
      return { x: LEVELS.slice(), y: y,
        extra: { output_db: windowDb(buffer.getChannelData(0), 480), reduction: trace } };
    });
  }

  return {
    SR: SR,
    LEVELS: LEVELS,
    describe: describe,
    windowDb: windowDb,
    lab: { curve: curve, sound: sound, measure: measure, describe: describe },
    hits: hits,
    gainComputer: gainComputer,
    transferCurve: transferCurve,
    smoothingCoeff: smoothingCoeff,
    gainReductionDb: gainReductionDb,
    compress: compress,
    maxReduction: maxReduction,
  };
});
