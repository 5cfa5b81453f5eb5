/*
 * course-labs.js: the live labs' framework (ext/labs/). A lab's root element carries
 * data-lab="<kind>" and data-lab-params (the parameters as JSON, from the kind's Python
 * module: the one source of the defaults). This file builds, for every root whose kind is
 * registered:
 *  - the "Predict, then listen" step: a Reveal button under the question; the controls and
 *    the curve appear once the learner has committed to a prediction;
 *  - one labelled control per parameter: a range slider plus a text field with the value and
 *    its unit (typed values are clamped to the range and the step, and the clamped value is
 *    shown: never NaN), or a <select> for choices; Reset restores the defaults;
 *  - Play/Stop: sound only from that button (a user gesture), through CourseAudio.output();
 *  - the live curve (SVG, redrawn on every change, no animation) with a text alternative,
 *    and an aria-live status line.
 *
 * A kind's script (ext/static/labs/<kind>.js) calls CourseLabs.register(kind, lab) with
 *   curve(values)          -> {x, y, xScale, xRange, yRange, yTicks?, xLabel, yLabel, marks,
 *                              bars, summary}: what to draw and its text alternative (pure)
 *   sound(ctx, out, values) -> {update(values)?, stop()?}: build and start the sound in ctx
 *                              (an AudioContext or an OfflineAudioContext), into node out
 *   measure(values)        -> Promise<{x, y, extra?}>: the default setting rendered in an
 *                              OfflineAudioContext, compared by the agreement tests with
 *                              the kind's Python reference (tests/labs/)
 *   describe(values)       -> string for the aria-live region (optional: curve().summary)
 *
 * A classic script with the UMD pattern of course-audio.js: Node's require() gets the pure
 * helpers (clamping, formatting, slider scales, ticks, responses) for node --test.
 */
