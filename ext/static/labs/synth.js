/*
 * The subtractive synth lab (ext/labs/kinds/synth.py): an OscillatorNode at 110 Hz, a
 * BiquadFilterNode low-pass (its Q is in dB: the response at the cutoff) and a GainNode
 * following a linear ADSR envelope, one note held 1.2 s and repeated while Play is on. The
 * curve is the filter's response with the harmonics of the note after the filter. The math
 * is exported for node --test.
 */
(function (root, factory) {
  "use strict";
  var api = factory(root.CourseAudio || (typeof require === "function" ? require("../course-audio.js") : null),
                    root.CourseLabs || (typeof require === "function" ? require("../course-labs.js") : null));
  if (typeof module === "object" && module.exports) {
    module.exports = api;
  } else {
    root.CourseLabs.register("synth", api.lab);
  }
})(typeof self !== "undefined" ? self : this, function (A, Labs) {
  "use strict";

  var NOTE_HZ = 110;
  var HOLD = 1.2; /* seconds the key is down (the lesson's ADSR figure) */
  var GAP = 0.25;
  var FLOOR = -60;

  function coefficients(v) {
    return A.biquadCoefficients("lowpass", v.cutoff_hz, v.resonance_db, 0, A.SAMPLE_RATE);
  }

  /** Amplitude of harmonic n of a wave relative to the fundamental (0 if absent). */
  function harmonic(wave, n) {
    if (wave === "sine") {
      return n === 1 ? 1 : 0;
    }
    if (wave === "sawtooth") {
      return 1 / n;
    }
    if (n % 2 === 0) {
      return 0;
    }
    return wave === "square" ? 1 / n : 1 / (n * n);
  }

  /**
   * The envelope of one note as breakpoints [[t, level], ...] (linear segments, like
   * soundlib.synth.envelopes.adsr): release starts at note off from wherever it is.
   */
  function envelope(v) {
    var a = v.attack_ms / 1000, d = v.decay_ms / 1000, s = v.sustain, r = v.release_ms / 1000;
    var pts = [[0, 0]];
    if (HOLD < a) {
      pts.push([HOLD, HOLD / a]);
    } else if (HOLD < a + d) {
      pts.push([a, 1], [HOLD, 1 - (1 - s) * (HOLD - a) / d]);
    } else {
      pts.push([a, 1], [a + d, s], [HOLD, s]);
    }
    pts.push([HOLD + r, 0]);
    return pts;
  }

  function period(v) {
    return HOLD + v.release_ms / 1000 + GAP;
  }

  function describe(v) {
    var peak = A.responseDb(coefficients(v), [v.cutoff_hz])[0];
    var oct2 = A.responseDb(coefficients(v), [Math.min(20000, v.cutoff_hz * 4)])[0];
    var through = [];
    for (var n = 1; n * NOTE_HZ < 20000 && through.length < 64; n++) {
      var amp = harmonic(v.wave, n);
      if (amp > 0) {
        var level = 20 * Math.log10(amp) + A.responseDb(coefficients(v), [n * NOTE_HZ])[0];
        if (level > -40) {
          through.push(n);
        }
      }
    }
    return "A " + NOTE_HZ + " Hz " + v.wave + " through a low-pass at " + v.cutoff_hz + " Hz: " +
      (peak >= 0 ? "+" : "\u2212") + Math.abs(peak).toFixed(1) + " dB at the cutoff, " +
      oct2.toFixed(1).replace("-", "\u2212") + " dB two octaves above it; " + through.length +
      " harmonics stay within 40 dB of the fundamental. Envelope: attack " + v.attack_ms +
      " ms, decay " + v.decay_ms + " ms to a sustain level of " + v.sustain + ", release " + v.release_ms + " ms.";
  }

  function curve(v) {
    var x = A.logFrequencies(20, 20000, 400);
    var y = A.responseDb(coefficients(v), x).map(function (d) { return Math.max(FLOOR, d); });
    var bars = [];
    for (var n = 1; n * NOTE_HZ <= 20000; n++) {
      var amp = harmonic(v.wave, n);
      if (amp > 0) {
        var level = 20 * Math.log10(amp) + A.responseDb(coefficients(v), [n * NOTE_HZ])[0];
        if (level > FLOOR) {
          bars.push({ x: n * NOTE_HZ, y: level, kind: "harmonic" });
        }
      }
    }
    return {
      x: x, y: y, xScale: "log", xRange: [20, 20000], yRange: [FLOOR, 24],
      xLabel: "Frequency (Hz)", yLabel: "Level (dB)", bars: bars,
      marks: [{ x: v.cutoff_hz, label: "cutoff " + v.cutoff_hz + " Hz" }],
      summary: "The filter's response (line) and the note's harmonics after it (bars). " + describe(v),
    };
  }

  /** Schedule one note's envelope on gain (an AudioParam) from time t0. */
  function note(gain, t0, v) {
    gain.cancelScheduledValues(t0);
    envelope(v).forEach(function (p, i) {
      if (i === 0) {
        gain.setValueAtTime(p[1], t0 + p[0]);
      } else {
        gain.linearRampToValueAtTime(p[1], t0 + p[0]);
      }
    });
  }

  function sound(ctx, output, v) {
    var osc = ctx.createOscillator();
    var filter = ctx.createBiquadFilter();
    var amp = ctx.createGain();
    var level = ctx.createGain();
    var values = v;
    osc.type = v.wave;
    osc.frequency.value = NOTE_HZ;
    filter.type = "lowpass";
    filter.frequency.value = v.cutoff_hz;
    filter.Q.value = v.resonance_db;
    amp.gain.value = 0;
    level.gain.value = 0.3;
    osc.connect(filter);
    filter.connect(amp);
    amp.connect(level);
    level.connect(output);
    var next = ctx.currentTime + 0.02;
    var timer = null;
    var schedule = function (horizon) {
      while (next < horizon) {
        note(amp.gain, next, values);
        next += period(values);
      }
    };
    if (typeof ctx.startRendering === "function") { /* offline: every note up front */
      schedule(ctx.length / ctx.sampleRate);
    } else {
      schedule(ctx.currentTime + 0.3);
      timer = setInterval(function () {
        schedule(ctx.currentTime + 0.3);
      }, 100);
    }
    osc.start();
    return {
      update: function (w) {
        var t = ctx.currentTime;
        values = w;
        osc.type = w.wave;
        filter.frequency.setTargetAtTime(w.cutoff_hz, t, 0.01);
        filter.Q.setTargetAtTime(w.resonance_db, t, 0.01);
      },
      stop: function () {
        clearInterval(timer);
        osc.stop();
      },
    };
  }

  /** The agreement data: the BiquadFilterNode's impulse response, rendered offline, in dB. */
  function measure(v) {
    var x = A.logFrequencies(20, 20000, 200);
    return Labs.impulseResponse(function (ctx, input, output) {
      var filter = ctx.createBiquadFilter();
      filter.type = "lowpass";
      filter.frequency.value = v.cutoff_hz;
      filter.Q.value = v.resonance_db;
      input.connect(filter);
      filter.connect(output);
    }, 0.25).then(function (h) {
      return { x: x, y: Labs.responseDb(h, x) };
    });
  }

  return {
    harmonic: harmonic,
    envelope: envelope,
    coefficients: coefficients,
    describe: describe,
    lab: { curve: curve, sound: sound, measure: measure, describe: describe },
  };
});
