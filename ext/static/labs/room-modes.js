/*
 * The room modes lab (ext/labs/kinds/room_modes.py): the modes of a rectangular room below
 * 300 Hz, f = (c/2) sqrt((nx/L)^2 + (ny/W)^2 + (nz/H)^2) with c = 343 m/s, and the chosen
 * mode played as a sine (an OscillatorNode). The math is exported for node --test.
 */
(function (root, factory) {
  "use strict";
  var api = factory(root.CourseAudio || (typeof require === "function" ? require("../course-audio.js") : null));
  if (typeof module === "object" && module.exports) {
    module.exports = api;
  } else {
    root.CourseLabs.register("room-modes", api.lab);
  }
})(typeof self !== "undefined" ? self : this, function (A) {
  "use strict";

  var C = 343; /* m/s, air at 20 degrees C (soundlib.acoustics.SPEED_OF_SOUND) */
  var FMAX = 300;
  var KINDS = ["oblique", "tangential", "axial"]; /* by the number of zero indices */
  var HEIGHT = { axial: 1, tangential: 0.7, oblique: 0.45 };

  function modeFrequency(nx, ny, nz, L, W, H) {
    return C / 2 * Math.sqrt(Math.pow(nx / L, 2) + Math.pow(ny / W, 2) + Math.pow(nz / H, 2));
  }

  /** Every mode up to fmax, sorted by frequency then order: [{f, order, kind}]. */
  function modes(L, W, H, fmax) {
    var top = Math.floor(2 * fmax * Math.max(L, W, H) / C);
    var out = [];
    for (var nx = 0; nx <= top; nx++) {
      for (var ny = 0; ny <= top; ny++) {
        for (var nz = 0; nz <= top; nz++) {
          if (nx + ny + nz === 0) {
            continue;
          }
          var f = modeFrequency(nx, ny, nz, L, W, H);
          if (f <= fmax) {
            var zeros = (nx === 0) + (ny === 0) + (nz === 0);
            out.push({ f: f, order: [nx, ny, nz], kind: KINDS[zeros] });
          }
        }
      }
    }
    out.sort(function (a, b) {
      return a.f - b.f || a.order[0] - b.order[0] || a.order[1] - b.order[1] || a.order[2] - b.order[2];
    });
    return out;
  }

  function listOf(v) {
    return modes(v.length, v.width, v.height, FMAX);
  }

  function chosen(v, list) {
    var all = list || listOf(v);
    return all[Math.min(Math.max(1, Math.round(v.mode)), all.length) - 1];
  }

  /** Pairs of axial modes closer than 2 % in frequency: where a room booms. */
  function coincidences(list) {
    var axial = list.filter(function (m) { return m.kind === "axial"; });
    var out = [];
    for (var i = 1; i < axial.length; i++) {
      if (axial[i].f - axial[i - 1].f <= 0.02 * axial[i].f) {
        out.push([axial[i - 1], axial[i]]);
      }
    }
    return out;
  }

  function fmt(f) {
    return f.toFixed(1) + " Hz";
  }

  function describe(v) {
    var list = listOf(v);
    var m = chosen(v, list);
    var axial = list.filter(function (x) { return x.kind === "axial"; });
    var below100 = axial.filter(function (x) { return x.f <= 100; });
    var same = coincidences(list);
    var text = "Playing mode " + Math.min(v.mode, list.length) + ": " + fmt(m.f) + ", " + m.kind +
      " (" + m.order.join(", ") + "). " + list.length + " modes below 300 Hz, " + axial.length +
      " of them axial; " + below100.length + " axial modes below 100 Hz.";
    if (same.length) {
      text += " Axial modes that coincide: " + same.slice(0, 3).map(function (p) {
        return fmt(p[1].f) + " (" + p[0].order.join("") + " and " + p[1].order.join("") + ")";
      }).join(", ") + ".";
    }
    return text;
  }

  function curve(v) {
    var list = listOf(v);
    var m = chosen(v, list);
    return {
      x: [], y: [], xScale: "linear", xRange: [0, FMAX], yRange: [0, 1.2], yTicks: [],
      xLabel: "Mode frequency (Hz)", yLabel: "Tall: axial, short: oblique",
      bars: list.map(function (x) {
        return { x: x.f, y: HEIGHT[x.kind], kind: x.kind + (x === m ? " chosen" : "") };
      }),
      marks: [{ x: m.f, label: fmt(m.f) }],
      summary: "Room modes below 300 Hz of a " + v.length + " \u00d7 " + v.width + " \u00d7 " +
        v.height + " m room. " + describe(v),
    };
  }

  function sound(ctx, output, v) {
    var osc = ctx.createOscillator();
    var gain = ctx.createGain();
    osc.frequency.value = chosen(v).f;
    gain.gain.value = 0.5;
    osc.connect(gain);
    gain.connect(output);
    osc.start();
    return {
      update: function (w) {
        osc.frequency.setTargetAtTime(chosen(w).f, ctx.currentTime, 0.02);
      },
      stop: function () {
        osc.stop();
      },
    };
  }

  /** Frequency of a sine from its rising zero crossings (interpolated between samples). */
  function toneFrequency(data, sampleRate) {
    var first = -1, last = -1, count = 0;
    for (var i = 1; i < data.length; i++) {
      if (data[i - 1] < 0 && data[i] >= 0) {
        var t = (i - 1 + data[i - 1] / (data[i - 1] - data[i])) / sampleRate;
        if (first < 0) {
          first = t;
        }
        last = t;
        count++;
      }
    }
    return count > 1 ? (count - 1) / (last - first) : 0;
  }

  function measure(v) {
    var list = listOf(v);
    return A.render(2, 1, function (ctx, dest) {
      sound(ctx, dest, v);
    }).then(function (buffer) {
      return {
        x: list.map(function (m, i) { return i + 1; }),
        y: list.map(function (m) { return m.f; }),
        extra: { tone_hz: toneFrequency(buffer.getChannelData(0), buffer.sampleRate) },
      };
    });
  }

  return {
    modeFrequency: modeFrequency,
    modes: modes,
    coincidences: coincidences,
    toneFrequency: toneFrequency,
    describe: describe,
    lab: { curve: curve, sound: sound, measure: measure, describe: describe },
  };
});
