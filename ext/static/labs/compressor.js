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

  return {
    SR: SR,
    hits: hits,
    gainComputer: gainComputer,
    transferCurve: transferCurve,
    smoothingCoeff: smoothingCoeff,
    gainReductionDb: gainReductionDb,
    compress: compress,
    maxReduction: maxReduction,
  };
});
