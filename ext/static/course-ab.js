/*
 * course-ab.js: the synchronized A/B player on every audio pair (ext/audio/abplayer.py loads
 * it, after course-audio.js, only on pages that have a pair).
 *
 * The HTML writer gives each pair's root <div class="audio-pair" data-ab> with its two labels
 * in data-ab-labels. Without JavaScript the two <audio> players stay as they are. With it, the
 * root gets one transport: Play/Pause, Loop, the two sides (switched at the same playhead
 * position with a crossfade of RAMP_S), a blind test that hides the labels until the learner
 * guesses, and the keys A, B and Space while focus is in the pair.
 *
 * Two engines, one interface:
 *  - "webaudio" (over http and https): both files are fetched and decoded once, when the
 *    learner first presses Play; two AudioBufferSourceNodes start together, each through its
 *    own GainNode into CourseAudio.output() (the calibrated level, then the ceiling). A switch
 *    is two gain ramps of RAMP_S: no gap, no click, no seek.
 *  - "media" (opened from disk, where fetch fails and Chromium silences media-element sources
 *    in Web Audio; or when fetching or decoding fails): the two <audio> elements play together,
 *    kept within SYNC_S of each other; a switch ramps their volumes.
 * Both play each file at the same gain, so the loudness is the one the files were built with
 * (audio-example's :loudness:, -20 LUFS by default): matched when both sides were normalized.
 *
 * Nothing is fetched before Play (the <audio> elements keep preload="none"). For tests each
 * root exposes root.courseAB (position(), positionOf(k), side(), playing(), mode, lastSwitch:
 * {from, to, ramp} of the last switch, blind) and the attributes data-ab-state, data-ab-side,
 * data-position, data-ab-switch and data-ab-verdict.
 *
 * A classic script (UMD, like course-audio.js): require() in Node returns the pure logic for
 * node --test (tests/js/ab.test.js). Strict-CSP safe: no eval, no blob:, no inline styles.
 */
