/*
 * gym/clips.js: the compression, reverb and distortion drills. Their clips are rendered at
 * build time (ext/gym/clips.py: -20 LUFS, true peak <= -1 dBTP) and listed in the drill's
 * config ({id, src, source, setting, value}); they play through <audio preload="none">, which
 * works from file://, at the calibrated level (CourseAudio.level()). Pure logic exported for
 * node --test (tests/js/gym-clips.test.js).
 */
(function (root, factory) {
  "use strict";
  var api = factory(root);
  if (typeof module === "object" && module.exports) {
    module.exports = api;
  } else {
    root.CourseGymClips = api;
    if (root.CourseGym) {
      api.KINDS.forEach(function (kind) { root.CourseGym.define(kind, api.definition(kind)); });
    }
  }
})(typeof self !== "undefined" ? self : this, function (root) {
  "use strict";

  var KINDS = ["compression", "reverb", "distortion"];

  /* "pair": A and B, one `plain`, one at `setting`: which is processed? "name": one clip. */
  var LEVELS = {
    compression: [
      { label: "Which one is compressed? 12:1", trials: 10, mode: "pair", plain: "none",
        setting: "12:1" },
      { label: "Which one is compressed? 4:1", trials: 10, mode: "pair", plain: "none",
        setting: "4:1" },
      { label: "Which one is compressed? 2:1", trials: 12, mode: "pair", plain: "none",
        setting: "2:1" },
      { label: "How hard: 2:1, 4:1 or 12:1?", trials: 12, mode: "name",
        choices: ["2:1", "4:1", "12:1"], reference: "none" },
    ],
    reverb: [
      { label: "Short (0.4 s) or long (3.0 s)?", trials: 10, mode: "name",
        choices: ["short", "long"] },
      { label: "Short, medium or long?", trials: 12, mode: "name",
        choices: ["short", "medium", "long"] },
    ],
    distortion: [
      { label: "Clean or heavily saturated?", trials: 10, mode: "name",
        choices: ["clean", "heavy"] },
      { label: "Clean or lightly saturated?", trials: 12, mode: "name",
        choices: ["clean", "light"] },
    ],
  };

  /** What the learner sees for a setting (an answer button's label). */
  var LABELS = {
    none: "Uncompressed", "2:1": "2:1", "4:1": "4:1", "12:1": "12:1",
    short: "Short (0.4 s)", medium: "Medium (1.2 s)", long: "Long (3.0 s)",
    clean: "Clean", light: "Saturated", heavy: "Saturated",
  };

  /** One sentence per setting: what it does and what to listen for. */
  var WHY = {
    none: "uncompressed: hits stand well above the notes and decays between them",
    "2:1": "2:1: the level above the threshold is halved, so a hit 12 dB over comes out 6 dB " +
      "over; the decays come up a little",
    "4:1": "4:1: a hit 12 dB over the threshold comes out 3 dB over; the space between hits " +
      "fills up and notes hold their level",
    "12:1": "12:1, close to limiting: a hit 12 dB over comes out 1 dB over; the level hardly " +
      "moves, and on the full mix the pad and hats pump after each kick",
    short: "RT60 0.4 s, a small room: the tail is gone about a quarter of a second after the " +
      "music stops",
    medium: "RT60 1.2 s, a large room: the tail fades out in under a second after the stop",
    long: "RT60 3.0 s, a hall or a church: the tail is still audible when the clip ends",
    clean: "clean: the source as it is, no added harmonics",
    light: "light saturation (drive 2.5): a little edge and buzz, clearest on the bass and " +
      "the snare",
    heavy: "heavy saturation (drive 6): rounded, flattened peaks and fuzz on every note",
  };

  /** The clips of `kind`'s config grouped by source: {source: {setting: clip}}. */
  function bySource(clips) {
    var out = {};
    (clips || []).forEach(function (c) {
      (out[c.source] = out[c.source] || {})[c.setting] = c;
    });
    return out;
  }

  /** The sources that have every setting a level needs. */
  function usableSources(level, clips) {
    var groups = bySource(clips);
    var need = level.mode === "pair" ? [level.plain, level.setting]
      : level.choices.concat(level.reference ? [level.reference] : []);
    return Object.keys(groups).sort().filter(function (s) {
      return need.every(function (n) { return groups[s][n]; });
    });
  }

  /** A trial from a seeded rng: {source, clips: {soundId: clip}, setting, answer}. */
  function makeTrial(level, clips, rng) {
    var sources = usableSources(level, clips);
    if (!sources.length) {
      throw new Error("no clips for this level (the drill's config has none)");
    }
    var source = sources[Math.floor(rng() * sources.length)];
    var group = bySource(clips)[source];
    if (level.mode === "pair") {
      var which = rng() < 0.5 ? "A" : "B";
      var other = which === "A" ? "B" : "A";
      var set = {};
      set[which] = group[level.setting];
      set[other] = group[level.plain];
      return { source: source, clips: set, setting: level.setting, answer: { which: which } };
    }
    var setting = level.choices[Math.floor(rng() * level.choices.length)];
    var sounds = { clip: group[setting] };
    if (level.reference) {
      sounds.reference = group[level.reference];
    }
    return { source: source, clips: sounds, setting: setting, answer: { setting: setting } };
  }

  /** The sound buttons of a level: A and B, or the clip (and the reference). */
  function sounds(level) {
    if (level.mode === "pair") {
      return [{ id: "A", label: "A", key: "a" }, { id: "B", label: "B", key: "b" }];
    }
    var list = [];
    if (level.reference) {
      list.push({ id: "reference", label: "uncompressed", key: "u" });
    }
    list.push({ id: "clip", label: "the clip", key: "p", autoplay: true });
    return list;
  }

  /** The answer control: which is processed (1, 2), or the setting (1, 2, 3). */
  function controls(kind, level) {
    if (level.mode === "pair") {
      return [{ name: "which", label: "Which one is compressed?", type: "choice", options: [
        { value: "A", label: "A is compressed", key: "1" },
        { value: "B", label: "B is compressed", key: "2" }] }];
    }
    var question = { compression: "How hard is it compressed?", reverb: "How long is the reverb?",
      distortion: "Clean or saturated?" }[kind];
    return [{ name: "setting", label: question, type: "choice",
      options: level.choices.map(function (s, i) {
        return { value: s, label: LABELS[s], key: String(i + 1) };
      }) }];
  }

  /** 1 if right (or the same label); one step off on a ladder of three: 0.5; else 0. */
  function score(level, trial, answer) {
    if (level.mode === "pair") {
      return answer.which === trial.answer.which ? 1 : 0;
    }
    var truth = trial.answer.setting, given = answer.setting;
    if (given === truth || LABELS[given] === LABELS[truth]) {
      return 1;
    }
    var i = level.choices.indexOf(truth), j = level.choices.indexOf(given);
    return level.choices.length >= 3 && i >= 0 && j >= 0 && Math.abs(i - j) === 1 ? 0.5 : 0;
  }

  function capitalize(s) {
    return s.charAt(0).toUpperCase() + s.slice(1);
  }

  /** The explanation after an answer, e.g. "B was compressed at 4:1 (drums). 4:1: ...". */
  function explain(level, trial) {
    var source = trial.clips[level.mode === "pair" ? trial.answer.which : "clip"].source;
    if (level.mode === "pair") {
      return trial.answer.which + " was compressed (" + source + "), " + WHY[trial.setting] +
        "; the other was " + WHY[level.plain] + ".";
    }
    return capitalize(source) + ", " + WHY[trial.setting] + ".";
  }

  /** The clip a sound button plays; for the replay after a miss, the processed one. */
  function clipFor(trial, soundId) {
    return trial.clips[soundId] || null;
  }

  /* ---- the browser: <audio preload="none">, the calibrated level ------------------------- */

  function configClips(kind) {
    var doc = root.document;
    var node = doc && doc.querySelector('[data-drill="' + kind + '"]');
    try {
      return JSON.parse(node.getAttribute("data-drill-config")).clips || [];
    } catch (e) {
      return [];
    }
  }

  /** The CourseGym definition of `kind`. */
  function definition(kind) {
    var clips = null;
    function all() {
      if (!clips) { clips = configClips(kind); }
      return clips;
    }
    return {
      clips: true,
      levels: LEVELS[kind],
      sounds: function (level) { return sounds(level); },
      trial: function (rng, level) { return makeTrial(level, all(), rng); },
      controls: function (level) { return controls(kind, level); },
      play: function (trial, soundId) {
        var clip = clipFor(trial, soundId);
        return clip ? root.CourseGym.playClip(clip.src) : { stop: function () {} };
      },
      render: function () {
        return Promise.reject(new Error("clip drills play <audio>, they render nothing"));
      },
      correctSound: function (trial) {
        return trial.answer.which || "clip";
      },
      score: function (trial, answer, level) { return score(level, trial, answer); },
      explain: function (trial, answer, level) { return explain(level, trial); },
    };
  }

  return {
    KINDS: KINDS,
    LEVELS: LEVELS,
    LABELS: LABELS,
    WHY: WHY,
    bySource: bySource,
    usableSources: usableSources,
    makeTrial: makeTrial,
    sounds: sounds,
    controls: controls,
    score: score,
    explain: explain,
    definition: definition,
  };
});
