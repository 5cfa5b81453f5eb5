/*
 * course-audio.js: the one small audio module shared by the listening gym, the live labs and
 * the A/B player (ext/static/). Plain Web Audio API, no dependencies.
 *
 * A classic script, not an ES module: module scripts do not load from file:// in Chromium, and
 * the site must work opened from disk. In a browser it defines window.CourseAudio; in Node
 * (node --test, tests/js/) require() returns the same object, so the pure functions (seeded
 * random numbers, noise, RBJ biquad coefficients and response, levels, pan law) are tested
 * there without a browser.
 *
 * Safety and fairness, for every tool that plays sound:
 *  - sound starts only from a user gesture (context() is called from a Start or Play handler);
 *  - everything goes through output(): the calibrated listening level, then a hard ceiling
 *    at CEILING_DB, so no stimulus, setting or bug can play louder than that;
 *  - matchRms() loudness-matches stimuli so that "louder" never gives an answer away.
 *
 * Strict-CSP safe: no eval, no blob:, no inline anything, no network.
 */
(function (root, factory) {
  "use strict";
  var api = factory();
  if (typeof module === "object" && module.exports) {
    module.exports = api;
  } else {
    root.CourseAudio = api;
  }
})(typeof self !== "undefined" ? self : this, function () {
  "use strict";

  /* ---- numbers ------------------------------------------------------------------------ */

  /** The loudest any course tool can play, in dB relative to full scale (a hard ceiling). */
  var CEILING_DB = -1;
  /** Default listening level (the calibration gain) in dB, before the learner calibrates. */
  var DEFAULT_LEVEL_DB = -12;
  /** The sample rate the tools render at, and the Python recipes use (soundlib.dsp.SR). */
  var SAMPLE_RATE = 48000;

  function dbToGain(db) {
    return Math.pow(10, db / 20);
  }

  function gainToDb(g) {
    return g > 0 ? 20 * Math.log10(g) : -Infinity;
  }

  /** x clamped to [lo, hi]; a non-number gives fallback (or lo). Never NaN. */
  function clamp(x, lo, hi, fallback) {
    var v = typeof x === "number" ? x : parseFloat(x);
    if (!isFinite(v)) {
      return fallback !== undefined ? fallback : lo;
    }
    return Math.min(hi, Math.max(lo, v));
  }

  /* ---- seeded random numbers ------------------------------------------------------------ */

  /**
   * A seeded generator (mulberry32): rng() returns a float in [0, 1). The same seed gives the
   * same sequence in every browser and in Node, so a drill's trial can be replayed and tested.
   */
  function rng(seed) {
    var a = (Number(seed) >>> 0) || 0x9e3779b9;
    var next = function () {
      a = (a + 0x6d2b79f5) >>> 0;
      var t = a;
      t = Math.imul(t ^ (t >>> 15), t | 1);
      t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
      return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
    };
    next.int = function (n) {
      return Math.floor(next() * n);
    };
    next.pick = function (items) {
      return items[next.int(items.length)];
    };
    next.gauss = function () {
      var u = 1 - next();
      var v = next();
      return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * v);
    };
    return next;
  }

  /* ---- signals (Float32Array, mono) ----------------------------------------------------- */

  /** White noise, uniform in [-1, 1), n samples, from a seed. */
  function whiteNoise(n, seed) {
    var r = rng(seed);
    var out = new Float32Array(n);
    for (var i = 0; i < n; i++) {
      out[i] = 2 * r() - 1;
    }
    return out;
  }

  /**
   * Pink noise (-3 dB per octave), n samples, from a seed: Paul Kellet's refined filter on
   * white noise (within 0.05 dB of 1/f from 9 Hz to Nyquist at 44.1 kHz and above), scaled to
   * an RMS of -20 dBFS.
   */
  function pinkNoise(n, seed) {
    var w = whiteNoise(n, seed);
    var out = new Float32Array(n);
    var b0 = 0, b1 = 0, b2 = 0, b3 = 0, b4 = 0, b5 = 0, b6 = 0;
    for (var i = 0; i < n; i++) {
      var x = w[i];
      b0 = 0.99886 * b0 + x * 0.0555179;
      b1 = 0.99332 * b1 + x * 0.0750759;
      b2 = 0.969 * b2 + x * 0.153852;
      b3 = 0.8665 * b3 + x * 0.3104856;
      b4 = 0.55 * b4 + x * 0.5329522;
      b5 = -0.7616 * b5 - x * 0.016898;
      out[i] = b0 + b1 + b2 + b3 + b4 + b5 + b6 + x * 0.5362;
      b6 = x * 0.115926;
    }
    return scaleToRms(out, -20);
  }

  function rms(x) {
    var s = 0;
    for (var i = 0; i < x.length; i++) {
      s += x[i] * x[i];
    }
    return x.length ? Math.sqrt(s / x.length) : 0;
  }

  function rmsDb(x) {
    return gainToDb(rms(x));
  }

  function peakDb(x) {
    var p = 0;
    for (var i = 0; i < x.length; i++) {
      var a = Math.abs(x[i]);
      if (a > p) {
        p = a;
      }
    }
    return gainToDb(p);
  }

  /** x scaled (in place) so that its RMS is db dBFS; returns x. */
  function scaleToRms(x, db) {
    var r = rms(x);
    if (r > 0) {
      var g = dbToGain(db) / r;
      for (var i = 0; i < x.length; i++) {
        x[i] *= g;
      }
    }
    return x;
  }

  /**
   * Loudness-match signals (arrays of Float32Array channels, or AudioBuffers) to the same
   * RMS over all their channels, db dBFS (default: the quietest one's level). Returns the gain
   * in dB applied to each, and scales the data in place.
   */
  function matchRms(signals, db) {
    var channelsOf = function (s) {
      if (s && typeof s.getChannelData === "function") {
        var list = [];
        for (var c = 0; c < s.numberOfChannels; c++) {
          list.push(s.getChannelData(c));
        }
        return list;
      }
      return Array.isArray(s) ? s : [s];
    };
    var levels = signals.map(function (s) {
      var sum = 0, n = 0;
      channelsOf(s).forEach(function (ch) {
        for (var i = 0; i < ch.length; i++) {
          sum += ch[i] * ch[i];
        }
        n += ch.length;
      });
      return gainToDb(Math.sqrt(sum / Math.max(1, n)));
    });
    var target = db !== undefined ? db : Math.min.apply(null, levels);
    return signals.map(function (s, k) {
      var change = isFinite(levels[k]) ? target - levels[k] : 0;
      var g = dbToGain(change);
      channelsOf(s).forEach(function (ch) {
        for (var i = 0; i < ch.length; i++) {
          ch[i] *= g;
        }
      });
      return change;
    });
  }

  /** A short raised-cosine fade in and out (seconds), in place, so that no stimulus clicks. */
  function fadeEdges(x, seconds, sampleRate) {
    var n = Math.min(Math.floor(x.length / 2), Math.round(seconds * (sampleRate || SAMPLE_RATE)));
    for (var i = 0; i < n; i++) {
      var g = 0.5 - 0.5 * Math.cos(Math.PI * i / n);
      x[i] *= g;
      x[x.length - 1 - i] *= g;
    }
    return x;
  }

  /* ---- filters: the Web Audio API's biquads, as numbers ------------------------------------ */

  /**
   * Coefficients {b: [b0, b1, b2], a: [1, a1, a2]} of the biquad a BiquadFilterNode computes
   * (Web Audio API, section "BiquadFilterNode", from the RBJ Audio EQ Cookbook). type is
   * "peaking", "lowshelf", "highshelf", "lowpass", "highpass", "bandpass" or "notch".
   * For lowpass and highpass the Web Audio API's Q is in dB (resonance), not the cookbook's Q.
   */
  function biquadCoefficients(type, freq, q, gainDb, sampleRate) {
    var fs = sampleRate || SAMPLE_RATE;
    var w0 = 2 * Math.PI * clamp(freq, 0, fs / 2) / fs;
    var cos = Math.cos(w0);
    var sin = Math.sin(w0);
    var A = Math.pow(10, (gainDb || 0) / 40);
    var b0, b1, b2, a0, a1, a2, alpha;
    if (type === "lowpass" || type === "highpass") {
      alpha = sin / (2 * Math.pow(10, (q || 0) / 20));
      var sign = type === "lowpass" ? 1 : -1;
      b1 = type === "lowpass" ? 1 - cos : -(1 + cos);
      b0 = b2 = (1 - sign * cos) / 2;
      a0 = 1 + alpha; a1 = -2 * cos; a2 = 1 - alpha;
    } else if (type === "peaking") {
      alpha = sin / (2 * q);
      b0 = 1 + alpha * A; b1 = -2 * cos; b2 = 1 - alpha * A;
      a0 = 1 + alpha / A; a1 = -2 * cos; a2 = 1 - alpha / A;
    } else if (type === "lowshelf" || type === "highshelf") {
      // The Web Audio API fixes the shelf slope S = 1.
      alpha = sin / 2 * Math.sqrt(2);
      var s = type === "lowshelf" ? 1 : -1;
      var k = 2 * Math.sqrt(A) * alpha;
      b0 = A * ((A + 1) - s * (A - 1) * cos + k);
      b1 = s * 2 * A * ((A - 1) - s * (A + 1) * cos);
      b2 = A * ((A + 1) - s * (A - 1) * cos - k);
      a0 = (A + 1) + s * (A - 1) * cos + k;
      a1 = -s * 2 * ((A - 1) + s * (A + 1) * cos);
      a2 = (A + 1) + s * (A - 1) * cos - k;
    } else if (type === "bandpass" || type === "notch") {
      alpha = sin / (2 * q);
      b0 = type === "bandpass" ? alpha : 1;
      b1 = type === "bandpass" ? 0 : -2 * cos;
      b2 = type === "bandpass" ? -alpha : 1;
      a0 = 1 + alpha; a1 = -2 * cos; a2 = 1 - alpha;
    } else {
      throw new Error("CourseAudio.biquadCoefficients: unknown type " + type);
    }
    return { b: [b0 / a0, b1 / a0, b2 / a0], a: [1, a1 / a0, a2 / a0] };
  }

  /** Magnitude in dB of coefficients {b, a} at each frequency of freqs (Hz). */
  function responseDb(coeffs, freqs, sampleRate) {
    var fs = sampleRate || SAMPLE_RATE;
    return freqs.map(function (f) {
      var w = 2 * Math.PI * f / fs;
      var c1 = Math.cos(w), s1 = Math.sin(w), c2 = Math.cos(2 * w), s2 = Math.sin(2 * w);
      var b = coeffs.b, a = coeffs.a;
      var nr = b[0] + b[1] * c1 + b[2] * c2, ni = -(b[1] * s1 + b[2] * s2);
      var dr = a[0] + a[1] * c1 + a[2] * c2, di = -(a[1] * s1 + a[2] * s2);
      return 10 * Math.log10((nr * nr + ni * ni) / (dr * dr + di * di));
    });
  }

  /** Filter x (Float32Array) through coefficients {b, a}; returns a new array (direct form I). */
  function filter(coeffs, x) {
    var b = coeffs.b, a = coeffs.a;
    var y = new Float32Array(x.length);
    var x1 = 0, x2 = 0, y1 = 0, y2 = 0;
    for (var i = 0; i < x.length; i++) {
      var v = b[0] * x[i] + b[1] * x1 + b[2] * x2 - a[1] * y1 - a[2] * y2;
      x2 = x1; x1 = x[i]; y2 = y1; y1 = v;
      y[i] = v;
    }
    return y;
  }

  /** n frequencies spaced logarithmically from lo to hi (Hz), for drawing a response. */
  function logFrequencies(lo, hi, n) {
    var out = [];
    for (var i = 0; i < n; i++) {
      out.push(lo * Math.pow(hi / lo, i / (n - 1)));
    }
    return out;
  }

  /* ---- panning ------------------------------------------------------------------------- */

  /**
   * Left and right gains of the Web Audio API's StereoPannerNode for a mono input at pan p
   * (-1 left .. +1 right): the equal-power (-3 dB at center) sine/cosine law.
   */
  function panGains(p) {
    var x = (clamp(p, -1, 1) + 1) / 2;
    return { left: Math.cos(x * Math.PI / 2), right: Math.sin(x * Math.PI / 2) };
  }

  /* ---- the audio graph -------------------------------------------------------------------- */

  var shared = null;

  /** True when the page was opened from disk: fetch() and media-element sources fail there. */
  function fromDisk() {
    return typeof location !== "undefined" && location.protocol === "file:";
  }

  /** True when this browser has the Web Audio API. */
  function supported() {
    return typeof window !== "undefined" &&
      typeof (window.AudioContext || window.webkitAudioContext) === "function";
  }

  /**
   * The page's one AudioContext, created (or resumed) on the first call. Call it from a user
   * gesture (a Start or Play handler): browsers keep a context created earlier suspended.
   */
  function context() {
    if (!shared) {
      var Ctor = window.AudioContext || window.webkitAudioContext;
      shared = new Ctor({ sampleRate: SAMPLE_RATE, latencyHint: "interactive" });
      shared.courseOutput = buildOutput(shared, level());
    }
    if (shared.state === "suspended") {
      shared.resume();
    }
    return shared;
  }

  /** A ceiling: a WaveShaper that passes everything below CEILING_DB and clips above. */
  function ceilingCurve() {
    var n = 2049, top = dbToGain(CEILING_DB);
    var curve = new Float32Array(n);
    for (var i = 0; i < n; i++) {
      var x = (i / (n - 1)) * 2 - 1;
      curve[i] = Math.max(-top, Math.min(top, x));
    }
    return curve;
  }

  function buildOutput(ctx, levelDb) {
    var gain = ctx.createGain();
    gain.gain.value = dbToGain(levelDb);
    var shaper = ctx.createWaveShaper();
    shaper.curve = ceilingCurve();
    shaper.oversample = "none";
    gain.connect(shaper);
    shaper.connect(ctx.destination);
    return { input: gain, level: gain, ceiling: shaper };
  }

  /**
   * The node every tool connects to: the calibrated level, then the ceiling. For an
   * OfflineAudioContext (tests, rendering) pass it: output(offline, 0) gives unity level.
   */
  function output(ctx, levelDb) {
    if (!ctx || ctx === shared) {
      return context().courseOutput.input;
    }
    if (!ctx.courseOutput) {
      ctx.courseOutput = buildOutput(ctx, levelDb === undefined ? 0 : levelDb);
    }
    return ctx.courseOutput.input;
  }

  /* ---- calibration level (kept in localStorage via CourseStore when present) ---------------- */

  var LEVEL_KEY = "course-audio-level";

  /** The learner's listening level in dB (the calibration step sets it). */
  function level() {
    try {
      var v = parseFloat(window.localStorage.getItem(LEVEL_KEY));
      return isFinite(v) ? clamp(v, -40, 0) : DEFAULT_LEVEL_DB;
    } catch (e) {
      return DEFAULT_LEVEL_DB;
    }
  }

  function setLevel(db) {
    var v = clamp(db, -40, 0, DEFAULT_LEVEL_DB);
    try {
      window.localStorage.setItem(LEVEL_KEY, String(v));
    } catch (e) { /* storage disabled: the level holds for this visit */ }
    if (shared) {
      shared.courseOutput.level.gain.setTargetAtTime(dbToGain(v), shared.currentTime, 0.02);
    }
    return v;
  }

  /* ---- buffers and playback ------------------------------------------------------------------ */

  /** An AudioBuffer of ctx from channel arrays (Float32Array each). */
  function toBuffer(ctx, channels, sampleRate) {
    var list = Array.isArray(channels) ? channels : [channels];
    var buf = ctx.createBuffer(list.length, list[0].length, sampleRate || ctx.sampleRate);
    list.forEach(function (ch, c) {
      buf.copyToChannel(ch, c);
    });
    return buf;
  }

  /**
   * Render a graph offline: build(ctx, destination) connects sources to destination and
   * starts them. Resolves to an AudioBuffer. Used to make stimuli (then matchRms) and by the
   * agreement tests, which compare the result with the Python recipes.
   */
  function render(seconds, channels, build, sampleRate) {
    var fs = sampleRate || SAMPLE_RATE;
    var Offline = window.OfflineAudioContext || window.webkitOfflineAudioContext;
    var ctx = new Offline(channels || 1, Math.round(seconds * fs), fs);
    build(ctx, ctx.destination);
    return ctx.startRendering();
  }

  /**
   * Play an AudioBuffer now through output(); returns {source, gain, stop()}. A 5 ms ramp at
   * start and stop avoids clicks. opts: {loop, gainDb, offset, onended}.
   */
  function play(buffer, opts) {
    var o = opts || {};
    var ctx = context();
    var src = ctx.createBufferSource();
    src.buffer = buffer;
    src.loop = !!o.loop;
    var g = ctx.createGain();
    var now = ctx.currentTime;
    var target = dbToGain(o.gainDb || 0);
    g.gain.setValueAtTime(0, now);
    g.gain.linearRampToValueAtTime(target, now + 0.005);
    src.connect(g);
    g.connect(output());
    if (o.onended) {
      src.onended = o.onended;
    }
    src.start(now, o.offset || 0);
    return {
      source: src,
      gain: g,
      stop: function () {
        var t = ctx.currentTime;
        g.gain.cancelScheduledValues(t);
        g.gain.setValueAtTime(g.gain.value, t);
        g.gain.linearRampToValueAtTime(0, t + 0.005);
        try {
          src.stop(t + 0.01);
        } catch (e) { /* already stopped */ }
      },
    };
  }

  /** The user prefers reduced motion: draw final states, no animation. */
  function reducedMotion() {
    return typeof window !== "undefined" && window.matchMedia &&
      window.matchMedia("(prefers-reduced-motion: reduce)").matches;
  }

  return {
    CEILING_DB: CEILING_DB,
    DEFAULT_LEVEL_DB: DEFAULT_LEVEL_DB,
    SAMPLE_RATE: SAMPLE_RATE,
    dbToGain: dbToGain,
    gainToDb: gainToDb,
    clamp: clamp,
    rng: rng,
    whiteNoise: whiteNoise,
    pinkNoise: pinkNoise,
    rms: rms,
    rmsDb: rmsDb,
    peakDb: peakDb,
    scaleToRms: scaleToRms,
    matchRms: matchRms,
    fadeEdges: fadeEdges,
    biquadCoefficients: biquadCoefficients,
    responseDb: responseDb,
    filter: filter,
    logFrequencies: logFrequencies,
    panGains: panGains,
    fromDisk: fromDisk,
    supported: supported,
    context: context,
    output: output,
    level: level,
    setLevel: setLevel,
    toBuffer: toBuffer,
    render: render,
    play: play,
    reducedMotion: reducedMotion,
  };
});
