/*
 * gym/space.js: the drills of space and time, generated live from a seed: "pan" (where is
 * the sound?), "width" (how wide is the stereo image?) and "delay" (how long is the echo?).
 * Pink noise through the Web Audio API's StereoPannerNode (the equal-power law), GainNodes
 * and a ChannelMergerNode (mid/side width), and a DelayNode (the echo). Every stimulus is
 * loudness-matched to the reference level (CourseAudio.matchRms over both channels).
 * UMD: window.CourseGymSpace in a browser; require() in Node.
 */
(function (root, factory) {
  "use strict";
  var api = factory(root);
  if (typeof module === "object" && module.exports) {
    module.exports = api;
  } else {
    root.CourseGymSpace = api;
    if (root.CourseGym) {
      root.CourseGym.define("pan", api.pan);
      root.CourseGym.define("width", api.width);
      root.CourseGym.define("delay", api.delay);
    }
  }
})(typeof self !== "undefined" ? self : this, function (root) {
  "use strict";

  function lib(name, file) {
    return root[name] || (typeof require === "function" ? require(file) : null);
  }

  var REF_DB = -23;
  var SR = 48000;

  function matched(promise) {
    return promise.then(function (buf) {
      lib("CourseAudio", "../course-audio.js").matchRms([buf], REF_DB);
      return buf;
    });
  }

  function choices(values, label) {
    return values.map(function (v, i) {
      return { value: i, label: label(v), key: String(i + 1) };
    });
  }

  /** Credit by distance on a scale: the right value 1, each `step` away costs half. */
  function distanceCredit(truth, answer, step) {
    return Math.max(0, 1 - Math.abs(truth - answer) / (2 * step));
  }

  /* ---- pan ----------------------------------------------------------------------------- */

  function panName(p) {
    if (p === 0) { return "center"; }
    return Math.round(Math.abs(p) * 100) + " % " + (p < 0 ? "left" : "right");
  }

  /** Noise (mono) through a StereoPannerNode at p; resolves to a stereo AudioBuffer. */
  function panned(noise, p) {
    var A = lib("CourseAudio", "../course-audio.js");
    return A.render(noise.length / SR, 2, function (ctx, dest) {
      var src = ctx.createBufferSource();
      src.buffer = A.toBuffer(ctx, noise);
      var pan = ctx.createStereoPanner();
      pan.pan.value = p;
      src.connect(pan);
      pan.connect(dest);
      src.start(0);
    });
  }

  /** For the agreement test: {noise, left, right} of noise panned to p. */
  function panStimulus(p, seconds, seed) {
    var A = lib("CourseAudio", "../course-audio.js");
    var noise = A.pinkNoise(Math.round((seconds || 1) * SR), seed || 1);
    return panned(noise, p).then(function (b) {
      return { noise: noise, left: b.getChannelData(0), right: b.getChannelData(1) };
    });
  }

  function ladder(n) {
    var out = [];
    for (var i = 0; i < n; i++) { out.push(Math.round((-1 + 2 * i / (n - 1)) * 1000) / 1000); }
    return out;
  }

  var pan = {
    spatial: true,
    levels: [
      { label: "left, center or right", trials: 10, positions: ladder(3) },
      { label: "five positions", trials: 12, positions: ladder(5) },
      { label: "seven positions", trials: 14, positions: ladder(7) },
      { label: "nine positions", trials: 16, positions: ladder(9) },
    ],
    sounds: function () {
      return [{ id: "center", label: "A: center reference", key: "a" },
        { id: "test", label: "B: the sound to place", key: "b" }];
    },
    trial: function (rng, lv) {
      var i = rng.int(lv.positions.length);
      return { index: i, position: lv.positions[i], noiseSeed: 1 + rng.int(1e9),
        answer: { position: i } };
    },
    controls: function (lv) {
      return [{ name: "position", label: "Position", type: "choice",
        options: choices(lv.positions, panName) }];
    },
    render: function (trial, sid) {
      var A = lib("CourseAudio", "../course-audio.js");
      var noise = A.fadeEdges(A.pinkNoise(2 * SR, trial.noiseSeed), 0.02);
      return matched(panned(noise, sid === "center" ? 0 : trial.position));
    },
    score: function (trial, answer) {
      return distanceCredit(trial.index, answer.position, 1);
    },
    explain: function (trial, answer, lv) {
      var A = lib("CourseAudio", "../course-audio.js");
      var g = A.panGains(trial.position);
      var diff = Math.abs(A.gainToDb(g.left) - A.gainToDb(g.right));
      var side = trial.position < 0 ? "left" : "right";
      var right = "It was " + panName(trial.position) + (trial.position === 0 ?
        ": both channels equal, each 3 dB down (equal-power law)." : isFinite(diff) ?
        ": the " + side + " channel " + diff.toFixed(1) + " dB louder than the other." :
        ": only the " + side + " channel plays.");
      return answer.position === trial.index ? right :
        right + " You chose " + panName(lv.positions[answer.position]) + ".";
    },
    panStimulus: panStimulus,
  };

  /* ---- width --------------------------------------------------------------------------- */

  function widthName(w) {
    return w === 0 ? "mono (0 %)" : Math.round(w * 100) + " %";
  }

  /** Correlation of left and right for mid and side of equal power at width w. */
  function correlation(w) {
    return (1 - w * w) / (1 + w * w);
  }

  var width = {
    spatial: true,
    levels: [
      { label: "mono or full width", trials: 10, widths: [0, 1] },
      { label: "mono, half or full width", trials: 12, widths: [0, 0.5, 1] },
      { label: "five widths", trials: 14, widths: [0, 0.25, 0.5, 0.75, 1] },
    ],
    sounds: function () {
      return [{ id: "test", label: "A: the sound", key: "a" }];
    },
    trial: function (rng, lv) {
      var i = rng.int(lv.widths.length);
      return { index: i, width: lv.widths[i], midSeed: 1 + rng.int(1e9),
        sideSeed: 1 + rng.int(1e9), answer: { width: i } };
    },
    controls: function (lv) {
      return [{ name: "width", label: "Width", type: "choice",
        options: choices(lv.widths, widthName) }];
    },
    render: function (trial) {
      var A = lib("CourseAudio", "../course-audio.js");
      var mid = A.fadeEdges(A.pinkNoise(2 * SR, trial.midSeed), 0.02);
      var side = A.fadeEdges(A.pinkNoise(2 * SR, trial.sideSeed), 0.02);
      return matched(A.render(2, 2, function (ctx, dest) {
        var m = ctx.createBufferSource();
        m.buffer = A.toBuffer(ctx, mid);
        var s = ctx.createBufferSource();
        s.buffer = A.toBuffer(ctx, side);
        var merge = ctx.createChannelMerger(2);
        var plus = ctx.createGain();
        plus.gain.value = trial.width;
        var minus = ctx.createGain();
        minus.gain.value = -trial.width;
        m.connect(merge, 0, 0);
        m.connect(merge, 0, 1);
        s.connect(plus);
        s.connect(minus);
        plus.connect(merge, 0, 0);
        minus.connect(merge, 0, 1);
        merge.connect(dest);
        m.start(0);
        s.start(0);
      }));
    },
    score: function (trial, answer) {
      return distanceCredit(trial.index, answer.width, 1);
    },
    explain: function (trial, answer, lv) {
      var w = trial.width;
      var right = "It was " + widthName(w) + ": the side signal " + (w === 0 ? "silent" :
        (w === 1 ? "as loud as the mid" : (-20 * Math.log10(w)).toFixed(1) +
        " dB below the mid")) + ", left and right correlated " + correlation(w).toFixed(2) +
        ".";
      return answer.width === trial.index ? right :
        right + " You chose " + widthName(lv.widths[answer.width]) + ".";
    },
  };

  /* ---- delay --------------------------------------------------------------------------- */

  function delayName(ms) {
    return ms + " ms";
  }

  /** What a listener hears at this delay time (the lesson "Creating space", m06-space). */
  function delayMeaning(ms) {
    if (ms < 40) {
      return "below roughly 30 to 40 ms a repeat stops sounding like an echo and colors the " +
        "tone instead";
    }
    if (ms < 150) {
      return "a single short repeat in slapback territory (slapback is typically set around " +
        "100 ms)";
    }
    return "a distinct echo; as a quarter note it fits " + Math.round(60000 / ms) +
      " BPM (60,000 \u00f7 " + ms + ")";
  }

  var delay = {
    levels: [
      { label: "100, 200, 400 or 800 ms", trials: 10, times: [100, 200, 400, 800] },
      { label: "six times from 80 to 480 ms", trials: 12,
        times: [80, 120, 160, 240, 320, 480] },
      { label: "short delays from 20 to 150 ms", trials: 14,
        times: [20, 40, 60, 80, 100, 150] },
    ],
    sounds: function () {
      return [{ id: "dry", label: "A: dry hit", key: "a" },
        { id: "echo", label: "B: with the echo", key: "b" }];
    },
    trial: function (rng, lv) {
      var i = rng.int(lv.times.length);
      return { index: i, ms: lv.times[i], noiseSeed: 1 + rng.int(1e9), answer: { time: i } };
    },
    controls: function (lv) {
      return [{ name: "time", label: "Echo time", type: "choice",
        options: choices(lv.times, delayName) }];
    },
    render: function (trial, sid) {
      var A = lib("CourseAudio", "../course-audio.js");
      var hit = A.pinkNoise(Math.round(0.03 * SR), trial.noiseSeed);
      for (var i = 0; i < hit.length; i++) { hit[i] *= Math.exp(-i / (0.006 * SR)); }
      var seconds = 2;
      var src = new Float32Array(seconds * SR);
      src.set(hit, Math.round(0.05 * SR));
      return matched(A.render(seconds, 1, function (ctx, dest) {
        var s = ctx.createBufferSource();
        s.buffer = A.toBuffer(ctx, src);
        s.connect(dest);
        if (sid === "echo") {
          var d = ctx.createDelay(1);
          d.delayTime.value = trial.ms / 1000;
          var g = ctx.createGain();
          g.gain.value = 0.5;
          s.connect(d);
          d.connect(g);
          g.connect(dest);
        }
        s.start(0);
      }));
    },
    score: function (trial, answer, lv) {
      var ratio = Math.abs(Math.log2(lv.times[answer.time] / trial.ms));
      return Math.max(0, 1 - ratio);
    },
    explain: function (trial, answer, lv) {
      var right = "The echo came " + trial.ms + " ms after the hit: " + delayMeaning(trial.ms) +
        ".";
      return answer.time === trial.index ? right :
        right + " You chose " + lv.times[answer.time] + " ms.";
    },
  };

  return { pan: pan, width: width, delay: delay, panStimulus: panStimulus,
    correlation: correlation, distanceCredit: distanceCredit };
});
