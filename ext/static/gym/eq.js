/*
 * gym/eq.js: the EQ drills, generated live from a seed: "eq-band" (which band was boosted or
 * cut?) and "eq-fix" (set the EQ that cancels it). Pink noise (CourseAudio.pinkNoise) through
 * the Web Audio API's BiquadFilterNode ("peaking"), rendered in an OfflineAudioContext and
 * loudness-matched (CourseAudio.matchRms) so that the boosted version is not simply louder.
 * Music levels: the build's data scripts (gym/music.py), loaded by <script> (file:// too).
 * UMD: window.CourseGymEq in a browser; require() in Node gives the pure parts.
 */
(function (root, factory) {
  "use strict";
  var api = factory(root);
  if (typeof module === "object" && module.exports) {
    module.exports = api;
  } else {
    root.CourseGymEq = api;
    if (root.CourseGym) {
      root.CourseGym.define("eq-band", api.eqBand);
      root.CourseGym.define("eq-fix", api.eqFix);
    }
  }
})(typeof self !== "undefined" ? self : this, function (root) {
  "use strict";

  /** CourseAudio and CourseGym, in a browser or (tests) in Node. */
  function lib(name, file) {
    return root[name] || (typeof require === "function" ? require(file) : null);
  }

  var OCTAVES = [125, 250, 500, 1000, 2000, 4000, 8000];
  var THIRDS_LOW = [250, 315, 400, 500, 630, 800, 1000, 1250, 1600];
  var THIRDS_HIGH = [1000, 1250, 1600, 2000, 2500, 3150, 4000, 5000, 6300];
  /** Q of a peaking filter one octave wide, and one third of an octave wide (RBJ: bandwidth
   * N octaves gives Q = sqrt(2^N) / (2^N - 1)). */
  var Q_OCTAVE = Math.SQRT2;
  var Q_THIRD = Math.pow(2, 1 / 6) / (Math.pow(2, 1 / 3) - 1);
  var SECONDS = 2.5;
  var REF_DB = -23;

  /** What a listener hears when each region is boosted (cut: the opposite, less of it). */
  var CHARACTER = [
    [160, "warmth and body; boosted it turns boomy, cut it thins out"],
    [400, "fullness; boosted it turns muddy, cut it sounds hollow"],
    [800, "boxiness; boosted it sounds like a cardboard box"],
    [1300, "nasal, honky midrange"],
    [2600, "presence, then harshness"],
    [5200, "bite and edge; boosted it gets hard and tiring"],
    [Infinity, "air and sizzle, then sibilance"],
  ];

  function character(freq) {
    for (var i = 0; i < CHARACTER.length; i++) {
      if (freq < CHARACTER[i][0]) { return CHARACTER[i][1]; }
    }
    return "";
  }

  function hz(f) {
    return f >= 1000 ? (f / 1000).toString().replace(/\.0$/, "") + " kHz" : f + " Hz";
  }

  function db(g) {
    return (g > 0 ? "+" : g < 0 ? "\u2212" : "") + Math.abs(g) + " dB";
  }

  /** "+6 dB at 2 kHz: presence, then harshness". */
  function describe(freq, gain) {
    return db(gain) + " at " + hz(freq) + ": " + character(freq);
  }

  /* ---- stimuli ------------------------------------------------------------------------- */

  /**
   * Render noise (Float32Array) through peaking filters [{freq, q, gain}] with
   * BiquadFilterNodes in an OfflineAudioContext; resolves to the AudioBuffer.
   */
  function renderPeaks(noise, filters, sampleRate) {
    var A = lib("CourseAudio", "../course-audio.js");
    var fs = sampleRate || 48000;
    return A.render(noise.length / fs, 1, function (ctx, dest) {
      var src = ctx.createBufferSource();
      src.buffer = A.toBuffer(ctx, noise, fs);
      var last = src;
      filters.forEach(function (f) {
        var bq = ctx.createBiquadFilter();
        bq.type = "peaking";
        bq.frequency.value = f.freq;
        bq.Q.value = f.q;
        bq.gain.value = f.gain;
        last.connect(bq);
        last = bq;
      });
      last.connect(dest);
      src.start(0);
    }, fs);
  }

  /** For the agreement test: {noise, output} of one seeded peaking filter, unmatched. */
  function stimulus(o) {
    var A = lib("CourseAudio", "../course-audio.js");
    var noise = A.pinkNoise(Math.round((o.seconds || 2) * 48000), o.seed || 1);
    return renderPeaks(noise, [{ freq: o.freq, q: o.q, gain: o.gain }]).then(function (b) {
      return { noise: noise, output: b.getChannelData(0) };
    });
  }

  function noiseOf(trial) {
    var A = lib("CourseAudio", "../course-audio.js");
    return A.fadeEdges(A.pinkNoise(Math.round(SECONDS * 48000), trial.noiseSeed), 0.02);
  }

  var music = {};

  function load(name) {
    return music[name] || (music[name] = new Promise(function (ok, no) {
      var doc = root.document, s = doc.createElement("script");
      s.src = JSON.parse(doc.querySelector("[data-drill=eq-band]")
        .getAttribute("data-drill-config")).music[name];
      s.onload = s.onerror = function () {
        var m = (root.CourseGymMusic || {})[name];
        if (m && m.pcm.length >= m.n * 8 / 3) { ok(pcm(m)); } else {
          no(new Error(s.src + " is missing or damaged."));
        }
      };
      doc.head.appendChild(s);
    }));
  }

  function pcm(m) {  // base64 of 16-bit PCM -> Float32Array
    var s = atob(m.pcm), x = new Float32Array(m.n);
    for (var i = 0; i < m.n; i++) {
      x[i] = (s.charCodeAt(2 * i) | s.charCodeAt(2 * i + 1) << 24 >> 16) / 32768;
    }
    return x;
  }

  function matched(promise) {
    return promise.then(function (buf) {
      lib("CourseAudio", "../course-audio.js").matchRms([buf], REF_DB);
      return buf;
    });
  }

  /* ---- eq-band ------------------------------------------------------------------------- */

  function band(lv, i) {
    return lv.bands[i];
  }

  function mus(name, bands, g) {
    return { label: "music: " + name + ", octave bands, \u00b1" + g + " dB", trials: 14,
      bands: bands,
      gains: [g, -g], q: Q_OCTAVE, perOctave: 1, music: name };
  }

  var eqBand = {
    levels: [
      { label: "octave bands, boosts of 12 dB", trials: 12, bands: OCTAVES, gains: [12],
        q: Q_OCTAVE, perOctave: 1 },
      { label: "octave bands, boosts and cuts of 12 dB", trials: 12, bands: OCTAVES,
        gains: [12, -12], q: Q_OCTAVE, perOctave: 1 },
      { label: "octave bands, \u00b19 dB", trials: 14, bands: OCTAVES, gains: [9, -9],
        q: Q_OCTAVE, perOctave: 1 },
      { label: "octave bands, \u00b16 dB", trials: 14, bands: OCTAVES, gains: [6, -6],
        q: Q_OCTAVE, perOctave: 1 },
      { label: "octave bands, \u00b13 dB", trials: 16, bands: OCTAVES, gains: [3, -3],
        q: Q_OCTAVE, perOctave: 1 },
      { label: "third-octave bands 250 Hz to 1.6 kHz, \u00b16 dB", trials: 16,
        bands: THIRDS_LOW, gains: [6, -6], q: Q_THIRD, perOctave: 3 },
      { label: "third-octave bands 1 kHz to 6.3 kHz, \u00b16 dB", trials: 16,
        bands: THIRDS_HIGH, gains: [6, -6], q: Q_THIRD, perOctave: 3 },
      mus("drums", OCTAVES, 9), mus("bass", OCTAVES.slice(0, 4), 9),
      mus("pad", OCTAVES.slice(1, 5), 9), mus("mix", OCTAVES, 6),
    ],
    sounds: function () {
      return [{ id: "flat", label: "A: flat", key: "a" }, { id: "eq", label: "B: with EQ",
        key: "b" }];
    },
    trial: function (rng, lv) {
      var i = rng.int(lv.bands.length);
      var gain = rng.pick(lv.gains);
      return { band: i, freq: band(lv, i), gain: gain, noiseSeed: 1 + rng.int(1e9),
        answer: lv.gains.length > 1 ? { band: i, sign: gain > 0 ? "+" : "-" } : { band: i } };
    },
    controls: function (lv) {
      var list = [];
      if (lv.gains.length > 1) {
        list.push({ name: "sign", label: "Boost or cut", type: "choice", options: [
          { value: "+", label: "boost", key: "+" }, { value: "-", label: "cut", key: "-" }] });
      }
      list.push({ name: "band", label: "Band", type: "choice",
        options: lv.bands.map(function (f, i) {
          return { value: i, label: hz(f), key: String(i + 1) };
        }) });
      return list;
    },
    render: function (trial, sid, answer, lv) {
      var filters = sid === "flat" ? [] : [{ freq: trial.freq, q: lv.q, gain: trial.gain }];
      var A = lib("CourseAudio", "../course-audio.js");
      return matched(lv.music ? load(lv.music).then(function (x) {
        return renderPeaks(A.fadeEdges(x.slice(), 0.02), filters);
      }) : renderPeaks(noiseOf(trial), filters));
    },
    score: function (trial, answer, lv) {
      var sign = answer.sign || (trial.gain > 0 ? "+" : "-");
      return lib("CourseGym", "./course-gym.js").bandCredit({ band: trial.band, sign: trial.gain > 0 ? "+" : "-" },
        { band: answer.band, sign: sign }, lv.perOctave);
    },
    explain: function (trial, answer, lv) {
      var said = (answer.sign === "-" || (!answer.sign && trial.gain < 0) ? -1 : 1) *
        Math.abs(trial.gain);
      var right = describe(trial.freq, trial.gain) + ".";
      if (answer.band === trial.band && said === trial.gain) { return right; }
      return "It was " + right + " You chose " + describe(band(lv, answer.band), said) + ".";
    },
    stimulus: stimulus,
  };

  /* ---- eq-fix -------------------------------------------------------------------------- */

  var FREQS = [];
  for (var k = 0; k < 61; k++) { FREQS.push(50 * Math.pow(320, k / 60)); }
  FREQS = FREQS.concat(OCTAVES).sort(function (x, y) { return x - y; });  // the peaks too

  /**
   * The residual error in dB: the largest deviation from flat of the EQ plus the fix, over
   * 50 Hz to 16 kHz (61 log-spaced points and the band centers). Doing nothing leaves the
   * EQ's own gain.
   */
  function residualDb(problem, fix, q) {
    var A = lib("CourseAudio", "../course-audio.js");
    var r1 = A.responseDb(A.biquadCoefficients("peaking", problem.freq, q, problem.gain),
      FREQS);
    var r2 = A.responseDb(A.biquadCoefficients("peaking", fix.freq, q, fix.gain), FREQS);
    var worst = 0;
    for (var i = 0; i < FREQS.length; i++) { worst = Math.max(worst, Math.abs(r1[i] + r2[i])); }
    return worst;
  }

  var eqFix = {
    levels: [
      { label: "set the gain; the band is given; within 2 dB", trials: 10, tolerance: 2,
        setBand: false, gains: [-12, -9, -6, 6, 9, 12] },
      { label: "find the band and the gain; within 2 dB", trials: 10, tolerance: 2,
        setBand: true, gains: [-12, -9, -6, 6, 9, 12] },
      { label: "find the band and the gain; within 1 dB", trials: 12, tolerance: 1,
        setBand: true, gains: [-9, -7.5, -6, -4.5, 4.5, 6, 7.5, 9] },
    ],
    sounds: function () {
      return [{ id: "flat", label: "A: original", key: "a" },
        { id: "eq", label: "B: with the EQ", key: "b", autoplay: true },
        { id: "fix", label: "C: with your fix", key: "c", usesAnswer: true }];
    },
    correctSound: function () { return "fix"; },
    trial: function (rng, lv) {
      var i = rng.int(OCTAVES.length);
      var gain = rng.pick(lv.gains);
      return { band: i, freq: OCTAVES[i], gain: gain, noiseSeed: 1 + rng.int(1e9),
        answer: { band: i, gain: -gain } };
    },
    controls: function (lv, trial) {
      var list = [];
      if (lv.setBand) {
        list.push({ name: "band", label: "Band of your fix", type: "range", min: 0,
          max: OCTAVES.length - 1, step: 1, value: 3,
          format: function (v) { return hz(OCTAVES[v]); } });
      }
      list.push({ name: "gain", label: "Gain of your fix" + (lv.setBand ? "" : " at " +
        hz(trial.freq)), type: "range", min: -15, max: 15, step: 0.5, value: 0,
        format: function (v) { return db(v); } });
      return list;
    },
    fixOf: function (trial, answer) {
      var i = answer && answer.band !== undefined ? answer.band : trial.band;
      return { freq: OCTAVES[i], gain: answer ? answer.gain || 0 : 0 };
    },
    render: function (trial, sid, answer) {
      var filters = [];
      if (sid !== "flat") { filters.push({ freq: trial.freq, q: Q_OCTAVE, gain: trial.gain }); }
      if (sid === "fix") {
        var fix = eqFix.fixOf(trial, answer);
        filters.push({ freq: fix.freq, q: Q_OCTAVE, gain: fix.gain });
      }
      return matched(renderPeaks(noiseOf(trial), filters));
    },
    score: function (trial, answer, lv) {
      var res = residualDb(trial, eqFix.fixOf(trial, answer), Q_OCTAVE);
      return res <= lv.tolerance ? 1 : Math.max(0, 1 - (res - lv.tolerance) / (2 *
        lv.tolerance));
    },
    explain: function (trial, answer) {
      var fix = eqFix.fixOf(trial, answer);
      var res = residualDb(trial, fix, Q_OCTAVE);
      return "The EQ was " + describe(trial.freq, trial.gain) + ". Your fix, " + db(fix.gain) +
        " at " + hz(fix.freq) + ", leaves a residual error of " + res.toFixed(1) +
        " dB (the largest deviation from flat between 50 Hz and 16 kHz).";
    },
  };

  return { OCTAVES: OCTAVES, THIRDS_LOW: THIRDS_LOW, THIRDS_HIGH: THIRDS_HIGH,
    Q_OCTAVE: Q_OCTAVE, Q_THIRD: Q_THIRD, describe: describe, residualDb: residualDb,
    eqBand: eqBand, eqFix: eqFix, stimulus: stimulus, renderPeaks: renderPeaks, load: load,
    pcm: pcm };
});
