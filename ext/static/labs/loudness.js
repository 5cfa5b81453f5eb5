/*
 * The loudness lab (Module 7): a generated loop through a drive gain and the course's
 * look-ahead limiter, measured as a platform measures it (ITU-R BS.1770 integrated loudness,
 * true peak with four-times oversampling), then turned down (or up, to the peak ceiling) to
 * the platform's reference.
 *
 * The pure part is a port of soundlib: loudness.integrated_lufs (pyloudnorm's gating),
 * loudness.true_peak_dbtp (the 193-tap Kaiser interpolator), loudness.normalize_report (the
 * platform's gain rule) and dynamics.limit (the limiter). Unit tests:
 * tests/js/labs-loudness.test.js. Classic script, UMD (window.CourseLabLoudness / Node).
 */
(function (root, factory) {
  "use strict";
  var api = factory();
  if (typeof module === "object" && module.exports) {
    module.exports = api;
  } else {
    root.CourseLabLoudness = api;
    if (root.CourseLabs && api.lab) {
      root.CourseLabs.register("loudness", api.lab);
    }
  }
})(typeof self !== "undefined" ? self : this, function () {
  "use strict";

  var SR = 48000;
  var TWO_PI = 2 * Math.PI;

  /* ---- the loop (soundlib.recipes.m07.lab_loop: the same formula) ------------------------ */

  /**
   * Two seconds (one bar) at 120 BPM, stereo [left, right] Float32Arrays: a kick on every beat, a bass
   * on the off-beats, a held three-note chord (A minor, ten harmonics each) and bright
   * "hats" (five inharmonic partials) on every eighth note. No random numbers, so Python makes
   * the same samples.
   */
  function loop(sampleRate) {
    var fs = sampleRate || SR;
    var n = Math.round(2 * fs);
    var left = new Float32Array(n), right = new Float32Array(n);
    var chord = [220, 277.18, 329.63];
    var hat = [6200, 7300, 8900, 10400, 12100];
    for (var i = 0; i < n; i++) {
      var t = i / fs;
      var tb = t % 0.5;                       // time since the beat
      var te = t % 0.25;                      // time since the eighth note
      var kick = 0.8 * Math.sin(TWO_PI * 50 * tb + 4 * (1 - Math.exp(-tb / 0.015))) *
        Math.exp(-tb / 0.18);
      var bass = 0;
      if (tb >= 0.25) {
        var tbb = tb - 0.25;
        for (var h = 1; h <= 6; h++) {
          bass += Math.sin(TWO_PI * 55 * h * tbb) / h;
        }
        bass *= 0.25 * Math.exp(-tbb / 0.2);
      }
      var pad = 0;
      for (var c = 0; c < chord.length; c++) {
        for (var k = 1; k <= 10; k++) {
          pad += Math.sin(TWO_PI * chord[c] * k * t + c) / k;
        }
      }
      pad *= 0.04;
      var hats = 0;
      for (var m = 0; m < hat.length; m++) {
        hats += Math.sin(TWO_PI * hat[m] * te + m);
      }
      hats *= 0.03 * Math.exp(-te / 0.03);
      left[i] = kick + bass + pad + 0.8 * hats;
      right[i] = kick + bass + 0.8 * pad + hats;
    }
    return [left, right];
  }

  /* ---- BS.1770 integrated loudness --------------------------------------------------------- */

  /** K-weighting at 48 kHz (ITU-R BS.1770-4, Annex 1): the two biquads, a0 = 1. */
  var K_STAGE1 = { b: [1.53512485958697, -2.69169618940638, 1.19839281085285],
    a: [1, -1.69065929318241, 0.73248077421585] };
  var K_STAGE2 = { b: [1, -2, 1], a: [1, -1.99004745483398, 0.99007225036621] };

  function biquad(c, x) {
    var y = new Float64Array(x.length);
    var x1 = 0, x2 = 0, y1 = 0, y2 = 0;
    for (var i = 0; i < x.length; i++) {
      var v = c.b[0] * x[i] + c.b[1] * x1 + c.b[2] * x2 - c.a[1] * y1 - c.a[2] * y2;
      x2 = x1; x1 = x[i]; y2 = y1; y1 = v;
      y[i] = v;
    }
    return y;
  }

  /**
   * Integrated loudness (LUFS) of channels at 48 kHz: K-weighting, 400 ms blocks every 100 ms,
   * absolute gate -70 LUFS, relative gate 10 LU below the absolutely gated level; channel
   * weights 1 (left, right). Same block layout as pyloudnorm (soundlib.loudness).
   */
  function integratedLufs(channels, sampleRate) {
    var fs = sampleRate || SR;
    var list = Array.isArray(channels) ? channels : [channels];
    var n = list[0].length;
    var blockLen = 0.4;
    var count = Math.round((n / fs - blockLen) / (blockLen * 0.25)) + 1;
    if (n < blockLen * fs || count < 1) {
      return -Infinity;
    }
    var z = [];                                // mean square per block, summed over channels
    for (var j = 0; j < count; j++) {
      z.push(0);
    }
    list.forEach(function (ch) {
      var k = biquad(K_STAGE2, biquad(K_STAGE1, ch));
      var csum = new Float64Array(n + 1);
      for (var i = 0; i < n; i++) {
        csum[i + 1] = csum[i] + k[i] * k[i];
      }
      for (var b = 0; b < count; b++) {
        var lo = Math.floor(blockLen * (b * 0.25) * fs);
        var hi = Math.min(n, Math.floor(blockLen * (b * 0.25 + 1) * fs));
        z[b] += (csum[hi] - csum[lo]) / (blockLen * fs);
      }
    });
    var loud = function (ms) {
      return -0.691 + 10 * Math.log10(ms);
    };
    var gatedMean = function (gate) {
      var s = 0, c = 0;
      z.forEach(function (v) {
        if (loud(v) > gate) {
          s += v; c += 1;
        }
      });
      return c ? s / c : 0;
    };
    var abs = gatedMean(-70);
    if (!(abs > 0)) {
      return -Infinity;
    }
    var rel = loud(abs) - 10;
    return loud(gatedMean(Math.max(rel, -70)));
  }

  /* ---- true peak (BS.1770-4 Annex 2) ------------------------------------------------------- */

  function besselI0(x) {
    var sum = 1, term = 1, k = 1;
    while (term > 1e-12 * sum) {
      term *= (x / (2 * k)) * (x / (2 * k));
      sum += term;
      k += 1;
    }
    return sum;
  }

  var TAPS = null;

  /**
   * The interpolator of soundlib.loudness.true_peak_dbtp: 193 taps, a Kaiser window with
   * beta 8, cut off at the original Nyquist frequency, unity gain per phase (the sum is 4).
   */
  function interpolator() {
    if (TAPS) {
      return TAPS;
    }
    var N = 193, M = (N - 1) / 2, beta = 8, cut = 0.25;
    var h = new Float64Array(N), sum = 0;
    for (var i = 0; i < N; i++) {
      var m = i - M;
      var sinc = m === 0 ? 1 : Math.sin(Math.PI * cut * m) / (Math.PI * cut * m);
      var r = (i - M) / M;
      var w = besselI0(beta * Math.sqrt(Math.max(0, 1 - r * r))) / besselI0(beta);
      h[i] = cut * sinc * w;
      sum += h[i];
    }
    for (var j = 0; j < N; j++) {
      h[j] *= 4 / sum;
    }
    TAPS = h;
    return h;
  }

  /**
   * True peak (dBTP): the largest |sample| of the four-times oversampled channels (and of the
   * original samples). Polyphase: output 4m + r is sum over q of h[4q + r] x[m - q].
   */
  function truePeakDb(channels) {
    var list = Array.isArray(channels) ? channels : [channels];
    var h = interpolator();
    var N = h.length;
    var phases = [0, 1, 2, 3].map(function (r) {
      var taps = [];
      for (var k = r; k < N; k += 4) {
        taps.push(h[k]);
      }
      return new Float64Array(taps);
    });
    var peak = 0;
    list.forEach(function (x) {
      var n = x.length;
      for (var i = 0; i < n; i++) {
        if (Math.abs(x[i]) > peak) {
          peak = Math.abs(x[i]);
        }
      }
      for (var r = 0; r < 4; r++) {
        var taps = phases[r], Q = taps.length;
        for (var m = 0; m < n + Q; m++) {
          var acc = 0;
          var qLo = Math.max(0, m - n + 1), qHi = Math.min(Q - 1, m);
          for (var q = qLo; q <= qHi; q++) {
            acc += taps[q] * x[m - q];
          }
          if (acc > peak) {
            peak = acc;
          } else if (-acc > peak) {
            peak = -acc;
          }
        }
      }
    });
    return peak > 0 ? 20 * Math.log10(peak) : -Infinity;
  }

  /* ---- the limiter (soundlib.dynamics.limit) ----------------------------------------------- */

  /**
   * Look-ahead brickwall limiter on sample peaks: required gain min(1, c / |x|), a running
   * minimum over the look-ahead, instant attack and one-pole release in dB, then a moving
   * average over the look-ahead so the gain ramps down before each peak. Channels are linked.
   */
  function limit(channels, ceilingDb, releaseMs, lookaheadMs, sampleRate) {
    var fs = sampleRate || SR;
    var list = Array.isArray(channels) ? channels : [channels];
    var n = list[0].length;
    var c = Math.pow(10, ceilingDb / 20);
    var L = Math.max(0, Math.round(lookaheadMs * 1e-3 * fs));
    var total = n + L;
    var req = new Float64Array(total);
    for (var i = 0; i < total; i++) {
      var pk = 0;
      if (i < n) {
        for (var ch = 0; ch < list.length; ch++) {
          pk = Math.max(pk, Math.abs(list[ch][i]));
        }
      }
      req[i] = pk > c ? c / pk : 1;
    }
    // running minimum over req[i - L .. i] (a monotonic queue of indices)
    var held = new Float64Array(total);
    var q = new Int32Array(total), head = 0, tail = 0;
    for (var j = 0; j < total; j++) {
      while (tail > head && req[q[tail - 1]] >= req[j]) {
        tail -= 1;
      }
      q[tail++] = j;
      if (q[head] < j - L) {
        head += 1;
      }
      held[j] = req[q[head]];
    }
    var rel = 1 - (releaseMs > 0 ? Math.exp(-1 / (releaseMs * 1e-3 * fs)) : 0);
    var gain = new Float64Array(total);
    var y = 0;
    for (var k = 0; k < total; k++) {
      var v = -20 * Math.log10(held[k]);
      y = v > y ? v : y + rel * (v - y);
      gain[k] = Math.pow(10, -y / 20);
    }
    // moving average over L + 1 samples, front-padded with gain[0], then undo the delay
    var out = list.map(function () {
      return new Float32Array(n);
    });
    var csum = new Float64Array(total + L + 1);
    for (var s = 0; s < total + L; s++) {
      csum[s + 1] = csum[s] + (s < L ? gain[0] : gain[s - L]);
    }
    for (var t = 0; t < n; t++) {
      var at = t + L;                          // index in the delayed frame
      var g = (csum[at + L + 1] - csum[at]) / (L + 1);
      for (var cc = 0; cc < list.length; cc++) {
        out[cc][t] = Math.max(-c, Math.min(c, list[cc][t] * g));
      }
    }
    return out;
  }

  /* ---- the platform ----------------------------------------------------------------------- */

  /**
   * The gain (dB) a platform applies (soundlib.loudness.normalize_report's rule): target minus
   * measured loudness, except that a turn-up stops where the true peak reaches the ceiling.
   */
  function platformGainDb(lufs, truePeak, targetLufs, ceilingDbtp) {
    var g = targetLufs - lufs;
    if (truePeak + g > ceilingDbtp) {
      g = ceilingDbtp - truePeak;
    }
    return g;
  }

  /** "Spotify, -14 LUFS" -> -14: the number of LUFS in a platform choice's text. */
  function targetOf(choice) {
    var m = String(choice).replace(/\u2212/g, "-").match(/(-?\d+(?:\.\d+)?)\s*LUFS/);
    return m ? parseFloat(m[1]) : -14;
  }

  function gain(channels, db) {
    var g = Math.pow(10, db / 20);
    return channels.map(function (ch) {
      var y = new Float32Array(ch.length);
      for (var i = 0; i < ch.length; i++) {
        y[i] = ch[i] * g;
      }
      return y;
    });
  }

  /** The look-ahead limiter's settings (Module 7's mastering examples). */
  var RELEASE_MS = 80, LOOKAHEAD_MS = 5;
  /** Where a platform's turn-up stops (dBTP). */
  var PLATFORM_CEILING = -1;

  var cache = { key: "", master: null, source: null };

  /**
   * The master for settings p {drive_db, ceiling_db} (cached: only the drive and the ceiling
   * change it): the driven loop's true peak, the limited master, its loudness and true peak.
   */
  function master(p) {
    var key = p.drive_db + "/" + p.ceiling_db;
    if (cache.key !== key) {
      if (!cache.source) {
        cache.source = loop();
        // a gain moves loudness and true peak by its own decibels: measure the loop once
        cache.sourceLufs = integratedLufs(cache.source);
        cache.sourceTruePeak = truePeakDb(cache.source);
      }
      var driven = gain(cache.source, p.drive_db);
      var m = limit(driven, p.ceiling_db, RELEASE_MS, LOOKAHEAD_MS);
      cache.master = { inputLufs: cache.sourceLufs + p.drive_db,
        inputTruePeak: cache.sourceTruePeak + p.drive_db,
        channels: m, lufs: integratedLufs(m), truePeak: truePeakDb(m) };
      cache.key = key;
    }
    return cache.master;
  }

  /**
   * The whole chain for settings p {drive_db, ceiling_db, platform}: the master's numbers,
   * the platform's target and gain, and the played loudness and true peak (the master's plus
   * the gain: a gain changes both by the same number of decibels).
   */
  function chain(p) {
    var m = master(p);
    var target = targetOf(p.platform);
    var pg = platformGainDb(m.lufs, m.truePeak, target, PLATFORM_CEILING);
    return {
      inputLufs: m.inputLufs, inputTruePeak: m.inputTruePeak,
      lufs: m.lufs, truePeak: m.truePeak, target: target, platformGain: pg,
      playedLufs: m.lufs + pg, playedTruePeak: m.truePeak + pg,
      limited: m.truePeak + (target - m.lufs) > PLATFORM_CEILING,
      master: m.channels,
    };
  }

  /* ---- the lab (ext/static/course-labs.js contract) ------------------------------------ */

  function fmt(v, signed) {
    var t = parseFloat(Number(v).toFixed(1));
    return ((signed && t > 0) ? "+" : "") + String(t).replace("-", "\u2212");
  }

  function describe(p) {
    var r = chain(p);
    var name = String(p.platform).split(",")[0];
    var peakReduction = r.inputTruePeak - p.ceiling_db;
    return "Into the limiter: " + fmt(r.inputLufs) + " LUFS, true peak " + fmt(r.inputTruePeak) +
      " dBTP. Your master: " + fmt(r.lufs) + " LUFS, true peak " + fmt(r.truePeak) + " dBTP" +
      (r.truePeak - p.ceiling_db >= 0.05 ? " (" + fmt(r.truePeak - p.ceiling_db) +
        " dB over the ceiling between the samples)" : "") +
      (peakReduction > 0 ? "; the limiter took up to " + fmt(peakReduction) + " dB off the peaks" : "") +
      ". " + name + " (" + fmt(r.target) + " LUFS) plays it at " + fmt(r.platformGain, true) +
      " dB: " + fmt(r.playedLufs) + " LUFS, true peak " + fmt(r.playedTruePeak) + " dBTP" +
      (r.limited ? ", below the target, because a turn-up stops at \u22121 dBTP" : "") + ".";
  }

  function curve(p) {
    var r = chain(p);
    var stages = [[1, r.inputLufs, r.inputTruePeak], [2, r.lufs, r.truePeak],
      [3, r.playedLufs, r.playedTruePeak]];
    var bars = [];
    stages.forEach(function (s) {
      bars.push({ x: s[0] - 0.12, y: s[1], kind: "lab-loudness" });
      bars.push({ x: s[0] + 0.12, y: s[2], kind: "lab-peak" });
    });
    return {
      x: [0.5, 3.5], y: [r.target, r.target], xScale: "linear", xRange: [0.5, 3.5],
      yRange: [-30, 12],
      xLabel: "1 into the limiter, 2 your master, 3 as the platform plays it",
      yLabel: "LUFS (blue), dBTP (red)",
      marks: [{ x: 2.5, label: "platform gain " + fmt(r.platformGain, true) + " dB" }],
      bars: bars,
      summary: "Bars: integrated loudness (blue) and true peak (red) at three stages; the " +
        "line is the platform's target. " + describe(p),
    };
  }

  /** What the learner hears: the master at the platform's gain, or the master as it is. */
  function playedGain(p) {
    return /master/.test(String(p.listen)) ? 0 : chain(p).platformGain;
  }

  /** Play the chosen version in a loop. No update(): a change restarts the sound. */
  function sound(ctx, output, p) {
    var r = chain(p);
    var src = ctx.createBufferSource();
    src.buffer = ctx.createBuffer(2, r.master[0].length, SR);
    src.buffer.copyToChannel(r.master[0], 0);
    src.buffer.copyToChannel(r.master[1], 1);
    src.loop = true;
    var g = ctx.createGain();
    g.gain.value = Math.pow(10, playedGain(p) / 20);
    src.connect(g);
    g.connect(output);
    src.start();
    return {
      stop: function () {
        src.stop();
      },
    };
  }

  /**
   * The agreement data (ext/labs/kinds/loudness.py, QUANTITIES): x = 1 master loudness,
   * 2 master true peak, 3 platform gain, and, measured again on the master played through a
   * GainNode at the platform's gain in an OfflineAudioContext, 4 loudness and 5 true peak.
   */
  function measure(p) {
    var A = self.CourseAudio;
    var r = chain(p);
    return A.render(r.master[0].length / SR, 2, function (ctx, dest) {
      var src = ctx.createBufferSource();
      src.buffer = A.toBuffer(ctx, r.master);
      var g = ctx.createGain();
      g.gain.value = Math.pow(10, r.platformGain / 20);
      src.connect(g);
      g.connect(dest);
      src.start(0);
    }, SR).then(function (buffer) {
      var played = [buffer.getChannelData(0), buffer.getChannelData(1)];
      return { x: [1, 2, 3, 4, 5],
        y: [r.lufs, r.truePeak, r.platformGain, integratedLufs(played), truePeakDb(played)],
        extra: { input_true_peak: r.inputTruePeak } };
    });
  }

  return {
    SR: SR,
    K_STAGE1: K_STAGE1,
    K_STAGE2: K_STAGE2,
    loop: loop,
    integratedLufs: integratedLufs,
    interpolator: interpolator,
    truePeakDb: truePeakDb,
    limit: limit,
    platformGainDb: platformGainDb,
    targetOf: targetOf,
    gain: gain,
    chain: chain,
    describe: describe,
    lab: { curve: curve, sound: sound, measure: measure, describe: describe },
  };
});
