// A keyboard-only walk through the first A/B player (ext/static/course-ab.js) on one page.
//
//   node ab.mjs <page-url> [--break-fetch]
//
// The URL is http(s) (the site served by tools/serve.py, strict CSP) or file:// (opened from
// disk: the player's media-element fallback). Only the keyboard drives the player: Tab to
// Play, Space plays, B and A switch while playing and while paused, Loop and the blind test
// with a guess. Around each switch the script reads the player's playhead
// (root.courseAB.position()) and the page clock, so the caller can check that the position
// is kept. axe-core runs (light and dark) on the enhanced player, in blind mode and after
// the guess. Prints one JSON document: steps, measurements, requests, console errors, CSP
// violations and axe violations. --break-fetch makes every fetch() of audio fail (media
// elements still load), as when a server or a browser cannot hand the files to Web Audio:
// the player must fall back to its media-element engine. Last, in print media, the script
// records whether the transport is hidden and the two players shown.
import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { chromium } from "playwright-core";
import { CHROMIUM, FLAGS } from "./chromium.mjs";

const require = createRequire(import.meta.url);
const axeSource = readFileSync(require.resolve("axe-core/axe.min.js"), "utf8");
const AXE_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "best-practice"];
const [url, ...options] = process.argv.slice(2);
const MAX_TABS = 200;

const browser = await chromium.launch({
  executablePath: CHROMIUM, headless: true,
  args: [...FLAGS, "--autoplay-policy=no-user-gesture-required"],
});
const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
await context.addInitScript(() => {
  window.__csp = [];
  document.addEventListener("securitypolicyviolation", (e) => {
    window.__csp.push(`${e.violatedDirective} blocked ${e.blockedURI || "inline"} (${e.sourceFile || ""}:${e.lineNumber || ""})`);
  });
});
const page = await context.newPage();
if (options.includes("--break-fetch")) {
  await page.route(/\.(mp3|wav)(\?|$)/i, (route) =>
    route.request().resourceType() === "fetch" ? route.abort() : route.continue());
}
const result = { url, steps: {}, switches: [], console: [], csp: [], axe: [], requests: [],
                 audioBeforePlay: [], failed: [], errors: [] };
page.on("request", (r) => result.requests.push({ url: r.url(), at: Date.now() }));
page.on("response", (r) => { if (r.status() >= 400) result.failed.push(`${r.status()} ${r.url()}`); });
page.on("console", (m) => { if (m.type() === "error") result.console.push(m.text()); });
page.on("pageerror", (e) => result.console.push(`uncaught: ${e.message}`));
const isAudio = (u) => /\.(mp3|wav|ogg|flac)(\?|$)/i.test(u);

async function axe(label) {
  for (const scheme of ["light", "dark"]) {
    await page.emulateMedia({ colorScheme: scheme });
    await page.waitForTimeout(30);
    const violations = await page.evaluate(async (tags) => {
      const r = await window.axe.run({ include: [["[data-ab]"]] }, { runOnly: { type: "tag", values: tags }, resultTypes: ["violations"], preload: false });
      return r.violations.map((v) => ({ id: v.id, help: v.help, nodes: v.nodes.slice(0, 3).map((n) => n.target.join(" ")) }));
    }, AXE_TAGS);
    result.axe.push({ state: label, scheme, violations });
  }
  await page.emulateMedia({ colorScheme: "light" });
}

// The player's state, seen from the page.
const state = () => page.evaluate(() => {
  const root = document.querySelector("[data-ab]");
  const el = document.activeElement;
  const style = el ? getComputedStyle(el) : null;
  const api = root && root.courseAB;
  return {
    enhanced: !!(root && root.classList.contains("ab-on") && api),
    mode: api ? api.mode : null,
    side: api ? api.side() : null,
    playing: api ? api.playing() : false,
    position: api ? api.position() : null,
    now: performance.now(),
    abState: root ? root.getAttribute("data-ab-state") : null,
    pressed: root ? [...root.querySelectorAll(".ab-side")].map((b) => b.getAttribute("aria-pressed")) : [],
    sideText: root ? [...root.querySelectorAll(".ab-side")].map((b) => b.textContent) : [],
    loop: root && root.querySelector(".ab-loop") ? root.querySelector(".ab-loop").getAttribute("aria-pressed") : null,
    blind: root && root.querySelector(".ab-blind-toggle") ? root.querySelector(".ab-blind-toggle").getAttribute("aria-pressed") : null,
    blindX: api && api.blind ? api.blind.x : null,
    figuresShown: root ? [...root.querySelectorAll("figure.audio-example")].filter((f) => getComputedStyle(f).display !== "none").length : 0,
    status: root && root.querySelector("[aria-live]") ? root.querySelector("[aria-live]").textContent : "",
    lastSwitch: api && api.lastSwitch ? api.lastSwitch : null,
    focus: el ? { tag: el.tagName, cls: el.className || "", text: (el.textContent || "").trim().slice(0, 40),
                  visible: (style.outlineStyle !== "none" && parseFloat(style.outlineWidth) > 0) || style.boxShadow !== "none" } : null,
  };
});

async function tabTo(cls) {
  for (let i = 0; i < MAX_TABS; i++) {
    await page.keyboard.press("Tab");
    const s = await state();
    if (s.focus && String(s.focus.cls).split(" ").includes(cls)) return { tabs: i + 1, visible: s.focus.visible };
  }
  return null;
}