(function (root, factory) {
  "use strict";
  var audio = typeof module === "object" && module.exports
    ? require("./course-audio.js") : root.CourseAudio;
  var api = factory(audio, root);
  if (typeof module === "object" && module.exports) {
    module.exports = api;
  } else {
    root.CourseAB = api;
  }
})(typeof self !== "undefined" ? self : this, function (CA, root) {
  "use strict";

  /** Crossfade of a switch, in seconds (the issue allows at most 10 ms). */
  var RAMP_S = 0.008;
  /** Fade at play and pause, in seconds (no click at either end). */
  var FADE_S = 0.005;
  /** Media engine: the silent side is moved back into step when it drifts further than this. */
  var SYNC_S = 0.015;
  /** How often the time display and the end check run while playing (ms). */
  var TICK_MS = 100;

  /* ---- pure logic (unit-tested in Node) -------------------------------------------------- */

  /**
   * The gain automation of a switch at ctx time now: for the side that fades out and the one
   * that fades in, [time, value] points to pass to setValueAtTime then linearRampToValueAtTime.
   * Linear in amplitude: the two files are the same music, so their sum stays at full level.
   */
  function crossfade(now, from, ramp) {
    var r = ramp === undefined ? RAMP_S : Math.max(0, Math.min(ramp, 0.01));
    var start = typeof from === "number" ? from : 1;
    return {
      out: [[now, start], [now + r, 0]],
      "in": [[now, 1 - start], [now + r, 1]],
      end: now + r,
    };
  }

  /** Gain of the side fading in, t seconds into a linear crossfade of ramp seconds. */
  function rampGain(t, ramp) {
    return ramp > 0 ? Math.max(0, Math.min(1, t / ramp)) : 1;
  }

  /**
   * Volume steps of a media-element crossfade (media elements have no automation): n steps
   * of ramp/n seconds each, the last at exactly 1 (in) and 0 (out).
   */
  function volumeSteps(ramp, n) {
    var steps = [];
    for (var i = 1; i <= n; i++) {
      var g = rampGain(i * ramp / n, ramp);
      steps.push({ at: i * ramp / n, "in": g, out: 1 - g });
    }
    return steps;
  }

  /**
   * The playhead in seconds, offset + elapsed, on a file of duration seconds: wrapped when
   * looping, otherwise held at the end (ended: true).
   */
  function playhead(offset, elapsed, duration, loop) {
    var p = offset + Math.max(0, elapsed);
    if (!(duration > 0)) {
      return { position: 0, ended: true };
    }
    if (loop) {
      return { position: p % duration, ended: false };
    }
    return p >= duration ? { position: duration, ended: true } : { position: p, ended: false };
  }

  /**
   * A blind round from a seed: x is the side (0 = the first label, 1 = the second) that plays
   * as "X"; "Y" is the other. The same seed gives the same round in every browser.
   */
  function blindRound(seed) {
    var x = CA.rng(seed)() < 0.5 ? 0 : 1;
    return { x: x, y: 1 - x };
  }

  /** The side (0 or 1) that the learner's button or key k (0 = first, 1 = second) plays. */
  function sideFor(k, round) {
    if (!round) {
      return k;
    }
    return k === 0 ? round.x : round.y;
  }

  /**
   * What a key does. e: {key, ctrlKey, metaKey, altKey, tag, editable} of the keydown and
   * its target. Returns "toggle" (Space), "a", "b" or null (leave the key alone). Typing in
   * a field and modified keys are never taken; nor is Space on a button, a link or a summary:
   * that control answers it itself (Space on the Play button plays or pauses).
   */
  function keyAction(e) {
    if (e.ctrlKey || e.metaKey || e.altKey || e.editable) {
      return null;
    }
    var tag = (e.tag || "").toUpperCase();
    if (tag === "INPUT" || tag === "TEXTAREA" || tag === "SELECT") {
      return null;
    }
    var key = e.key;
    if (key === "a" || key === "A") {
      return "a";
    }
    if (key === "b" || key === "B") {
      return "b";
    }
    if (key === " " || key === "Spacebar") {
      return tag === "BUTTON" || tag === "A" || tag === "SUMMARY" ? null : "toggle";
    }
    return null;
  }

  /** m:ss.s for a time in seconds. */
  function formatTime(s) {
    var t = Math.max(0, Math.round((isFinite(s) ? s : 0) * 10)) / 10;
    var m = Math.floor(t / 60);
    var sec = (t - m * 60).toFixed(1);
    return m + ":" + (sec < 10 ? "0" : "") + sec;
  }

  /** The pair's two labels from data-ab-labels (a JSON list); "A" and "B" if absent or bad. */
  function parseLabels(text) {
    try {
      var v = JSON.parse(text);
      if (Array.isArray(v) && v.length === 2 && v.every(function (x) {
        return typeof x === "string" && x;
      })) {
        return v;
      }
    } catch (e) { /* fall through */ }
    return ["A", "B"];
  }

  /** The feedback after a blind guess: guess and round.x are sides (0 or 1). */
  function verdict(guess, round, labels) {
    var right = guess === round.x;
    var x = labels[round.x], y = labels[round.y];
    return {
      right: right,
      text: (right ? "Right: " : "Not this time: ") + "X was " + x + " and Y was " + y + ".",
    };
  }

  /* ---- engines ---------------------------------------------------------------------------- */

  /** Web Audio: two decoded buffers, two sources started together, two gains. */
  function WebEngine(ctx, buffers) {
    this.ctx = ctx;
    this.buffers = buffers;
    this.duration = Math.min(buffers[0].duration, buffers[1].duration);
    this.mode = "webaudio";
    this.side = 0;
    this.loop = false;
    this.offset = 0;          // playhead when paused, or at anchor while playing
    this.anchor = [0, 0];     // ctx time at which each side's source was at this.offsets[k]
    this.offsets = [0, 0];
    this.sources = null;
    var out = CA.output(ctx);
    this.gains = buffers.map(function () {
      var g = ctx.createGain();
      g.gain.value = 0;
      g.connect(out);
      return g;
    });
  }

  WebEngine.prototype.playing = function () {
    return !!this.sources;
  };

  /** Side k's own playhead (each side is timed from its own source). */
  WebEngine.prototype.positionOf = function (k) {
    if (!this.sources) {
      return this.offset;
    }
    return playhead(this.offsets[k], this.ctx.currentTime - this.anchor[k], this.duration,
      this.loop).position;
  };

  WebEngine.prototype.position = function () {
    return this.positionOf(this.side);
  };

  WebEngine.prototype.ended = function () {
    return !!this.sources && !this.loop &&
      playhead(this.offsets[this.side], this.ctx.currentTime - this.anchor[this.side],
        this.duration, false).ended;
  };

  WebEngine.prototype.play = function () {
    var self = this, ctx = this.ctx, now = ctx.currentTime;
    if (this.offset >= this.duration) {
      this.offset = 0;
    }
    this.sources = this.buffers.map(function (buf, k) {
      var src = ctx.createBufferSource();
      src.buffer = buf;
      src.loop = self.loop;
      src.loopStart = 0;
      src.loopEnd = self.duration;
      src.connect(self.gains[k]);
      var g = self.gains[k].gain;
      g.cancelScheduledValues(now);
      g.setValueAtTime(0, now);
      if (k === self.side) {
        g.linearRampToValueAtTime(1, now + FADE_S);
      }
      src.start(now, self.offset);
      self.anchor[k] = now;
      self.offsets[k] = self.offset;
      return src;
    });
    return Promise.resolve();
  };

  WebEngine.prototype.pause = function () {
    if (!this.sources) {
      return;
    }
    var now = this.ctx.currentTime, pos = this.position();
    this.gains.forEach(function (g) {
      g.gain.cancelScheduledValues(now);
      g.gain.setValueAtTime(g.gain.value, now);
      g.gain.linearRampToValueAtTime(0, now + FADE_S);
    });
    this.sources.forEach(function (src) {
      try {
        src.stop(now + FADE_S + 0.002);
      } catch (e) { /* already stopped */ }
    });
    this.sources = null;
    this.offset = pos >= this.duration ? 0 : pos;
  };

  WebEngine.prototype.seek = function (pos) {
    var was = this.playing();
    this.pause();
    this.offset = pos;
    if (was) {
      this.play();
    }
  };

  WebEngine.prototype.setLoop = function (on) {
    if (this.sources) {
      var now = this.ctx.currentTime, self = this;
      this.sources.forEach(function (src, k) {
        // re-anchor each side at its playhead, then change the mode
        self.offsets[k] = self.positionOf(k);
        self.anchor[k] = now;
        src.loop = on;
      });
    }
    this.loop = on;
  };

  /** Switch to side k at the same playhead: two gain ramps of RAMP_S, nothing restarts. */
  WebEngine.prototype.switchTo = function (k) {
    var old = this.side;
    if (k === old) {
      return null;
    }
    var record = { from: this.positionOf(old), to: this.positionOf(k), ramp: RAMP_S };
    this.side = k;
    if (this.sources) {
      var now = this.ctx.currentTime;
      var plan = crossfade(now, 1, RAMP_S);
      var gOut = this.gains[old].gain, gIn = this.gains[k].gain;
      gOut.cancelScheduledValues(now);
      gIn.cancelScheduledValues(now);
      gOut.setValueAtTime(gOut.value, plan.out[0][0]);
      gOut.linearRampToValueAtTime(plan.out[1][1], plan.out[1][0]);
      gIn.setValueAtTime(gIn.value, plan["in"][0][0]);
      gIn.linearRampToValueAtTime(plan["in"][1][1], plan["in"][1][0]);
    }
    return record;
  };

  /** Resolves once el has fired one of the events (or at once if ready(el) already holds). */
  function when(el, events, ready) {
    return new Promise(function (resolve, reject) {
      if (ready(el)) {
        resolve();
        return;
      }
      var done = function (e) {
        events.concat(["error"]).forEach(function (name) {
          el.removeEventListener(name, done);
        });
        if (e.type === "error") {
          reject(new Error("cannot load " + (el.currentSrc || el.src)));
        } else {
          resolve();
        }
      };
      events.concat(["error"]).forEach(function (name) {
        el.addEventListener(name, done);
      });
    });
  }

  /**
   * Media elements: the two <audio> players, loaded, aligned while paused and started in the
   * same task, so that both play in step; one is audible. A side that drifted further than
   * SYNC_S is moved while silent, and a switch to it waits for that seek to finish (the old
   * side stays audible meanwhile), so the learner never hears a gap.
   */
  function MediaEngine(elements) {
    this.els = elements;
    this.mode = "media";
    this.side = 0;
    this.heard = 0;           // the side actually audible (differs while a switch waits)
    this.loop = false;
    this.level = CA.dbToGain(CA.level());
    this.timer = null;
    this.waiting = null;      // the side a switch waits for (its seek), or null
    this.lastRecord = null;
    var self = this;
    elements.forEach(function (el) {
      el.volume = 0;
      el.addEventListener("timeupdate", function () {
        if (el === self.els[self.heard] && self.waiting === null && self.playing()) {
          self.resync();
        }
      });
    });
  }

  MediaEngine.prototype.playing = function () {
    return !this.els[this.heard].paused;
  };

  MediaEngine.prototype.positionOf = function (k) {
    return this.els[k].currentTime;
  };

  /** The playhead of the audible side. */
  MediaEngine.prototype.position = function () {
    return this.positionOf(this.heard);
  };

  MediaEngine.prototype.ended = function () {
    return this.els[this.heard].ended;
  };

  /**
   * Seek el (silent) to the playhead of ref (audible, playing on), ahead by the lag the last
   * seek left; once el has seeked, that estimate is corrected by the lag that remains.
   */
  MediaEngine.prototype.moveTo = function (el, ref) {
    var self = this, playing = this.playing();
    el.currentTime = ref.currentTime + (playing ? this.seekLatency : 0);
    return when(el, ["seeked"], function (e) {
      return !e.seeking;
    }).then(function () {
      if (playing) {
        // damped: one reading of a media clock is coarse
        self.seekLatency = CA.clamp(self.seekLatency + 0.5 * (ref.currentTime - el.currentTime), 0, 0.2);
      }
    });
  };

  MediaEngine.prototype.seekLatency = 0.03;

  /** While playing: move the silent side to the audible side's playhead if they drifted. */
  MediaEngine.prototype.resync = function () {
    var on = this.els[this.heard], off = this.els[1 - this.heard];
    if (!off.seeking && Math.abs(off.currentTime - on.currentTime) > SYNC_S) {
      this.moveTo(off, on).catch(function () { /* the next timeupdate retries */ });
    }
  };

  /** Load both (the first Play fetches them), align them while paused, start both at once. */
  MediaEngine.prototype.play = function () {
    var self = this, els = this.els, on = els[this.heard];
    var pos = on.ended || (on.duration && on.currentTime >= on.duration) ? 0 : on.currentTime;
    els.forEach(function (el, k) {
      el.loop = self.loop;
      el.volume = 0;
      el.muted = k !== self.heard;
      if (el.readyState === 0) {
        el.preload = "auto";
        el.load();
      }
    });
    var ready = function (el) {
      return el.readyState >= 3;
    };
    return Promise.all(els.map(function (el) {
      return when(el, ["canplay"], ready);
    })).then(function () {
      els.forEach(function (el) {
        el.currentTime = pos;
      });
      return Promise.all(els.map(function (el) {
        return when(el, ["seeked"], function (e) {
          return !e.seeking;
        });
      }));
    }).then(function () {
      var started = els.map(function (el) {
        return el.play();
      });
      return Promise.all(started);
    }).then(function () {
      self.fade(self.heard, null, FADE_S);
    });
  };

  /** Pause both at the audible playhead (a switch still waiting for its seek completes). */
  MediaEngine.prototype.pause = function () {
    var pos = this.position();
    clearTimeout(this.timer);
    if (this.waiting !== null) {
      this.heard = this.waiting;
      this.waiting = null;
    }
    var heard = this.heard;
    this.side = heard;
    this.els.forEach(function (el, k) {
      el.pause();
      el.currentTime = pos;
      el.muted = k !== heard;
    });
  };

  MediaEngine.prototype.seek = function (pos) {
    this.els.forEach(function (el) {
      el.currentTime = pos;
    });
  };

  MediaEngine.prototype.setLoop = function (on) {
    this.loop = on;
    this.els.forEach(function (el) {
      el.loop = on;
    });
  };

  /** Volume ramp: side kIn up to the level, kOut down to 0, in a few steps over ramp s. */
  MediaEngine.prototype.fade = function (kIn, kOut, ramp) {
    var self = this, elIn = this.els[kIn], elOut = kOut === null ? null : this.els[kOut];
    clearTimeout(this.timer);
    elIn.muted = false;
    var steps = volumeSteps(ramp, 4), i = 0;
    var step = function () {
      var s = steps[i++];
      elIn.volume = s["in"] * self.level;
      if (elOut) {
        elOut.volume = s.out * self.level;
      }
      if (i < steps.length) {
        self.timer = setTimeout(step, ramp * 1000 / steps.length);
      } else if (elOut) {
        elOut.muted = true;
      }
    };
    step();
  };

  /** The crossfade itself, once side k is in step; returns the switch's record. */
  MediaEngine.prototype.crossfade = function (k) {
    var old = this.heard;
    var record = { from: this.positionOf(old), to: this.positionOf(k), ramp: RAMP_S };
    this.heard = k;
    this.waiting = null;
    this.fade(k, old, RAMP_S);
    this.lastRecord = record;
    if (this.onswitch) {
      this.onswitch(record);
    }
    return record;
  };

  /**
   * Switch to side k. Paused: at once. Playing and in step: a RAMP_S volume crossfade at
   * once. Playing but drifted: k is moved to the audible side's playhead (plus the time the
   * seek takes), and the crossfade follows its "seeked"; the record then comes through
   * onswitch, and null is returned.
   */
  MediaEngine.prototype.switchTo = function (k) {
    var self = this, old = this.heard;
    this.side = k;
    if (k === old && this.waiting === null) {
      return null;
    }
    if (!this.playing()) {
      this.heard = k;
      this.waiting = null;
      this.els[k].currentTime = this.els[old].currentTime;
      this.els[k].muted = false;
      this.els[old].muted = true;
      this.lastRecord = { from: this.positionOf(old), to: this.positionOf(k), ramp: RAMP_S };
      return this.lastRecord;
    }
    if (k === old) { // back to the audible side before the seek finished
      this.waiting = null;
      return null;
    }
    var elIn = this.els[k], elOut = this.els[old];
    if (!elIn.seeking && Math.abs(elIn.currentTime - elOut.currentTime) <= SYNC_S) {
      return this.crossfade(k);
    }
    this.waiting = k;
    var tries = 0;
    var settled = when(elIn, ["seeked"], function (e) { // a resync of k may be under way
      return !e.seeking;
    });
    var attempt = function () {
      return self.moveTo(elIn, elOut).then(function () {
        if (self.waiting !== k) {
          return;
        }
        // up to two more tries with the lag now measured, then switch regardless
        if (Math.abs(elIn.currentTime - elOut.currentTime) > SYNC_S && ++tries < 3) {
          return attempt();
        }
        self.crossfade(k);
      });
    };
    settled.then(attempt).catch(function () {
      if (self.waiting === k) {
        self.crossfade(k);
      }
    });
    return null;
  };

  /* ---- the player on one pair --------------------------------------------------------------- */

  var players = [];

  function button(text, cls, pressed) {
    var b = document.createElement("button");
    b.type = "button";
    b.className = "ab-button " + cls;
    b.textContent = text;
    if (pressed !== undefined) {
      b.setAttribute("aria-pressed", pressed ? "true" : "false");
    }
    return b;
  }

  function Player(rootEl) {
    this.root = rootEl;
    this.labels = parseLabels(rootEl.getAttribute("data-ab-labels"));
    this.figures = Array.prototype.slice.call(rootEl.querySelectorAll("figure.audio-example"));
    this.audios = this.figures.map(function (f) {
      return f.querySelector("audio");
    });
    this.engine = null;
    this.loading = null;
    this.side = 0;
    this.loop = false;
    this.round = null;
    this.lastSwitch = null;
    this.tick = null;
    this.build();
  }

  Player.prototype.build = function () {
    var self = this, doc = document;
    var box = doc.createElement("div");
    box.className = "ab-player";
    box.setAttribute("role", "group");
    box.setAttribute("aria-label", "A/B player: " + this.labels.join(" and "));
    var row = doc.createElement("div");
    row.className = "ab-row";
    this.playBtn = button("Play", "ab-play");
    this.playBtn.setAttribute("aria-keyshortcuts", "Space");
    this.sideBtns = [0, 1].map(function (k) {
      var b = button("", "ab-side", k === 0);
      b.setAttribute("aria-keyshortcuts", k === 0 ? "A" : "B");
      b.addEventListener("click", function () {
        self.select(k);
      });
      return b;
    });
    this.loopBtn = button("Loop", "ab-loop", false);
    this.blindBtn = button("Blind test", "ab-blind-toggle", false);
    this.time = doc.createElement("span");
    this.time.className = "ab-time";
    row.appendChild(this.playBtn);
    this.sideBtns.forEach(function (b) {
      row.appendChild(b);
    });
    row.appendChild(this.loopBtn);
    row.appendChild(this.blindBtn);
    row.appendChild(this.time);
    var guess = doc.createElement("div");
    guess.className = "ab-guess";
    guess.hidden = true;
    var q = doc.createElement("span");
    q.className = "ab-question";
    q.textContent = "Which is which?";
    guess.appendChild(q);
    this.guessBtns = [0, 1].map(function (k) {
      var b = button("X is " + self.labels[k], "ab-guess-button");
      b.addEventListener("click", function () {
        self.guess(k);
      });
      guess.appendChild(b);
      return b;
    });
    this.guessBox = guess;
    var hint = doc.createElement("p");
    hint.className = "ab-hint";
    hint.textContent = "Keys: Space plays or pauses, A and B switch at the same moment.";
    this.status = doc.createElement("p");
    this.status.className = "ab-status";
    this.status.setAttribute("role", "status");
    this.status.setAttribute("aria-live", "polite");
    box.appendChild(row);
    box.appendChild(guess);
    box.appendChild(hint);
    box.appendChild(this.status);
    this.box = box;
    this.playBtn.addEventListener("click", function () {
      self.toggle();
    });
    this.loopBtn.addEventListener("click", function () {
      self.setLoop(!self.loop);
    });
    this.blindBtn.addEventListener("click", function () {
      self.setBlind(!self.round);
    });
    this.root.addEventListener("keydown", function (e) {
      self.onKey(e);
    });
    this.root.insertBefore(box, this.root.firstChild);
    this.root.classList.add("ab-on");
    this.root.setAttribute("data-ab-state", "idle");
    this.root.courseAB = {
      position: function () {
        return self.position();
      },
      positionOf: function (k) {
        return self.engine ? self.engine.positionOf(k) : 0;
      },
      side: function () {
        return self.side;
      },
      playing: function () {
        return !!self.engine && self.engine.playing();
      },
      get mode() {
        return self.engine ? self.engine.mode : null;
      },
      get lastSwitch() {
        return self.lastSwitch;
      },
      get blind() {
        return self.round;
      },
    };
    this.render();
  };

  Player.prototype.position = function () {
    return this.engine ? this.engine.position() : 0;
  };

  /** Redraw the buttons' text and states from the player's state. */
  Player.prototype.render = function () {
    var self = this, blind = !!this.round;
    this.sideBtns.forEach(function (b, k) {
      var shown = blind ? (k === 0 ? "X" : "Y") : self.labels[k];
      b.textContent = (k === 0 ? "A: " : "B: ") + shown;
      b.setAttribute("aria-pressed", sideFor(k, self.round) === self.side ? "true" : "false");
    });
    this.loopBtn.setAttribute("aria-pressed", this.loop ? "true" : "false");
    this.blindBtn.setAttribute("aria-pressed", blind ? "true" : "false");
    this.guessBox.hidden = !blind;
    this.root.classList.toggle("ab-blind", blind);
    var playing = !!this.engine && this.engine.playing();
    this.playBtn.textContent = playing ? "Pause" : "Play";
    this.root.setAttribute("data-ab-side", String(this.side));
    var pos = this.position();
    this.root.setAttribute("data-position", pos.toFixed(3));
    var total = this.duration();
    this.time.textContent = formatTime(pos) + (total ? " / " + formatTime(total) : "");
  };

  Player.prototype.duration = function () {
    var e = this.engine;
    if (!e) {
      return 0;
    }
    if (e.mode === "webaudio") {
      return e.duration;
    }
    var d = e.els[e.side].duration;
    return isFinite(d) ? d : 0;
  };

  Player.prototype.say = function (text) {
    this.status.textContent = text;
  };

  /** The engine, made on the first Play (the only moment audio may be fetched). */
  Player.prototype.ensureEngine = function () {
    var self = this;
    if (this.engine) {
      return Promise.resolve(this.engine);
    }
    if (this.loading) {
      return this.loading;
    }
    var media = function () {
      self.engine = new MediaEngine(self.audios);
      return self.engine;
    };
    if (CA.fromDisk() || !CA.supported() || typeof fetch !== "function") {
      this.loading = Promise.resolve(media());
    } else {
      var ctx = CA.context(); // in the click's task: the context may start
      this.root.setAttribute("data-ab-state", "loading");
      this.say("Loading both sides…");
      this.loading = Promise.all(this.audios.map(function (el) {
        return fetch(el.currentSrc || el.src).then(function (r) {
          if (!r.ok) {
            throw new Error("HTTP " + r.status);
          }
          return r.arrayBuffer();
        }).then(function (data) {
          return ctx.decodeAudioData(data);
        });
      })).then(function (buffers) {
        self.engine = new WebEngine(ctx, buffers);
        return self.engine;
      }, function () {
        return media();
      });
    }
    return this.loading.then(function (engine) {
      engine.switchTo(self.side); // stopped: at once
      engine.onswitch = function (record) { // a media switch that waited for its seek
        self.noteSwitch(record);
      };
      engine.setLoop(self.loop);
      self.say("");
      return engine;
    });
  };

  Player.prototype.toggle = function () {
    if (this.engine && this.engine.playing()) {
      this.pause();
    } else {
      this.play();
    }
  };

  Player.prototype.play = function () {
    var self = this;
    players.forEach(function (p) {
      if (p !== self) {
        p.pause();
      }
    });
    if (this.engine && this.engine.mode === "webaudio") {
      CA.context(); // resume a suspended context from this gesture
    }
    return this.ensureEngine().then(function (engine) {
      if (engine.playing()) {
        return null;
      }
      return engine.play();
    }).then(function () {
      self.root.setAttribute("data-ab-state", "playing");
      self.startTick();
      self.render();
    }, function () {
      self.root.setAttribute("data-ab-state", "error");
      self.say("This browser could not play the audio; use the download links below.");
      self.render();
    });
  };

  Player.prototype.pause = function () {
    if (!this.engine || !this.engine.playing()) {
      return;
    }
    this.engine.pause();
    this.stopTick();
    this.root.setAttribute("data-ab-state", "paused");
    this.render();
  };

  Player.prototype.startTick = function () {
    var self = this;
    this.stopTick();
    this.tick = setInterval(function () {
      if (self.engine.ended()) {
        self.engine.pause();
        self.engine.seek(0);
        self.stopTick();
        self.root.setAttribute("data-ab-state", "ended");
      }
      self.render();
    }, TICK_MS);
  };

  Player.prototype.stopTick = function () {
    clearInterval(this.tick);
    this.tick = null;
  };

  Player.prototype.setLoop = function (on) {
    this.loop = on;
    if (this.engine) {
      this.engine.setLoop(on);
    }
    this.render();
  };

  /** The learner's button or key k (0 or 1): play that side from the same playhead. */
  Player.prototype.select = function (k) {
    var side = sideFor(k, this.round);
    if (side !== this.side) {
      this.lastSwitch = null;
      this.side = side;
      var record = this.engine ? this.engine.switchTo(side) : null;
      if (record) {
        this.noteSwitch(record);
      }
    }
    this.render();
  };

  /**
   * Blind test on: a new random round, the labels hidden, back to the start on X (stopped,
   * so that no audible switch gives the answer away). Off: the labels come back.
   */
  /** A switch happened: keep its record (the two sides' playheads) for tests. */
  Player.prototype.noteSwitch = function (record) {
    this.lastSwitch = record;
    this.root.setAttribute("data-ab-switch", record.from.toFixed(4) + " " + record.to.toFixed(4));
  };

  Player.prototype.setBlind = function (on) {
    if (on) {
      var seed = (Date.now() ^ Math.floor(Math.random() * 4294967296)) >>> 0;
      this.pause();
      if (this.engine) {
        this.engine.seek(0);
      }
      this.round = blindRound(seed);
      this.side = this.round.x;
      if (this.engine) {
        this.engine.switchTo(this.side); // stopped: no sound, no record
      }
      this.say("Blind test: X and Y are the two sides in random order. Listen, then guess " +
        "which is which.");
    } else {
      this.round = null;
      this.say("");
    }
    this.render();
  };

  Player.prototype.guess = function (k) {
    if (!this.round) {
      return;
    }
    var v = verdict(k, this.round, this.labels);
    this.round = null;
    this.render();
    this.say(v.text);
    this.root.setAttribute("data-ab-verdict", v.right ? "right" : "wrong");
    this.blindBtn.focus();
  };

  Player.prototype.onKey = function (e) {
    var t = e.target || {};
    var action = keyAction({
      key: e.key, ctrlKey: e.ctrlKey, metaKey: e.metaKey, altKey: e.altKey,
      tag: t.tagName, editable: !!t.isContentEditable,
    });
    if (!action) {
      return;
    }
    e.preventDefault();
    if (action === "toggle") {
      this.toggle();
    } else {
      this.select(action === "a" ? 0 : 1);
    }
  };

  function init() {
    var roots = document.querySelectorAll("[data-ab]");
    Array.prototype.forEach.call(roots, function (el) {
      if (!el.courseAB && el.querySelectorAll("figure.audio-example audio").length === 2) {
        players.push(new Player(el));
      }
    });
  }

  if (typeof document !== "undefined" && CA) {
    if (document.readyState === "loading") {
      document.addEventListener("DOMContentLoaded", init);
    } else {
      init();
    }
  }

  return {
    RAMP_S: RAMP_S,
    FADE_S: FADE_S,
    SYNC_S: SYNC_S,
    crossfade: crossfade,
    rampGain: rampGain,
    volumeSteps: volumeSteps,
    playhead: playhead,
    blindRound: blindRound,
    sideFor: sideFor,
    keyAction: keyAction,
    formatTime: formatTime,
    parseLabels: parseLabels,
    verdict: verdict,
    init: init,
  };
});