(function (root, factory) {
  "use strict";
  var api = factory(root.CourseAudio || (typeof require === "function" ? require("./course-audio.js") : null));
  if (typeof module === "object" && module.exports) {
    module.exports = api;
  } else {
    root.CourseLabs = api;
  }
})(typeof self !== "undefined" ? self : this, function (A) {
  "use strict";

  var SLIDER_STEPS = 400; /* positions of a log-scale slider */
  var SVGNS = "http://www.w3.org/2000/svg";
  var registry = {};

  /* ---- pure helpers (tested in tests/js/course-labs.test.js) ---------------------------- */

  /** The parameters from the data-lab-params JSON text; throws on a malformed list. */
  function parseParams(text) {
    var list = JSON.parse(text);
    if (!Array.isArray(list) || !list.length) {
      throw new Error("data-lab-params must be a non-empty list");
    }
    list.forEach(function (p) {
      if (!p || typeof p.name !== "string" || !("default" in p)) {
        throw new Error("a lab parameter needs a name and a default");
      }
    });
    return list;
  }

  function defaults(params) {
    var out = {};
    params.forEach(function (p) {
      out[p.name] = p["default"];
    });
    return out;
  }

  /**
   * The value a control shows for a typed raw value: a number clamped to [min, max] and
   * rounded to the step grid from min; anything not a finite number gives fallback (the
   * current value) or the default. A choice keeps raw if it is one of the choices. The same
   * rule as labs.spec.clamp in Python.
   */
  function clampValue(p, raw, fallback) {
    if (p.choices) {
      return p.choices.indexOf(raw) >= 0 ? raw : (fallback !== undefined ? fallback : p["default"]);
    }
    var v = typeof raw === "number" ? raw : parseFloat(String(raw).trim().replace("\u2212", "-"));
    if (!isFinite(v)) {
      return fallback !== undefined && isFinite(fallback) ? fallback : p["default"];
    }
    v = Math.min(p.max, Math.max(p.min, v));
    var steps = Math.round((v - p.min) / p.step);
    v = Math.min(p.max, p.min + steps * p.step);
    return parseFloat(v.toPrecision(10));
  }

  /** "1 ms", "0.5", "sawtooth": a value with its unit, a real minus sign for negatives. */
  function formatValue(p, v) {
    if (p.choices) {
      return String(v);
    }
    var text = String(parseFloat(Number(v).toPrecision(6))).replace("-", "\u2212");
    return p.unit ? text + " " + p.unit : text;
  }

  /** The number shown in the text field (no unit, ASCII minus: it can be typed back). */
  function fieldText(p, v) {
    return String(parseFloat(Number(v).toPrecision(6)));
  }

  /** Slider position (0..SLIDER_STEPS for a log scale; the value itself for linear). */
  function toSlider(p, v) {
    if (p.scale !== "log") {
      return v;
    }
    return Math.round(SLIDER_STEPS * Math.log(v / p.min) / Math.log(p.max / p.min));
  }

  function fromSlider(p, pos) {
    if (p.scale !== "log") {
      return Number(pos);
    }
    return p.min * Math.pow(p.max / p.min, Number(pos) / SLIDER_STEPS);
  }

  /**
   * The value for a slider moved to pos from current: clamped to the step grid; when the
   * grid rounds a small move back to the current value (a log slider's fine positions), one
   * step in the direction of the move.
   */
  function sliderValue(p, pos, current) {
    var v = clampValue(p, fromSlider(p, pos), current);
    var was = toSlider(p, current);
    if (v === current && Number(pos) !== was) {
      v = clampValue(p, current + (Number(pos) > was ? p.step : -p.step), current);
    }
    return v;
  }

  /** Tick values for an axis from lo to hi (log: 1-2-5 per decade). */
  function ticks(lo, hi, log) {
    var out = [];
    if (log) {
      for (var d = Math.pow(10, Math.floor(Math.log10(lo))); d <= hi; d *= 10) {
        [1, 2, 5].forEach(function (m) {
          var t = d * m;
          if (t >= lo * 0.999 && t <= hi * 1.001) {
            out.push(parseFloat(t.toPrecision(6)));
          }
        });
      }
      return out;
    }
    var span = hi - lo;
    var raw = span / 6;
    var mag = Math.pow(10, Math.floor(Math.log10(raw)));
    var step = [1, 2, 5, 10].map(function (m) { return m * mag; })
      .filter(function (s) { return s >= raw; })[0];
    for (var t = Math.ceil(lo / step) * step; t <= hi + step * 1e-9; t += step) {
      out.push(parseFloat(t.toPrecision(6)));
    }
    return out;
  }

  /** "20", "500", "2k": a tick label (frequencies read better in k). */
  function tickLabel(t) {
    var a = Math.abs(t);
    var text = a >= 1000 ? parseFloat((t / 1000).toPrecision(4)) + "k" : String(t);
    return text.replace("-", "\u2212");
  }

  /**
   * Magnitude in dB of an impulse response h at each frequency (Hz): a direct DFT, the same
   * as the Python kinds' response_db. Values are floored at -240 dB (never -Infinity).
   */
  function responseDb(h, freqs, sampleRate) {
    var fs = sampleRate || A.SAMPLE_RATE;
    return freqs.map(function (f) {
      var w = 2 * Math.PI * f / fs, re = 0, im = 0;
      for (var n = 0; n < h.length; n++) {
        re += h[n] * Math.cos(w * n);
        im -= h[n] * Math.sin(w * n);
      }
      return 10 * Math.log10(Math.max(re * re + im * im, 1e-24));
    });
  }

  /** Statistics of rendered channel data: finite, RMS and peak in dBFS. */
  function stats(data) {
    var finite = true, sum = 0, peak = 0;
    for (var i = 0; i < data.length; i++) {
      var v = data[i];
      if (!isFinite(v)) {
        finite = false;
        continue;
      }
      sum += v * v;
      peak = Math.max(peak, Math.abs(v));
    }
    return { finite: finite, rmsDb: A.gainToDb(Math.sqrt(sum / Math.max(1, data.length))),
             peakDb: A.gainToDb(peak), length: data.length };
  }

  /* ---- offline rendering --------------------------------------------------------------- */

  /**
   * The impulse response of a graph: build(ctx, input, output) connects the lab's processing
   * between input (a one-sample impulse) and output. Resolves to a Float32Array of the given
   * length in seconds.
   */
  function impulseResponse(build, seconds) {
    return A.render(seconds, 1, function (ctx, dest) {
      var buf = ctx.createBuffer(1, 1, ctx.sampleRate);
      buf.getChannelData(0)[0] = 1;
      var src = ctx.createBufferSource();
      src.buffer = buf;
      build(ctx, src, dest);
      src.start(0);
    }).then(function (buffer) {
      return buffer.getChannelData(0);
    });
  }

  /** The sound of kind at values rendered offline (seconds long): its statistics. */
  function renderSound(kind, values, seconds) {
    var lab = registry[kind];
    return A.render(seconds || 1, 1, function (ctx, dest) {
      lab.sound(ctx, dest, values);
    }).then(function (buffer) {
      return stats(buffer.getChannelData(0));
    });
  }

  /* ---- the page ------------------------------------------------------------------------- */

  var instances = [];
  var counter = 0;

  function el(tag, attrs, text) {
    var node = document.createElement(tag);
    Object.keys(attrs || {}).forEach(function (k) {
      node.setAttribute(k, attrs[k]);
    });
    if (text !== undefined) {
      node.textContent = text;
    }
    return node;
  }

  function svgEl(tag, attrs) {
    var node = document.createElementNS(SVGNS, tag);
    Object.keys(attrs || {}).forEach(function (k) {
      node.setAttribute(k, attrs[k]);
    });
    return node;
  }

  /** Draw curve c into svg (cleared first); returns nothing. No animation. */
  function drawCurve(svg, c) {
    while (svg.firstChild) {
      svg.removeChild(svg.firstChild);
    }
    var W = 640, H = 260, L = 52, R = 12, T = 12, B = 40;
    var log = c.xScale === "log";
    var x0 = c.xRange[0], x1 = c.xRange[1], y0 = c.yRange[0], y1 = c.yRange[1];
    var fx = function (x) {
      var u = log ? Math.log(x / x0) / Math.log(x1 / x0) : (x - x0) / (x1 - x0);
      return L + Math.min(1, Math.max(0, u)) * (W - L - R);
    };
    var fy = function (y) {
      var u = (y - y0) / (y1 - y0);
      return T + (1 - Math.min(1, Math.max(0, u))) * (H - T - B);
    };
    var grid = svgEl("g", { "class": "lab-grid" });
    ticks(x0, x1, log).forEach(function (t) {
      grid.appendChild(svgEl("line", { x1: fx(t), x2: fx(t), y1: T, y2: H - B }));
      var label = svgEl("text", { x: fx(t), y: H - B + 14, "text-anchor": "middle" });
      label.textContent = tickLabel(t);
      grid.appendChild(label);
    });
    (c.yTicks || ticks(y0, y1, false)).forEach(function (t) {
      grid.appendChild(svgEl("line", { x1: L, x2: W - R, y1: fy(t), y2: fy(t) }));
      var label = svgEl("text", { x: L - 6, y: fy(t) + 4, "text-anchor": "end" });
      label.textContent = tickLabel(t);
      grid.appendChild(label);
    });
    var xl = svgEl("text", { x: (L + W - R) / 2, y: H - 6, "text-anchor": "middle" });
    xl.textContent = c.xLabel || "";
    grid.appendChild(xl);
    var yl = svgEl("text", { x: 12, y: (T + H - B) / 2, "text-anchor": "middle",
                             transform: "rotate(-90 12 " + (T + H - B) / 2 + ")" });
    yl.textContent = c.yLabel || "";
    grid.appendChild(yl);
    svg.appendChild(grid);
    (c.bars || []).forEach(function (b) {
      svg.appendChild(svgEl("line", { x1: fx(b.x), x2: fx(b.x), y1: fy(y0), y2: fy(b.y),
                                      "class": "lab-bar " + (b.kind || "") }));
    });
    (c.marks || []).forEach(function (m) {
      svg.appendChild(svgEl("line", { x1: fx(m.x), x2: fx(m.x), y1: T, y2: H - B,
                                      "class": "lab-mark" }));
      if (m.label) {
        var t = svgEl("text", { x: fx(m.x) + 4, y: T + 12, "class": "lab-mark-label" });
        t.textContent = m.label;
        svg.appendChild(t);
      }
    });
    if (c.x && c.x.length) {
      var d = c.x.map(function (x, i) {
        return (i ? "L" : "M") + fx(x).toFixed(1) + " " + fy(c.y[i]).toFixed(1);
      }).join("");
      svg.appendChild(svgEl("path", { d: d, "class": "lab-line" }));
    }
  }

  function Instance(root, lab) {
    var self = this;
    var kind = root.getAttribute("data-lab");
    var uid = "lab" + (++counter) + "-" + (root.getAttribute("data-lab-id") || kind);
    this.root = root;
    this.lab = lab;
    this.kind = kind;
    this.params = parseParams(root.getAttribute("data-lab-params"));
    this.values = defaults(this.params);
    this.controls = {};
    this.playing = null;

    var question = root.querySelector(".course-lab-question") || root;
    var reveal = el("button", { type: "button", "class": "course-lab-reveal" },
                    "I have my prediction: reveal and listen");
    question.appendChild(reveal);

    var panel = el("div", { "class": "course-lab-panel", hidden: "hidden" });
    var fields = el("fieldset", { "class": "course-lab-controls" });
    fields.appendChild(el("legend", {}, "Settings"));
    this.params.forEach(function (p) {
      fields.appendChild(self.control(p, uid));
    });
    panel.appendChild(fields);

    var buttons = el("div", { "class": "course-lab-buttons" });
    this.playButton = el("button", { type: "button", "class": "course-lab-play",
                                     "aria-pressed": "false" }, "Play");
    var reset = el("button", { type: "button", "class": "course-lab-reset" }, "Reset");
    buttons.appendChild(this.playButton);
    buttons.appendChild(reset);
    panel.appendChild(buttons);
    if (!A.supported()) {
      this.playButton.disabled = true;
      buttons.appendChild(el("p", {}, "This browser cannot play the lab's sound (no Web Audio API)."));
    }

    var figure = el("figure", { "class": "course-lab-curve" });
    this.svg = svgEl("svg", { viewBox: "0 0 640 260", role: "img",
                              "aria-labelledby": uid + "-summary", focusable: "false" });
    figure.appendChild(this.svg);
    this.summary = el("figcaption", { id: uid + "-summary", "class": "course-lab-summary" });
    figure.appendChild(this.summary);
    panel.appendChild(figure);
    /* What changed: a visible note (a clamped value), and the live region that reads the
     * note and the new state to screen readers (visually hidden: the caption shows it). */
    this.note = el("p", { "class": "course-lab-note" });
    panel.appendChild(this.note);
    this.status = el("p", { "class": "course-lab-status course-lab-sr", "aria-live": "polite" });
    panel.appendChild(this.status);

    var fallback = root.querySelector(".course-lab-fallback");
    root.insertBefore(panel, fallback);
    root.classList.add("course-lab-live");

    reveal.addEventListener("click", function () {
      panel.removeAttribute("hidden");
      reveal.setAttribute("hidden", "hidden");
      root.classList.add("course-lab-revealed");
      self.redraw(true);
      var first = panel.querySelector("input, select");
      if (first) {
        first.focus();
      }
    });
    this.playButton.addEventListener("click", function () {
      if (self.playing) {
        self.stop();
      } else {
        self.play();
      }
    });
    reset.addEventListener("click", function () {
      self.params.forEach(function (p) {
        self.set(p, p["default"]);
      });
      self.changed("Reset to the default setting. ");
    });
    /* The curve is drawn at Reveal: nothing is computed while the page loads. */
  }

  Instance.prototype.control = function (p, uid) {
    var self = this;
    var id = uid + "-" + p.name;
    var box = el("div", { "class": "course-lab-control" });
    var label = el("label", { "for": id }, p.label);
    box.appendChild(label);
    var c = {};
    if (p.choices) {
      c.select = el("select", { id: id });
      p.choices.forEach(function (choice) {
        c.select.appendChild(el("option", { value: choice }, choice));
      });
      c.select.value = this.values[p.name];
      c.select.addEventListener("change", function () {
        self.set(p, clampValue(p, c.select.value, self.values[p.name]));
        self.changed("");
      });
      box.appendChild(c.select);
    } else {
      var log = p.scale === "log";
      c.range = el("input", { type: "range", id: id, min: log ? 0 : p.min,
                              max: log ? SLIDER_STEPS : p.max, step: log ? 1 : p.step });
      c.field = el("input", { type: "text", inputmode: "decimal", id: id + "-value",
                              "class": "course-lab-value", size: "7", autocomplete: "off",
                              "aria-label": p.label + (p.unit ? " in " + p.unit : "") });
      c.range.addEventListener("input", function () {
        self.set(p, sliderValue(p, c.range.value, self.values[p.name]));
        self.changed("");
      });
      var commit = function () {
        var typed = c.field.value;
        var v = clampValue(p, typed, self.values[p.name]);
        self.set(p, v);
        var note = String(v) !== String(parseFloat(typed)) ?
          p.label + " must be a number from " + formatValue(p, p.min) + " to " +
          formatValue(p, p.max) + "; it is set to " + formatValue(p, v) + ". " : "";
        self.changed(note);
      };
      c.field.addEventListener("change", commit);
      c.field.addEventListener("keydown", function (e) {
        if (e.key === "Enter") {
          e.preventDefault();
          commit();
        }
      });
      box.appendChild(c.range);
      box.appendChild(c.field);
      if (p.unit) {
        box.appendChild(el("span", { "class": "course-lab-unit", "aria-hidden": "true" }, p.unit));
      }
    }
    this.controls[p.name] = c;
    this.show(p);
    return box;
  };

  /** Show value v of p in its controls. */
  Instance.prototype.show = function (p) {
    var c = this.controls[p.name], v = this.values[p.name];
    if (c.select) {
      c.select.value = v;
      return;
    }
    c.range.value = toSlider(p, v);
    c.range.setAttribute("aria-valuetext", formatValue(p, v));
    c.field.value = fieldText(p, v);
  };

  Instance.prototype.set = function (p, v) {
    this.values[p.name] = v;
    this.show(p);
  };

  Instance.prototype.changed = function (note) {
    var self = this;
    this.redraw(true, note);
    if (this.playing) {
      if (this.playing.handle && this.playing.handle.update) {
        this.playing.handle.update(this.values);
      } else {
        clearTimeout(this.restart);
        this.restart = setTimeout(function () {
          self.stop(true);
          self.play();
        }, 60);
      }
    }
  };

  Instance.prototype.redraw = function (announce, note) {
    var c = this.lab.curve(this.values);
    drawCurve(this.svg, c);
    this.summary.textContent = c.summary || "";
    if (announce) {
      var self = this;
      this.note.textContent = note || "";
      var text = (note || "") + (this.lab.describe ? this.lab.describe(this.values) : c.summary || "");
      clearTimeout(this.announce);
      this.announce = setTimeout(function () {
        self.status.textContent = text;
      }, note ? 0 : 350);
    }
  };

  Instance.prototype.play = function () {
    var ctx = A.context();
    var gain = ctx.createGain();
    var meter = ctx.createAnalyser();
    var now = ctx.currentTime;
    gain.gain.setValueAtTime(0, now);
    gain.gain.linearRampToValueAtTime(1, now + 0.02);
    gain.connect(meter);
    gain.connect(A.output());
    var handle = this.lab.sound(ctx, gain, this.values) || {};
    this.playing = { gain: gain, meter: meter, handle: handle };
    this.playButton.textContent = "Stop";
    this.playButton.setAttribute("aria-pressed", "true");
    this.root.setAttribute("data-lab-playing", "true");
  };

  Instance.prototype.stop = function (quiet) {
    var playing = this.playing;
    if (!playing) {
      return;
    }
    this.playing = null;
    var ctx = A.context();
    var t = ctx.currentTime;
    playing.gain.gain.cancelScheduledValues(t);
    playing.gain.gain.setValueAtTime(playing.gain.gain.value, t);
    playing.gain.gain.linearRampToValueAtTime(0, t + 0.02);
    setTimeout(function () {
      if (playing.handle.stop) {
        playing.handle.stop();
      }
      playing.gain.disconnect();
    }, 60);
    if (!quiet) {
      this.playButton.textContent = "Play";
      this.playButton.setAttribute("aria-pressed", "false");
      this.root.removeAttribute("data-lab-playing");
    }
  };

  /** The level (dBFS RMS) now at the lab's output while it plays (-Infinity when stopped). */
  Instance.prototype.level = function () {
    if (!this.playing) {
      return -Infinity;
    }
    var data = new Float32Array(this.playing.meter.fftSize);
    this.playing.meter.getFloatTimeDomainData(data);
    return stats(data).rmsDb;
  };

  /* ---- registry and the tests' entry points ---------------------------------------------- */

  function register(kind, lab) {
    ["curve", "sound", "measure"].forEach(function (name) {
      if (typeof lab[name] !== "function") {
        throw new Error("CourseLabs.register(" + kind + "): the lab has no " + name + "()");
      }
    });
    registry[kind] = lab;
    if (ready) {
      setupAll();
    }
  }

  function setupAll() {
    if (typeof document === "undefined") {
      return;
    }
    var roots = document.querySelectorAll("[data-lab]");
    for (var i = 0; i < roots.length; i++) {
      var root = roots[i];
      var lab = registry[root.getAttribute("data-lab")];
      if (lab && !root.courseLab) {
        root.courseLab = new Instance(root, lab);
        instances.push(root.courseLab);
      }
    }
  }

  function paramsOf(kind) {
    var root = document.querySelector('[data-lab="' + kind + '"]');
    if (!root) {
      throw new Error("no lab of kind " + kind + " on this page");
    }
    return parseParams(root.getAttribute("data-lab-params"));
  }

  /** The agreement data of kind's default setting (the defaults are the page's). */
  function renderDefault(kind) {
    return registry[kind].measure(defaults(paramsOf(kind)));
  }

  /* Deferred scripts run before DOMContentLoaded, in order: the kinds' scripts register
   * after this one, so the labs are built once the document (and every script) is ready. */
  var ready = false;
  function whenReady() {
    ready = true;
    setupAll();
  }
  if (typeof document !== "undefined") {
    if (document.readyState === "complete") {
      ready = true;
    } else {
      document.addEventListener("DOMContentLoaded", whenReady);
      window.addEventListener("load", whenReady);
    }
  }

  return {
    register: register,
    kinds: function () { return Object.keys(registry).sort(); },
    lab: function (kind) { return registry[kind]; },
    instances: function () { return instances.slice(); },
    setupAll: setupAll,
    renderDefault: renderDefault,
    renderSound: renderSound,
    impulseResponse: impulseResponse,
    parseParams: parseParams,
    defaults: defaults,
    clampValue: clampValue,
    formatValue: formatValue,
    toSlider: toSlider,
    fromSlider: fromSlider,
    sliderValue: sliderValue,
    ticks: ticks,
    tickLabel: tickLabel,
    responseDb: responseDb,
    stats: stats,
    drawCurve: drawCurve,
  };
});
