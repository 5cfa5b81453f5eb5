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

  /* ---- the lab (ext/static/course-labs.js contract) ------------------------------------ */

  function fmt(v, digits) {
    return String(parseFloat(Number(v).toFixed(digits === undefined ? 1 : digits))).replace("-", "\u2212");
  }

  function signed(v) {
    return (v > 0 ? "+" : "") + fmt(v);
  }

  /** The bell's width in octaves between its half-gain points: 2/ln 2 asinh(1 / (2Q)). */
  function octaves(q) {
    var a = 1 / (2 * q);
    return 2 / Math.LN2 * Math.log(a + Math.sqrt(a * a + 1));
  }

  function describe(v) {
    var y = responseDb(v, [v.bell_hz, 20, 20000]);
    return "Bell " + signed(v.bell_db) + " dB at " + fmt(v.bell_hz, 0) + " Hz, Q " + fmt(v.bell_q) +
      " (about " + fmt(octaves(v.bell_q)) + " octaves wide); low shelf " + signed(v.low_shelf_db) +
      " dB below " + fmt(v.low_shelf_hz, 0) + " Hz; high shelf " + signed(v.high_shelf_db) +
      " dB above " + fmt(v.high_shelf_hz, 0) + " Hz. Total: " + signed(y[0]) + " dB at " +
      fmt(v.bell_hz, 0) + " Hz, " + signed(y[1]) + " dB at 20 Hz, " + signed(y[2]) +
      " dB at 20 kHz.";
  }

  function curve(v) {
    var x = A.logFrequencies(20, 20000, 400);
    return {
      x: x, y: responseDb(v, x), xScale: "log", xRange: [20, 20000], yRange: [-20, 20],
      xLabel: "Frequency (Hz)", yLabel: "Gain (dB)",
      marks: [{ x: v.bell_hz, label: "bell" }],
      summary: "Magnitude response of the three bands together. " + describe(v),
    };
  }

  /** The three BiquadFilterNodes in series between input and output. */
  function graph(ctx, input, output, v) {
    var nodes = bands(v).map(function (b) {
      var f = ctx.createBiquadFilter();
      f.type = b.type;
      f.frequency.value = b.frequency;
      f.Q.value = b.Q;
      f.gain.value = b.gain;
      return f;
    });
    input.connect(nodes[0]);
    nodes[0].connect(nodes[1]);
    nodes[1].connect(nodes[2]);
    nodes[2].connect(output);
    return nodes;
  }

  function sound(ctx, output, v) {
    var noise = A.pinkNoise(ctx.sampleRate * 4, 5);
    A.scaleToRms(noise, -26);
    A.fadeEdges(noise, 0.01, ctx.sampleRate);
    var src = ctx.createBufferSource();
    src.buffer = A.toBuffer(ctx, noise);
    src.loop = true;
    var nodes = graph(ctx, src, output, v);
    src.start();
    return {
      update: function (w) {
        var t = ctx.currentTime;
        bands(w).forEach(function (b, i) {
          nodes[i].frequency.setTargetAtTime(b.frequency, t, 0.01);
          nodes[i].Q.setTargetAtTime(b.Q, t, 0.01);
          nodes[i].gain.setTargetAtTime(b.gain, t, 0.01);
        });
      },
      stop: function () {
        src.stop();
      },
    };
  }

  /**
   * The agreement data: the nodes' impulse response (0.5 s, rendered offline) in dB at 200
   * frequencies; extra: the drawn curve at the same frequencies, and 0.5 s of pink noise
   * before and after the nodes.
   */
  function measure(v) {
    var fs = A.SAMPLE_RATE;
    var x = A.logFrequencies(20, 20000, 200);
    var noise = A.pinkNoise(fs / 2, 9);
    var impulse = A.render(0.5, 1, function (ctx, dest) {
      var buf = ctx.createBuffer(1, 1, fs);
      buf.getChannelData(0)[0] = 1;
      var src = ctx.createBufferSource();
      src.buffer = buf;
      graph(ctx, src, dest, v);
      src.start(0);
    }, fs);
    var noisy = A.render(0.5, 1, function (ctx, dest) {
      var src = ctx.createBufferSource();
      src.buffer = A.toBuffer(ctx, noise);
      graph(ctx, src, dest, v);
      src.start(0);
    }, fs);
    return Promise.all([impulse, noisy]).then(function (r) {
      return {
        x: x, y: self.CourseLabs.responseDb(r[0].getChannelData(0), x, fs),
        extra: { curve: { x: x, y: responseDb(v, x) },
          noise: { input: Array.from(noise), output: Array.from(r[1].getChannelData(0)) } },
      };
    });
  }

  return {
    bands: bands, responseDb: responseDb, octaves: octaves, describe: describe,
    lab: { curve: curve, sound: sound, measure: measure, describe: describe },
  };
});
