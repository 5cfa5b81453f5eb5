/*
 * The comb filter lab (ext/labs/kinds/comb.py): pink noise plus a copy of itself delayed by
 * delay_ms at mix percent of its level. Native nodes: a DelayNode and a GainNode beside the
 * direct path. The pure math (notch frequencies, the response) is exported for node --test.
 */
(function (root, factory) {
  "use strict";
  var api = factory(root.CourseAudio || (typeof require === "function" ? require("../course-audio.js") : null),
                    root.CourseLabs || (typeof require === "function" ? require("../course-labs.js") : null));
  if (typeof module === "object" && module.exports) {
    module.exports = api;
  } else {
    root.CourseLabs.register("comb", api.lab);
  }
})(typeof self !== "undefined" ? self : this, function (A, Labs) {
  "use strict";

  var FLOOR = -30;

  /** The notch frequencies up to fmax (Hz): odd multiples of 1 / (2 * delay). */
  function notches(delayMs, fmax) {
    var out = [], tau = delayMs / 1000;
    for (var k = 1; k / (2 * tau) <= fmax; k += 2) {
      out.push(k / (2 * tau));
    }
    return out;
  }

  /** |1 + g e^(-j 2 pi f tau)| in dB at each frequency, floored at FLOOR. */
  function responseDb(delayMs, mix, freqs) {
    var tau = delayMs / 1000, g = mix / 100;
    return freqs.map(function (f) {
      var w = 2 * Math.PI * f * tau;
      var re = 1 + g * Math.cos(w), im = -g * Math.sin(w);
      return Math.max(FLOOR, 10 * Math.log10(Math.max(re * re + im * im, 1e-12)));
    });
  }

  function hz(f) {
    return f >= 1000 ? parseFloat((f / 1000).toPrecision(4)) + " kHz" : parseFloat(f.toPrecision(4)) + " Hz";
  }

  function describe(v) {
    var n = notches(v.delay_ms, 20000);
    var peak = 20 * Math.log10(1 + v.mix / 100);
    var depth = v.mix >= 100 ? "complete (silence at those frequencies)" :
      "down to " + (20 * Math.log10(1 - v.mix / 100)).toFixed(1).replace("-", "\u2212") + " dB";
    if (!n.length) {
      return "No notch below 20 kHz.";
    }
    return "Delay " + v.delay_ms + " ms: notches every " + hz(1000 / v.delay_ms) + " from " +
      hz(n[0]) + " (" + n.slice(0, 4).map(hz).join(", ") + (n.length > 4 ? ", ..." : "") +
      "), " + n.length + " of them below 20 kHz; peaks +" + peak.toFixed(1) +
      " dB; notches " + depth + ".";
  }

  function curve(v) {
    /* the notches themselves are sampled too, so that every one reaches the floor */
    var x = A.logFrequencies(20, 20000, 600).concat(notches(v.delay_ms, 20000))
      .sort(function (a, b) { return a - b; });
    return {
      x: x, y: responseDb(v.delay_ms, v.mix, x), xScale: "log", xRange: [20, 20000],
      yRange: [FLOOR, 9], xLabel: "Frequency (Hz)", yLabel: "Level change (dB)",
      marks: notches(v.delay_ms, 20000).slice(0, 3).map(function (f, i) {
        return { x: f, label: i ? "" : hz(f) };
      }),
      summary: "Magnitude response. " + describe(v),
    };
  }

  /** direct + delayed copy between input and output; returns the nodes to update. */
  function graph(ctx, input, output, v) {
    var delay = ctx.createDelay(0.05);
    var gain = ctx.createGain();
    delay.delayTime.value = v.delay_ms / 1000;
    gain.gain.value = v.mix / 100;
    input.connect(output);
    input.connect(delay);
    delay.connect(gain);
    gain.connect(output);
    return { delay: delay, gain: gain };
  }

  function sound(ctx, output, v) {
    var noise = A.pinkNoise(ctx.sampleRate * 2, 3);
    A.scaleToRms(noise, -26);
    var src = ctx.createBufferSource();
    src.buffer = A.toBuffer(ctx, noise);
    src.loop = true;
    var nodes = graph(ctx, src, output, v);
    src.start();
    return {
      update: function (w) {
        var t = ctx.currentTime;
        nodes.delay.delayTime.setTargetAtTime(w.delay_ms / 1000, t, 0.01);
        nodes.gain.gain.setTargetAtTime(w.mix / 100, t, 0.01);
      },
      stop: function () {
        src.stop();
      },
    };
  }

  /** The agreement data: the graph's impulse response, rendered offline, in dB. */
  function measure(v) {
    var x = A.logFrequencies(20, 20000, 200);
    return Labs.impulseResponse(function (ctx, input, output) {
      graph(ctx, input, output, v);
    }, 0.05).then(function (h) {
      return { x: x, y: Labs.responseDb(h, x) };
    });
  }

  return {
    notches: notches,
    responseDb: responseDb,
    describe: describe,
    lab: { curve: curve, sound: sound, measure: measure, describe: describe },
  };
});
