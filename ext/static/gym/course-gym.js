/*
 * course-gym.js: the listening gym's runner. Plain Web Audio API (through CourseAudio), no
 * dependencies; a classic script (works from file://), UMD so that Node tests the logic.
 *
 * A drill family file (gym/eq.js, gym/levels.js, ...) registers its kinds:
 *
 *   CourseGym.define("<kind>", {
 *     levels: [{label: "Octaves, ±12 dB", trials: 12, ...}, ...],   // the ladder
 *     sounds(level, trial) -> [{id: "A", label: "Flat", key: "a"}, ...]  (default A and B)
 *     trial(rng, level, run) -> {answer: {...}, ...}    (rng: CourseAudio.rng, from the seed)
 *     controls(level, trial) -> [{name, label, type: "choice", options: [{value, label, key}]}
 *                                | {name, label, type: "range", min, max, step, value, unit}]
 *     render(trial, soundId, answer, level) -> Promise<AudioBuffer>  (loudness-matched)
 *     play(trial, soundId, answer, level) (optional, instead of render) -> {stop()}: the
 *       family plays the sound itself, e.g. a build-time clip through an <audio> element
 *     correctSound(trial) (optional) -> the sound id "Hear the right answer" plays
 *     spatial (optional) -> true: show the headphones notice
 *     score(trial, answer, level) -> credit from 0 to 1
 *     explain(trial, answer, level) -> a sentence
 *     run(level) (optional) -> an adaptive run: {next(credit), done(), passed(), summary()}
 *   });
 *
 * The runner mounts every [data-drill] element: calibration, headphones notice, Start, sound
 * buttons (A/B/X keys), answer controls (number keys), feedback in an aria-live region, replay
 * of the right answer after a miss, the level ladder (a level passes at 80 %), and progress in
 * CourseStore's "gym" area (gym-record.js). Test hook: with "gym-test" in the page's query
 * the root carries data-test-answer (the right answer as JSON); never otherwise.
 */
