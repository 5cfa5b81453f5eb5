/*
 * The pan law and mid/side width lab (Module 6): a mono lead panned under a chosen pan law
 * over a wide pad, then the mix's side signal scaled for width. GainNodes carry the pan
 * law's gains (a StereoPannerNode knows only the -3 dB law) and the mid/side matrix.
 *
 * The pure part (the three pan laws, the mid/side matrix, the mono-sum level) is the same
 * as soundlib.effects.pan_gains and effects.width; tests/js/lab-pan-width.test.js checks
 * it against numbers from Python. Classic script, UMD (window.CourseLabPanWidth / Node).
 */
(function (root, factory) {
  "use strict";
  var api = factory();
  if (typeof module === "object" && module.exports) {
    module.exports = api;
  } else {
    root.CourseLabPanWidth = api;
    if (root.CourseLabs && api.lab) {
      root.CourseLabs.register("pan-width", api.lab);
    }
  }
})(typeof self !== "undefined" ? self : this, function () {
  "use strict";

  /** "-4.5 dB" or "\u22124.5 dB" (a pan-law choice) -> -4.5; anything else -> -3. */
  function lawDb(law) {
    var v = parseFloat(String(law).replace(/\u2212/g, "-"));
    return v === -4.5 || v === -6 ? v : -3;
  }

  /**
   * Left and right gains of a mono source at position p (-1 left .. +1 right) under a pan law
   * named by its center attenuation: -3 (cos/sin, constant power), -6 (linear, constant
   * mono sum) or -4.5 (the geometric mean of the two).
   */
  function panGains(p, law) {
    var x = Math.min(1, Math.max(-1, p));
    var theta = (x + 1) * Math.PI / 4;
    var cpL = Math.cos(theta), cpR = Math.sin(theta);
    var linL = (1 - x) / 2, linR = (1 + x) / 2;
    var l = lawDb(law);
    if (l === -6) {
      return { left: linL, right: linR };
    }
    if (l === -4.5) {
      return { left: Math.sqrt(cpL * linL), right: Math.sqrt(cpR * linR) };
    }
    return { left: cpL, right: cpR };
  }

  /**
   * The 2x2 matrix of a width change by mid/side (M = (L+R)/2, S = w (L-R)/2, L' = M + S,
   * R' = M - S): {ll, rl, lr, rr} with L' = ll L + rl R and R' = lr L + rr R. w = 1 leaves
   * the image as it is, 0 folds it to mono, 2 doubles the side.
   */
  function widthMatrix(w) {
    var a = (1 + w) / 2, b = (1 - w) / 2;
    return { ll: a, rl: b, lr: b, rr: a };
  }

  function db(g) {
    return g > 0 ? 20 * Math.log10(g) : -Infinity;
  }

  /**
   * The lab's numbers for settings p {pan (-100..100), law, width (%)}: the lead's gain in
   * each channel after the width matrix (dB), and the level of the lead in the mono sum
   * L + R relative to the lead hard-panned (dB).
   */
  function leadGains(p) {
    var g = panGains(p.pan / 100, p.law);
    var m = widthMatrix(p.width / 100);
    var left = m.ll * g.left + m.rl * g.right;
    var right = m.lr * g.left + m.rr * g.right;
    return { left: left, right: right, leftDb: db(left), rightDb: db(right),
      panLeftDb: db(g.left), panRightDb: db(g.right), monoDb: db(g.left + g.right) };
  }

  /* ---- the lab (ext/static/course-labs.js contract) ------------------------------------ */

  /** The floor for a silent channel (dB): JSON has no -Infinity. */
  var FLOOR_DB = -240;

  function fmt(v) {
    if (v <= -100) {
      return "\u2212\u221e";
    }
    return String(parseFloat(Number(v).toFixed(1))).replace("-", "\u2212");
  }

  function signed(v) {
    return (v > 0 ? "+" : "") + fmt(v);
  }

  function describe(v) {
    var g = leadGains(v);
    var w = v.width / 100;
    var image = w === 0 ? "folded to mono" : w < 1 ? "narrower (side at " + v.width + " %)" :
      w > 1 ? "wider (side at " + v.width + " %)" : "unchanged";
    return "Lead at " + (v.pan === 0 ? "center" : Math.abs(v.pan) + (v.pan < 0 ? " left" : " right")) +
      " under the " + v.law + " law: left " + fmt(g.leftDb) + " dB, right " + fmt(g.rightDb) +
      " dB. In the mono sum L + R the lead is " + signed(g.monoDb) +
      " dB relative to hard-panned. Stereo image " + image + ".";
  }

  function curve(v) {
    var x = [], y = [];
    for (var p = -100; p <= 100; p += 1) {
      x.push(p);
      y.push(leadGains({ pan: p, law: v.law, width: v.width }).leftDb);
    }
    var g = leadGains(v);
    return {
      x: x, y: y, xScale: "linear", xRange: [-100, 100], yRange: [-24, 6],
      xLabel: "Pan position (\u2212100 left, 100 right)", yLabel: "Left-channel gain (dB)",
      marks: [{ x: v.pan, label: "L " + fmt(g.leftDb) + " / R " + fmt(g.rightDb) + " dB" }],
      bars: [{ x: v.pan - 3, y: g.leftDb, kind: "lab-left" },
        { x: v.pan + 3, y: g.rightDb, kind: "lab-right" }],
      summary: "The line is the left channel's gain across the pan range; the two bars at the " +
        "current position are the left (blue) and right (red) gains. " + describe(v),
    };
  }

  /** The lead's path: pan gains into two channels, then the width matrix, into output. */
  function leadPath(ctx, lead, output, v) {
    var g = panGains(v.pan / 100, v.law);
    var gl = ctx.createGain(), gr = ctx.createGain();
    gl.gain.value = g.left;
    gr.gain.value = g.right;
    var merge = ctx.createChannelMerger(2);
    lead.connect(gl);
    lead.connect(gr);
    gl.connect(merge, 0, 0);
    gr.connect(merge, 0, 1);
    var w = widthStage(ctx, merge, output, v);
    return { left: gl, right: gr, merge: merge, width: w };
  }

  /** The mid/side width matrix on a stereo node: four GainNodes. */
  function widthStage(ctx, input, output, v) {
    var m = widthMatrix(v.width / 100);
    var split = ctx.createChannelSplitter(2);
    var out = ctx.createChannelMerger(2);
    var gains = {};
    ["ll", "rl", "lr", "rr"].forEach(function (k) {
      gains[k] = ctx.createGain();
      gains[k].gain.value = m[k];
    });
    input.connect(split);
    split.connect(gains.ll, 0);
    split.connect(gains.rl, 1);
    split.connect(gains.lr, 0);
    split.connect(gains.rr, 1);
    gains.ll.connect(out, 0, 0);
    gains.rl.connect(out, 0, 0);
    gains.lr.connect(out, 0, 1);
    gains.rr.connect(out, 0, 1);
    out.connect(output);
    return gains;
  }

  function sound(ctx, output, v) {
    var A = self.CourseAudio;
    var fs = ctx.sampleRate, n = fs * 2;
    var lead = A.pinkNoise(n, 21);
    for (var i = 0; i < n; i++) {
      if ((i / fs) % 0.5 >= 0.25) {
        lead[i] = 0;
      }
    }
    A.scaleToRms(lead, -24);
    var lp = A.biquadCoefficients("lowpass", 2000, 0, 0, fs);
    var padL = A.scaleToRms(A.filter(lp, A.pinkNoise(n, 22)), -30);
    var padR = A.scaleToRms(A.filter(lp, A.pinkNoise(n, 23)), -30);
    var leadSrc = ctx.createBufferSource();
    leadSrc.buffer = A.toBuffer(ctx, lead);
    var padSrc = ctx.createBufferSource();
    padSrc.buffer = A.toBuffer(ctx, [padL, padR]);
    leadSrc.loop = padSrc.loop = true;
    var mix = ctx.createGain();
    mix.channelCountMode = "explicit";
    mix.channelCount = 2;
    var path = leadPath(ctx, leadSrc, mix, { pan: v.pan, law: v.law, width: 100 });
    padSrc.connect(mix);
    var width = widthStage(ctx, mix, output, v);
    var t = ctx.currentTime + 0.02;
    leadSrc.start(t);
    padSrc.start(t);
    return {
      update: function (w) {
        var now = ctx.currentTime, g = panGains(w.pan / 100, w.law), m = widthMatrix(w.width / 100);
        path.left.gain.setTargetAtTime(g.left, now, 0.01);
        path.right.gain.setTargetAtTime(g.right, now, 0.01);
        Object.keys(width).forEach(function (k) {
          width[k].gain.setTargetAtTime(m[k], now, 0.01);
        });
      },
      stop: function () {
        leadSrc.stop();
        padSrc.stop();
      },
    };
  }

  function toDb(g) {
    return g > 0 ? Math.max(FLOOR_DB, 20 * Math.log10(g)) : FLOOR_DB;
  }

  /**
   * The agreement data: a constant 1 through the lead's path (pan gains, then width) at pan
   * positions -100 .. 100 in steps of 10, rendered offline in two channels; y = the left
   * channel's gain (dB), extra.right = the right channel's.
   */
  function measure(v) {
    var A = self.CourseAudio;
    var xs = [];
    for (var p = -100; p <= 100; p += 10) {
      xs.push(p);
    }
    return Promise.all(xs.map(function (pos) {
      return A.render(256 / A.SAMPLE_RATE, 2, function (ctx, dest) {
        var src = ctx.createConstantSource();
        src.offset.value = 1;
        leadPath(ctx, src, dest, { pan: pos, law: v.law, width: v.width });
        src.start(0);
      });
    })).then(function (buffers) {
      return {
        x: xs,
        y: buffers.map(function (b) { return toDb(Math.abs(b.getChannelData(0)[128])); }),
        extra: { x: xs, right: buffers.map(function (b) { return toDb(Math.abs(b.getChannelData(1)[128])); }) },
      };
    });
  }

  return {
    lawDb: lawDb, panGains: panGains, widthMatrix: widthMatrix, leadGains: leadGains,
    describe: describe,
    lab: { curve: curve, sound: sound, measure: measure, describe: describe },
  };
});
