/*
 * The sampling and quantization lab (ext/labs/kinds/sampling.py): a tone sampled with no
 * anti-alias filter (heard at its alias, |f - k fs|), then quantized to a bit depth with or
 * without TPDF dither. The sound is computed in plain JavaScript into an AudioBuffer (no
 * worklet: it works from file://). The curve is the spectrum of the quantization error.
 * The math is exported for node --test.
 */
(function (root, factory) {
  "use strict";
  var api = factory(root.CourseAudio || (typeof require === "function" ? require("../course-audio.js") : null));
  if (typeof module === "object" && module.exports) {
    module.exports = api;
  } else {
    root.CourseLabs.register("sampling", api.lab);
  }
})(typeof self !== "undefined" ? self : this, function (A) {
  "use strict";

  var FS = 48000;
  var N = 32768; /* the analysis length shared with the Python reference */
  var BANDS = [[0, 6000], [6000, 12000], [12000, 18000], [18000, 24000]];
  var AMP = 0.5;

  /** The frequency heard after sampling f at fs with no filter: |f - k fs|, k nearest. */
  function aliasFrequency(f, fs) {
    return Math.abs(f - fs * Math.round(f / fs));
  }

  /** The unquantized tone at the alias frequency (ideal reconstruction), n samples. */
  function tone(v, n) {
    var f = aliasFrequency(v.tone_hz, v.sample_rate);
    var x = new Float64Array(n);
    for (var i = 0; i < n; i++) {
      x[i] = AMP * Math.sin(2 * Math.PI * f * (i / FS));
    }
    return x;
  }

  /** x quantized to bits (step 2^-(bits-1)), with TPDF dither when dither is "on". */
  function quantize(x, bits, dither, seed) {
    var levels = Math.pow(2, bits - 1), lo = -levels, hi = levels - 1;
    var r = A.rng(seed || 7);
    var out = new Float32Array(x.length);
    for (var i = 0; i < x.length; i++) {
      var d = dither === "on" ? (r() - 0.5) + (r() - 0.5) : 0;
      out[i] = Math.min(hi, Math.max(lo, Math.round(x[i] * levels + d))) / levels;
    }
    return out;
  }

  /** In-place radix-2 FFT of (re, im), length a power of two. */
  function fft(re, im) {
    var n = re.length;
    for (var i = 1, j = 0; i < n; i++) {
      var bit = n >> 1;
      for (; j & bit; bit >>= 1) {
        j ^= bit;
      }
      j ^= bit;
      if (i < j) {
        var t = re[i]; re[i] = re[j]; re[j] = t;
        t = im[i]; im[i] = im[j]; im[j] = t;
      }
    }
    for (var len = 2; len <= n; len <<= 1) {
      var ang = -2 * Math.PI / len, wr = Math.cos(ang), wi = Math.sin(ang);
      for (var s = 0; s < n; s += len) {
        var cr = 1, ci = 0;
        for (var k = 0; k < len / 2; k++) {
          var a = s + k, b = a + len / 2;
          var xr = re[b] * cr - im[b] * ci, xi = re[b] * ci + im[b] * cr;
          re[b] = re[a] - xr; im[b] = im[a] - xi;
          re[a] += xr; im[a] += xi;
          var nr = cr * wr - ci * wi;
          ci = cr * wi + ci * wr;
          cr = nr;
        }
      }
    }
  }

  /** |X_k|^2 of a real signal (length a power of two), k = 0 .. n/2. */
  function powerSpectrum(x, window) {
    var n = x.length, re = new Float64Array(n), im = new Float64Array(n);
    for (var i = 0; i < n; i++) {
      re[i] = x[i] * (window ? window[i] : 1);
    }
    fft(re, im);
    var p = new Float64Array(n / 2 + 1);
    for (var k = 0; k <= n / 2; k++) {
      p[k] = re[k] * re[k] + im[k] * im[k];
    }
    return p;
  }

  /** The error's level per band, dB: 10 log10(2 sum |X_k|^2 / n^2), bins round(lo n/fs).. */
  function bandLevelsDb(error) {
    var n = error.length, p = powerSpectrum(error);
    return BANDS.map(function (band) {
      var s = 0;
      for (var k = Math.round(band[0] * n / FS); k < Math.round(band[1] * n / FS); k++) {
        s += p[k];
      }
      return 10 * Math.log10(Math.max(2 * s / (n * n), 1e-30));
    });
  }

  function errorOf(v, n) {
    var x = tone(v, n), y = quantize(x, v.bits, v.dither, 7), e = new Float64Array(n);
    for (var i = 0; i < n; i++) {
      e[i] = y[i] - x[i];
    }
    return e;
  }

  function describe(v) {
    var f = aliasFrequency(v.tone_hz, v.sample_rate);
    var nyquist = v.sample_rate / 2;
    var where = v.tone_hz <= nyquist ? "below the Nyquist frequency (" + nyquist + " Hz): no alias, heard at " + v.tone_hz + " Hz" :
      "above the Nyquist frequency (" + nyquist + " Hz): it folds back to |" + v.tone_hz + " \u2212 " +
      Math.round(v.tone_hz / v.sample_rate) + " \u00d7 " + v.sample_rate + "| = " + f + " Hz";
    var snr = 6.02 * v.bits + 1.76;
    return "The " + v.tone_hz + " Hz tone is " + where + ". " + v.bits + " bits: a full-scale sine " +
      "would have a signal-to-noise ratio of about " + snr.toFixed(1) + " dB; " +
      (v.dither === "on" ? "with TPDF dither the error is a flat hiss about 4.8 dB above plain rounding noise." :
        "without dither the error follows the tone and shows up as distortion at its harmonics.");
  }

  function curve(v) {
    var n = 4096, e = errorOf(v, n), w = new Float64Array(n), sum = 0;
    for (var i = 0; i < n; i++) {
      w[i] = 0.5 - 0.5 * Math.cos(2 * Math.PI * i / n);
      sum += w[i];
    }
    var p = powerSpectrum(e, w);
    var x = [], y = [];
    for (var k = 2; k <= n / 2; k++) {
      x.push(k * FS / n);
      y.push(10 * Math.log10(Math.max(p[k], 1e-24)) - 20 * Math.log10(sum / 2));
    }
    var f = aliasFrequency(v.tone_hz, v.sample_rate);
    return {
      x: x, y: y, xScale: "log", xRange: [20, 24000], yRange: [-140, -20],
      xLabel: "Frequency (Hz)", yLabel: "Error level (dBFS)",
      marks: f >= 20 ? [{ x: f, label: "alias " + f + " Hz" }] : [],
      summary: "Spectrum of the quantization error. " + describe(v),
    };
  }

  /** The lab's sound: about two seconds of whole cycles, looped. */
  function buffer(ctx, v) {
    var f = aliasFrequency(v.tone_hz, v.sample_rate);
    var seconds = f > 0 ? Math.max(1, Math.round(2 * f)) / f : 2;
    var n = Math.min(FS * 4, Math.round(seconds * FS));
    var y = quantize(tone(v, n), v.bits, v.dither, 7);
    return A.toBuffer(ctx, y, FS);
  }

  function sound(ctx, output, v) {
    var src = ctx.createBufferSource();
    src.buffer = buffer(ctx, v);
    src.loop = true;
    var gain = ctx.createGain();
    gain.gain.value = 0.5;
    src.connect(gain);
    gain.connect(output);
    src.start();
    return {
      stop: function () {
        src.stop();
      },
    };
  }

  /** The peak of a spectrum, interpolated (parabolic on dB), in Hz. */
  function peakFrequency(data) {
    var n = 32768, x = new Float64Array(n), w = new Float64Array(n);
    for (var i = 0; i < n; i++) {
      x[i] = data[i];
      w[i] = 0.5 - 0.5 * Math.cos(2 * Math.PI * i / n);
    }
    var p = powerSpectrum(x, w), best = 1;
    for (var k = 2; k < p.length - 1; k++) {
      if (p[k] > p[best]) {
        best = k;
      }
    }
    var a = Math.log(p[best - 1]), b = Math.log(p[best]), c = Math.log(p[best + 1]);
    return (best + 0.5 * (a - c) / (a - 2 * b + c)) * FS / n;
  }

  /** The agreement data: the sound rendered offline, its error in bands, its frequency. */
  function measure(v) {
    return A.render(N / FS + 0.01, 1, function (ctx, dest) {
      var src = ctx.createBufferSource();
      src.buffer = A.toBuffer(ctx, quantize(tone(v, N), v.bits, v.dither, 7), FS);
      src.connect(dest);
      src.start(0);
    }).then(function (rendered) {
      var data = rendered.getChannelData(0).subarray(0, N), x = tone(v, N);
      var e = new Float64Array(N);
      for (var i = 0; i < N; i++) {
        e[i] = data[i] - x[i];
      }
      return { x: BANDS.map(function (b) { return (b[0] + b[1]) / 2; }), y: bandLevelsDb(e),
               extra: { alias_hz: peakFrequency(data) } };
    });
  }

  return {
    aliasFrequency: aliasFrequency,
    quantize: quantize,
    tone: tone,
    fft: fft,
    bandLevelsDb: bandLevelsDb,
    errorOf: errorOf,
    describe: describe,
    lab: { curve: curve, sound: sound, measure: measure, describe: describe },
  };
});