(function (root, factory) {
  "use strict";
  var api = factory(root);
  if (typeof module === "object" && module.exports) {
    module.exports = api;
  } else {
    root.CourseGym = api;
    if (root.document) {
      // Deferred scripts run before DOMContentLoaded: every family file has defined its
      // kinds by then.
      if (root.document.readyState === "complete") {
        api.start();
      } else {
        root.document.addEventListener("DOMContentLoaded", api.start);
      }
    }
  }
})(typeof self !== "undefined" ? self : this, function (root) {
  "use strict";

  var PASS = 0.8;
  var defs = {};

  /* ---- pure logic (tests/js/gym-*.test.js) --------------------------------------------- */

  /** The seed of trial `index` of `level`, from the drill's seed: reproducible trials. */
  function trialSeed(seed, level, index) {
    var h = (Number(seed) >>> 0) ^ Math.imul(level + 1, 0x9e3779b1) ^ Math.imul(index + 1,
      0x85ebca77);
    h = Math.imul(h ^ (h >>> 16), 0x7feb352d);
    return (h ^ (h >>> 15)) >>> 0;
  }

  /** Mean credit of a level's results and whether it passes (at least PASS). */
  function levelResult(credits, pass) {
    var sum = 0;
    credits.forEach(function (c) { sum += c; });
    var score = credits.length ? sum / credits.length : 0;
    return { score: score, passed: credits.length > 0 && score >= (pass || PASS) - 1e-9 };
  }

  /**
   * Credit for a band answer, by distance: the right band and sign give 1; each octave off
   * costs 0.5; boost and cut swapped keeps only a quarter (so it always costs more than an
   * octave off). bandsPerOctave: 1 (octave bands) or 3 (third-octave bands).
   */
  function bandCredit(truth, answer, bandsPerOctave) {
    var octaves = Math.abs(truth.band - answer.band) / (bandsPerOctave || 1);
    var credit = Math.max(0, 1 - 0.5 * octaves);
    return truth.sign === answer.sign ? credit : 0.25 * credit;
  }

  /**
   * An adaptive 2-down/1-up staircase (Levitt 1971): two right answers in a row make the
   * task harder (value - step), one miss makes it easier (value + step). It converges on the
   * value answered right 70.7 % of the time. steps: [large, small] (small after
   * `switchAfter` reversals); done after `reversals` reversals or `maxTrials` trials; the
   * threshold is the mean of the last `useLast` reversal values.
   */
  function staircase(o) {
    var opts = o || {};
    var value = opts.start !== undefined ? opts.start : 6;
    var steps = opts.steps || [1, 0.5];
    var switchAfter = opts.switchAfter !== undefined ? opts.switchAfter : 2;
    var need = opts.reversals || 8;
    var useLast = opts.useLast || 6;
    var min = opts.min !== undefined ? opts.min : 0.1;
    var max = opts.max !== undefined ? opts.max : 12;
    var maxTrials = opts.maxTrials || 80;
    var run = 0, direction = 0, trials = 0;
    var reversals = [];
    var s = {
      value: function () { return value; },
      reversals: reversals,
      trials: function () { return trials; },
      record: function (correct) {
        trials += 1;
        var move = 0;
        if (correct) {
          run += 1;
          if (run === 2) { move = -1; run = 0; }
        } else {
          move = 1; run = 0;
        }
        if (move) {
          if (direction && move !== direction) {
            reversals.push(value);
          }
          direction = move;
          var step = reversals.length >= switchAfter ? steps[1] : steps[0];
          value = Math.min(max, Math.max(min, Math.round((value + move * step) * 1000) / 1000));
        }
      },
      done: function () { return reversals.length >= need || trials >= maxTrials; },
      threshold: function () {
        var last = reversals.slice(-useLast);
        if (!last.length) { return null; }
        var sum = 0;
        last.forEach(function (v) { sum += v; });
        return sum / last.length;
      },
    };
    return s;
  }

  /** The highest passed level after passing `passed` (1-based) over `previous`. */
  function mergeLevel(previous, passed) {
    return Math.max(previous || 0, passed || 0);
  }

  /* ---- the runner --------------------------------------------------------------------- */

  function el(tag, attrs, text) {
    var e = root.document.createElement(tag);
    Object.keys(attrs || {}).forEach(function (k) {
      if (k === "class") { e.className = attrs[k]; } else { e.setAttribute(k, attrs[k]); }
    });
    if (text !== undefined) { e.textContent = text; }
    return e;
  }

  function testMode() {
    return /[?&]gym-test(=|&|$)/.test(root.location ? root.location.search : "");
  }

  function store() {
    var s = root.CourseStore;
    if (s && root.CourseGymRecord) {
      root.CourseGymRecord.define(s);
    }
    return s;
  }

  function saveProgress(cfg, def, levelNo, extra) {
    var s = store();
    if (!s || s.readOnly()) { return false; }
    return s.update("gym", function (rec) {
      var old = rec.drills[cfg.kind] || {};
      var entry = Object.assign({}, old, extra || {}, {
        level: mergeLevel(old.level, levelNo), levels: def.levels.length, title: cfg.title,
        page: cfg.page, updated: new Date().toISOString(),
      });
      rec.drills[cfg.kind] = entry;
      return rec;
    });
  }

  function levelOf(kind) {
    var s = store();
    var d = s ? s.get("gym").drills[kind] : null;
    return d ? d.level : 0;
  }

  /** Build one drill's interface in its root element. */
  function mount(node) {
    var cfg;
    try { cfg = JSON.parse(node.getAttribute("data-drill-config")); } catch (e) { return; }
    var def = defs[cfg.kind];
    var app = node.querySelector(".gym-app");
    if (!def || !app || node.gymMounted || !root.CourseAudio ||
        !root.CourseAudio.supported()) { return; }
    node.gymMounted = true;
    app.hidden = false;
    var nojs = node.querySelector(".gym-nojs");
    if (nojs) { nojs.hidden = true; }
    var A = root.CourseAudio;
    var state = { level: 0, index: 0, credits: [], trial: null, answer: {}, answered: false,
      run: null, playing: null, buffers: {} };
    var id = "gym-" + cfg.kind;

    var problem = el("p", { class: "gym-problem", role: "alert" });
    var s = store();
    if (s && s.problem()) { problem.textContent = s.problem(); } else { problem.hidden = true; }
    app.appendChild(problem);

    // Level ladder
    var ladder = el("p", { class: "gym-ladder" });
    var lab = el("label", { for: id + "-level" }, "Level ");
    var select = el("select", { id: id + "-level" });
    def.levels.forEach(function (lv, i) {
      select.appendChild(el("option", { value: String(i) }, (i + 1) + ": " + lv.label));
    });
    select.value = String(Math.min(levelOf(cfg.kind), def.levels.length - 1));
    var passedNote = el("span", { class: "gym-passed" });
    ladder.appendChild(lab); ladder.appendChild(select); ladder.appendChild(passedNote);
    app.appendChild(ladder);

    if (cfg.spatial || def.spatial) {
      app.appendChild(el("p", { class: "gym-headphones" }, "Use headphones for this drill: " +
        "it is about left and right, and loudspeakers in a room mix the two channels."));
    }

    // Calibration
    var cal = el("div", { class: "gym-calibration", role: "group",
      "aria-labelledby": id + "-cal-title" });
    cal.appendChild(el("p", { id: id + "-cal-title", class: "gym-step" }, "1. Set your level"));
    cal.appendChild(el("p", {}, "Play the reference pink noise (as loud as the course's " +
      "calibration clip, \u221220 LUFS) and set your volume so that it is comfortable, about " +
      "as loud as a conversation. Then keep it there for the drill."));
    var calBtn = el("button", { type: "button", class: "gym-button", "aria-pressed": "false" },
      "Play reference noise");
    var lvlLab = el("label", { for: id + "-cal-level" }, "Listening level (dB)");
    var lvl = el("input", { id: id + "-cal-level", type: "range", min: "-40", max: "0",
      step: "1", value: String(A.level()) });
    var dbText = function (v) { return (v < 0 ? "\u2212" + -v : String(v)) + " dB"; };
    var lvlOut = el("output", { for: id + "-cal-level" }, dbText(A.level()));
    cal.appendChild(calBtn); cal.appendChild(lvlLab); cal.appendChild(lvl);
    cal.appendChild(lvlOut);
    app.appendChild(cal);
    var refNoise = null;
    calBtn.addEventListener("click", function () {
      if (refNoise) {
        refNoise.stop(); refNoise = null; calBtn.setAttribute("aria-pressed", "false");
        calBtn.textContent = "Play reference noise";
        return;
      }
      var ctx = A.context();
      var noise = A.fadeEdges(A.scaleToRms(A.pinkNoise(ctx.sampleRate * 4, 1), REF_DB), 0.01);
      refNoise = A.play(A.toBuffer(ctx, noise), { loop: true });
      calBtn.setAttribute("aria-pressed", "true");
      calBtn.textContent = "Stop reference noise";
    });
    lvl.addEventListener("input", function () {
      lvlOut.textContent = dbText(A.setLevel(parseFloat(lvl.value)));
    });

    // Start
    var startP = el("p", { class: "gym-step" });
    var start = el("button", { type: "button", class: "gym-button gym-start" }, "2. Start");
    startP.appendChild(start);
    app.appendChild(startP);

    // Trial area
    var area = el("div", { class: "gym-trial", hidden: "" });
    var status = el("p", { class: "gym-status" });
    var soundsP = el("p", { class: "gym-sounds", role: "group", "aria-label": "Sounds" });
    var controlsBox = el("div", { class: "gym-controls" });
    var actions = el("p", { class: "gym-actions" });
    var check = el("button", { type: "button", class: "gym-button" }, "Check (Enter)");
    var replay = el("button", { type: "button", class: "gym-button", hidden: "" },
      "Hear the right answer (R)");
    var next = el("button", { type: "button", class: "gym-button", hidden: "" },
      "Next (Enter)");
    actions.appendChild(check); actions.appendChild(replay); actions.appendChild(next);
    var feedback = el("p", { class: "gym-feedback", "aria-live": "polite", role: "status" });
    area.appendChild(status); area.appendChild(soundsP); area.appendChild(controlsBox);
    area.appendChild(actions); area.appendChild(feedback);
    app.appendChild(area);

    var soundButtons = {};
    var choiceButtons = {};

    function level() { return def.levels[state.level]; }

    function showPassed() {
      var n = levelOf(cfg.kind);
      passedNote.textContent = n ? " Passed: level " + n + " of " + def.levels.length + "."
        : " No level passed yet.";
    }
    showPassed();

    function stopSound() {
      if (state.playing) { state.playing.stop(); state.playing = null; }
    }

    function playBuffer(buf) {
      stopSound();
      state.playing = A.play(buf);
      node.setAttribute("data-played", String((+node.getAttribute("data-played") || 0) + 1));
    }

    function sound(sid, answer) {
      var key = sid + (answer ? JSON.stringify(answer) : "");
      if (!state.buffers[key]) {
        state.buffers[key] = def.render(state.trial, sid, answer || null, level());
      }
      return state.buffers[key];
    }

    function play(sid, answer) {
      if (def.play) {
        // the family plays the sound itself (e.g. an <audio> clip, which works from file://)
        stopSound();
        state.playing = def.play(state.trial, sid, answer || null, level()) || null;
        node.setAttribute("data-played", String((+node.getAttribute("data-played") || 0) + 1));
        return Promise.resolve();
      }
      return sound(sid, answer).then(playBuffer, function (e) {
        feedback.textContent = e.message;
      });
    }

    function sounds() {
      return def.sounds ? def.sounds(level(), state.trial)
        : [{ id: "A", label: "A", key: "a" }, { id: "B", label: "B", key: "b" }];
    }

    function updateStatus() {
      var lv = level();
      var r = levelResult(state.credits);
      status.textContent = "Level " + (state.level + 1) + " of " + def.levels.length + " (" +
        lv.label + "). " + (state.run ? "Trial " + (state.index + 1) + "." :
        "Trial " + (state.index + 1) + " of " + lv.trials + ".") +
        (state.credits.length ? " Score so far: " + Math.round(r.score * 100) + " %." : "");
    }

    function buildControls() {
      controlsBox.textContent = "";
      choiceButtons = {};
      state.answer = {};
      var list = def.controls(level(), state.trial);
      list.forEach(function (c) {
        var group = el("div", { class: "gym-group", role: "group", "aria-label": c.label });
        group.appendChild(el("p", { class: "gym-group-label" }, c.label));
        if (c.type === "range") {
          var rid = id + "-" + c.name;
          var inp = el("input", { id: rid, type: "range", min: String(c.min),
            max: String(c.max), step: String(c.step), value: String(c.value) });
          inp.setAttribute("aria-label", c.label);
          var out = el("output", { for: rid });
          var show = function () {
            state.answer[c.name] = parseFloat(inp.value);
            out.textContent = c.format ? c.format(state.answer[c.name]) : inp.value;
          };
          inp.addEventListener("input", show);
          show();
          group.appendChild(inp); group.appendChild(out);
        } else {
          c.options.forEach(function (o) {
            var b = el("button", { type: "button", class: "gym-choice", "aria-pressed": "false",
              "data-value": JSON.stringify(o.value) },
              (o.key ? o.key.toUpperCase() + ": " : "") + o.label);
            b.addEventListener("click", function () { choose(c, o, list); });
            group.appendChild(b);
            if (o.key) { choiceButtons[o.key] = { control: c, option: o, list: list }; }
            (choiceButtons[c.name] = choiceButtons[c.name] || []).push(b);
          });
        }
        controlsBox.appendChild(group);
      });
      var auto = list.length === 1 && list[0].type !== "range";
      check.hidden = auto;
    }

    function choose(c, o, list) {
      if (state.answered) { return; }
      state.answer[c.name] = o.value;
      (choiceButtons[c.name] || []).forEach(function (b) {
        b.setAttribute("aria-pressed", String(b.getAttribute("data-value") ===
          JSON.stringify(o.value)));
      });
      if (list.length === 1) {
        submit();
      } else if (list.every(function (x) { return state.answer[x.name] !== undefined; })) {
        check.focus();
      }
    }

    function submit() {
      if (state.answered) { return; }
      var list = def.controls(level(), state.trial);
      var missing = list.filter(function (c) { return state.answer[c.name] === undefined; });
      if (missing.length) {
        feedback.textContent = "Choose " + missing.map(function (c) {
          return c.label.toLowerCase(); }).join(" and ") + " first.";
        return;
      }
      state.answered = true;
      var credit = def.score(state.trial, state.answer, level());
      state.credits.push(credit);
      if (state.run) { state.run.next(credit); }
      feedback.textContent = (credit >= 1 ? "Right. " : credit > 0 ? "Partly right. " :
        "Not quite. ") + def.explain(state.trial, state.answer, level());
      replay.hidden = credit >= 1;
      check.hidden = true;
      next.hidden = false;
      next.focus();
      updateStatus();
    }

    function levelDone() {
      if (state.run) { return state.run.done(); }
      return state.credits.length >= level().trials;
    }

    function finishLevel() {
      var r = levelResult(state.credits);
      var passed = state.run ? state.run.passed() : r.passed;
      var summary = state.run ? state.run.summary() :
        "Score: " + Math.round(r.score * 100) + " % (" + Math.round(PASS * 100) +
        " % passes).";
      var extra = state.run && state.run.record ? state.run.record() : {};
      if (passed) { saveProgress(cfg, def, state.level + 1, extra); }
      area.hidden = true;
      stopSound();
      start.textContent = passed && state.level + 1 < def.levels.length ?
        "Start level " + (state.level + 2) : "Start again";
      if (passed && state.level + 1 < def.levels.length) {
        select.value = String(state.level + 1);
      }
      node.setAttribute("data-level-result", passed ? "passed" : "failed");
      feedbackEnd.textContent = "Level " + (state.level + 1) + (passed ? " passed. " :
        " not passed yet. ") + summary;
      showPassed();
      start.focus();
    }

    var feedbackEnd = el("p", { class: "gym-result", "aria-live": "polite", role: "status" });
    app.appendChild(feedbackEnd);

    function newTrial() {
      if (levelDone()) { finishLevel(); return; }
      var lv = level();
      var rng = A.rng(trialSeed(cfg.seed, state.level, state.index + state.round * 1000));
      state.trial = def.trial(rng, lv, state.run);
      state.buffers = {};
      state.answered = false;
      buildControls();
      soundsP.textContent = "";
      soundButtons = {};
      sounds().forEach(function (snd) {
        var b = el("button", { type: "button", class: "gym-button gym-sound" },
          "Play " + snd.label + (snd.key ? " (" + snd.key.toUpperCase() + ")" : ""));
        b.addEventListener("click", function () { play(snd.id, snd.usesAnswer ?
          state.answer : null); });
        soundsP.appendChild(b);
        if (snd.key) { soundButtons[snd.key] = b; }
      });
      if (testMode()) {
        node.setAttribute("data-test-answer", JSON.stringify(state.trial.answer));
      }
      replay.hidden = true;
      next.hidden = true;
      feedback.textContent = "";
      updateStatus();
      var first = sounds().filter(function (snd) { return snd.autoplay; })[0] ||
        sounds()[sounds().length - 1];
      var t0 = root.performance ? root.performance.now() : 0;
      play(first.id, null).then(function () {
        if (root.performance) {
          node.setAttribute("data-first-sound-ms", String(Math.round(root.performance.now() -
            t0)));
        }
      });
      var focusable = controlsBox.querySelector("button, input");
      if (focusable) { focusable.focus(); }
    }

    state.round = 0;
    start.addEventListener("click", function () {
      A.context();
      if (refNoise) { calBtn.click(); }
      state.level = parseInt(select.value, 10) || 0;
      state.index = 0;
      state.credits = [];
      state.round += 1;
      state.run = def.run ? def.run(level()) : null;
      feedbackEnd.textContent = "";
      node.removeAttribute("data-level-result");
      area.hidden = false;
      newTrial();
    });
    check.addEventListener("click", submit);
    next.addEventListener("click", function () { state.index += 1; newTrial(); });
    replay.addEventListener("click", function () {
      var snds = sounds();
      var sid = def.correctSound ? def.correctSound(state.trial) : snds[snds.length - 1].id;
      play(sid, state.trial.answer);
    });

    node.addEventListener("keydown", function (ev) {
      if (area.hidden || ev.ctrlKey || ev.metaKey || ev.altKey) { return; }
      var t = ev.target;
      if (t && t.tagName === "INPUT" && t.type !== "range") { return; }
      if (t && t.tagName === "SELECT") { return; }
      var k = ev.key === "=" ? "+" : ev.key.toLowerCase();
      if (k === "enter") {
        if (t && t.tagName === "BUTTON" && t !== next && t !== check) { return; }
        ev.preventDefault();
        if (!next.hidden) { next.click(); } else if (!check.hidden) { submit(); }
      } else if (k === "r" && !replay.hidden) {
        ev.preventDefault(); replay.click();
      } else if (soundButtons[k]) {
        ev.preventDefault(); soundButtons[k].click();
      } else if (choiceButtons[k] && choiceButtons[k].control) {
        ev.preventDefault();
        var c = choiceButtons[k];
        choose(c.control, c.option, c.list);
      }
    });
  }

  /**
   * The reference level of the calibration noise and of every stimulus, in dBFS RMS: mono
   * pink noise at -23 dBFS, played on both channels, measures -20.2 LUFS (ITU-R BS.1770,
   * soundlib.loudness; tests/gym/test_gym_agreement.py), the loudness of the course's
   * calibration clip and of every normalized example (-20 LUFS).
   */
  var REF_DB = -23;

  /* ---- the gym index: levels, export, import, reset ------------------------------------- */

  function mountIndex(box) {
    var s = store();
    if (!s) { return; }
    var tools = box.querySelector(".gym-progress-tools");
    var msg = el("p", { class: "gym-store-message", role: "status", "aria-live": "polite" });
    function show() {
      var drills = s.get("gym").drills;
      Array.prototype.forEach.call(box.querySelectorAll(".gym-index-item"), function (item) {
        var kind = (item.className.match(/gym-kind-([a-z0-9-]+)/) || [])[1];
        var span = item.querySelector(".gym-level");
        var d = drills[kind];
        if (span) {
          span.textContent = d ? "Level " + d.level + " of " + d.levels + " passed" +
            (typeof d.threshold === "number" ? ", threshold " + d.threshold.toFixed(1) +
            " dB" : "") + "." : "Not started.";
        }
      });
      var p = s.problem();
      problem.hidden = !p;
      problem.textContent = p || "";
    }
    var problem = el("p", { class: "gym-problem", role: "alert" });
    tools.appendChild(el("p", { class: "gym-step" }, "Your progress (kept in this browser " +
      "only; nothing is sent anywhere)"));
    tools.appendChild(problem);
    var row = el("p", { class: "gym-actions" });
    var exp = el("button", { type: "button", class: "gym-button" }, "Export progress");
    var impLab = el("label", { for: "gym-import", class: "gym-button" }, "Import progress");
    var imp = el("input", { id: "gym-import", type: "file", accept: ".json,application/json",
      class: "gym-file" });
    var reset = el("button", { type: "button", class: "gym-button" }, "Reset the gym");
    row.appendChild(exp); row.appendChild(imp); row.appendChild(impLab); row.appendChild(reset);
    tools.appendChild(row);
    var outLab = el("label", { for: "gym-export-text", hidden: "" }, "Exported progress (JSON)");
    var out = el("textarea", { id: "gym-export-text", readonly: "", rows: "6", hidden: "" });
    var link = el("a", { class: "gym-download", hidden: "", download: "course-progress.json" },
      "Download the file");
    tools.appendChild(outLab); tools.appendChild(out); tools.appendChild(link);
    tools.appendChild(msg);
    exp.addEventListener("click", function () {
      var text = s.exportJson();
      out.value = text;
      out.hidden = outLab.hidden = link.hidden = false;
      link.setAttribute("href", "data:application/json;charset=utf-8," +
        encodeURIComponent(text));
      msg.textContent = "Your progress is below as JSON; download it or copy it.";
    });
    function importText(text) {
      var r = s.importJson(text);
      msg.textContent = r.message;
      show();
      return r;
    }
    imp.addEventListener("change", function () {
      var f = imp.files && imp.files[0];
      if (!f) { return; }
      var reader = new root.FileReader();
      reader.onload = function () { importText(String(reader.result)); imp.value = ""; };
      reader.onerror = function () { msg.textContent = "That file could not be read. " +
        "Your progress is unchanged."; };
      reader.readAsText(f);
    });
    reset.addEventListener("click", function () {
      // The gym's area only; a record this page may not write (from a newer version of the
      // course) can only be replaced as a whole.
      var all = s.readOnly();
      if (root.confirm && !root.confirm(all ? "Your saved progress comes from a newer " +
        "version of the course. Reset ALL of it (quizzes too)? Export it first to keep a copy."
        : "Forget every level you have passed in the gym? Export it first to keep a copy.")) {
        return;
      }
      if (all) {
        s.reset();
      } else {
        s.set("gym", root.CourseGymRecord.empty());
      }
      msg.textContent = all ? "All your saved progress was reset." :
        "Your gym progress was reset.";
      show();
    });
    box.gymImport = importText;
    show();
  }

  function start() {
    var doc = root.document;
    Array.prototype.forEach.call(doc.querySelectorAll("[data-drill]"), mount);
    Array.prototype.forEach.call(doc.querySelectorAll(".gym-index"), mountIndex);
  }

  function define(kind, def) {
    defs[kind] = def;
    if (root.document && root.document.readyState === "complete") {
      Array.prototype.forEach.call(root.document.querySelectorAll("[data-drill=\"" + kind +
        "\"]"), mount);
    }
  }

  var player = null;

  /** Play a clip's `src` from the start through one shared <audio> element (works from
   * file://), at the calibrated level; returns {stop()}. The clip and ABX drills use it. */
  function playClip(src) {
    var A = root.CourseAudio;
    if (!player) {
      player = root.document.createElement("audio");
      player.preload = "none";
    }
    player.pause();
    if (player.getAttribute("src") !== src) {
      player.setAttribute("src", src);
    }
    try {
      player.currentTime = 0;
    } catch (e) { /* not loaded yet: it starts at 0 anyway */ }
    player.volume = Math.min(1, Math.max(0, A.dbToGain(A.level())));
    var started = player.play();
    if (started && started.catch) {
      started.catch(function () { /* stopped before it started */ });
    }
    var mine = player;
    return { stop: function () { mine.pause(); } };
  }

  return {
    PASS: PASS, REF_DB: REF_DB, define: define, defs: defs, start: start, playClip: playClip,
    trialSeed: trialSeed, levelResult: levelResult, bandCredit: bandCredit,
    staircase: staircase, mergeLevel: mergeLevel,
  };
});