async function waitFor(pred, ms = 10000) {
  const end = Date.now() + ms;
  let s = await state();
  while (!pred(s) && Date.now() < end) {
    await page.waitForTimeout(50);
    s = await state();
  }
  return s;
}

function errorOf(before, after, elapsed) {
  if (after < before) return after - before;
  return Math.max(0, after - before - elapsed);
}

// One switch by key: position and page clock just before and just after.
async function keySwitch(key, label) {
  const before = await state();
  await page.keyboard.press(key);
  const after = await state();
  // a media-element switch may wait for a seek: its record comes a little later
  const settled = await waitFor((x) => x.lastSwitch !== null || !x.enhanced, 500);
  const elapsed = (after.now - before.now) / 1000;
  const entry = {
    label, key, playing: before.playing, sideBefore: before.side, sideAfter: after.side,
    before: before.position, after: after.position, elapsed,
    // How far the playhead left the window a perfect switch keeps it in: from the position
    // before the key to that plus the time that passed while playing. (Inside the window the
    // error is 0: a media element's currentTime advances in steps, so "after" may lag.)
    error: errorOf(before.position, after.position, before.playing ? elapsed : 0),
    record: settled.lastSwitch, pressed: after.pressed,
  };
  result.switches.push(entry);
  return entry;
}

try {
  await page.goto(url, { waitUntil: "load" });
  await page.evaluate(axeSource);
  let s = await state();
  result.steps.enhanced = s.enhanced;
  if (!s.enhanced) throw new Error("no enhanced A/B player on the page");
  await axe("ready");
  // the enhanced page, for the Nu HTML Checker
  result.enhancedHtml = await page.evaluate(() => "<!DOCTYPE html>\n" + document.documentElement.outerHTML);

  // Tab to Play; Space plays (nothing fetched before).
  const reach = await tabTo("ab-play");
  result.steps.reachPlay = reach;
  if (!reach) throw new Error("Tab never reached the Play button");
  const keyAt = Date.now();
  result.audioBeforePlay = result.requests.filter((r) => isAudio(r.url) && r.at < keyAt).map((r) => r.url);
  await page.keyboard.press("Space");
  s = await waitFor((x) => x.playing && x.position > 0.3);
  result.steps.play = { playing: s.playing, position: s.position, mode: s.mode,
                        fetchedAfterKey: result.requests.some((r) => isAudio(r.url) && r.at >= keyAt) };
  result.mode = s.mode;

  // Switch while playing, there and back, three times.
  for (let i = 0; i < 3; i++) {
    await page.waitForTimeout(250);
    await keySwitch("b", `play-${i}-b`);
    await page.waitForTimeout(250);
    await keySwitch("a", `play-${i}-a`);
  }
  // Space on Play pauses; switches while paused keep the position exactly.
  await page.keyboard.press("Space");
  s = await waitFor((x) => !x.playing, 3000);
  result.steps.pause = { playing: s.playing, position: s.position };
  await keySwitch("b", "paused-b");
  await keySwitch("a", "paused-a");

  // Loop: Tab to it, Space toggles aria-pressed.
  const loop = await tabTo("ab-loop");
  await page.keyboard.press("Space");
  s = await state();
  result.steps.loop = { reached: !!loop, pressed: s.loop };
  await page.keyboard.press("Space");

  // Blind test: Tab to it, Enter; the labels go; guess with the keyboard.
  const blind = await tabTo("ab-blind-toggle");
  await page.keyboard.press("Enter");
  s = await state();
  result.steps.blindOn = { reached: !!blind, pressed: s.blind, figuresShown: s.figuresShown,
                           sideText: s.sideText, x: s.blindX, status: s.status };
  await axe("blind");
  // play X from the keyboard (focus is in the player: A is X)
  await page.keyboard.press("a");
  const guess = await tabTo("ab-guess-button");
  if (guess && s.blindX === 1) await page.keyboard.press("Tab");   // the second guess: "X is <label B>"
  const chosen = (await state()).focus;
  await page.keyboard.press("Enter");
  s = await state();
  result.steps.guess = { reached: !!guess, chosen: chosen && chosen.text, status: s.status,
                         blind: s.blind, figuresShown: s.figuresShown, sideText: s.sideText,
                         focusVisible: s.focus ? s.focus.visible : false };
  await axe("revealed");

  // Keys typed in a field elsewhere on the page stay there.
  const field = await page.$("input[type=text]");
  if (field) {
    const sideBefore = (await state()).side;
    await field.focus();
    await page.keyboard.type("ab b");
    s = await state();
    result.steps.field = { value: await field.inputValue(), sideBefore, sideAfter: s.side, playing: s.playing };
  }

  // Print: no transport, the two players as without JavaScript.
  await page.emulateMedia({ media: "print" });
  result.steps.print = await page.evaluate(() => {
    const root = document.querySelector("[data-ab]");
    const shown = (el) => el.getClientRects().length > 0 && getComputedStyle(el).visibility !== "hidden";
    return {
      buttonsShown: [...root.querySelectorAll("button")].filter(shown).length,
      playersShown: [...root.querySelectorAll("audio")].filter(shown).length,
    };
  });
  await page.emulateMedia({ media: "screen" });
  result.csp = await page.evaluate(() => window.__csp.splice(0));
} catch (err) {
  result.errors.push(String(err && err.stack || err));
  try { result.csp = await page.evaluate(() => window.__csp.splice(0)); } catch { /* page gone */ }
}
result.requests = result.requests.map((r) => r.url);
await browser.close();
process.stdout.write(JSON.stringify(result));
