// The listening gym in Chromium. One script, one mode per concern; prints JSON.
//
//   node gym.mjs agreement <page-url> <out.json>   seeded stimuli (EQ, gain step, pan) with
//                                                  the noise that went in, for scipy
//   node gym.mjs keyboard <kind>=<page-url> ...    keyboard only: pass level 1 of each drill
//   node gym.mjs progress <drill-url> <index-url>  progress survives a reload; export, then
//                                                  import, gives the same record back
//   node gym.mjs bad-input <drill-url> <index-url> a corrupt stored record and a tampered
//                                                  import: the message, progress kept
//   node gym.mjs disk <file-url>                   opened from disk: Start plays sound
//   node gym.mjs music <file-url> <level>          eq-band at a music level (0-based): the
//                                                  sound, or the drill's message, and the peak
//   node gym.mjs first-sound <page-url> <kind>     ms from the Start click to the first
//                                                  non-silent output frame
//   node gym.mjs axe <page-url> ...                axe-core on running drills (Start pressed,
//                                                  one answer given) and on the index with
//                                                  its export open, light and dark; CSP reports
//
// The keyboard mode reads the right answer from data-test-answer, which course-gym.js sets
// only when the page's query holds "gym-test".
import { readFileSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import { chromium } from "playwright-core";
import { CHROMIUM, FLAGS } from "./chromium.mjs";

const [mode, ...args] = process.argv.slice(2);
const browser = await chromium.launch({
  executablePath: CHROMIUM, headless: true,
  args: [...FLAGS, "--autoplay-policy=no-user-gesture-required"],
});
const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
const page = await context.newPage();
page.setDefaultTimeout(15000);
const errors = [];
page.on("pageerror", (e) => errors.push(String(e)));
page.on("console", (m) => { if (m.type() === "error") errors.push(m.text()); });
const out = { mode, errors };

function withTest(url) {
  return url + (url.includes("?") ? "&" : "?") + "gym-test";
}

// Tab from the top of the page to the Start button of drill `kind`; returns the presses.
async function tabTo(selector) {
  for (let i = 1; i <= 400; i++) {
    await page.keyboard.press("Tab");
    if (await page.evaluate((sel) => document.activeElement && document.activeElement.matches(sel), selector)) {
      return i;
    }
  }
  throw new Error(`Tab never reached ${selector}`);
}

const focusVisible = () => page.evaluate(() => {
  const el = document.activeElement;
  const st = getComputedStyle(el);
  return st.outlineStyle !== "none" && parseFloat(st.outlineWidth) > 0;
});

// Answer one level of a drill from the keyboard; returns the level result.
async function runLevel(kind) {
  const root = `[data-drill="${kind}"]`;
  const tabs = await tabTo(`${root} .gym-start`);
  const visible = await focusVisible();
  await page.keyboard.press("Enter");
  let trials = 0;
  for (; trials < 100; trials++) {
    const state = await page.$eval(root, (n) => ({
      result: n.getAttribute("data-level-result"), answer: n.getAttribute("data-test-answer"),
      controls: [...n.querySelectorAll(".gym-group")].map((g) => g.getAttribute("aria-label")),
    }));
    if (state.result) return { kind, tabs, focusVisible: visible, trials, result: state.result };
    const answer = JSON.parse(state.answer);
    const spec = await page.$eval(root, (n) => [...n.querySelectorAll(".gym-choice")].map((b) => b.textContent));
    if (answer.sign) await page.keyboard.press(answer.sign === "+" ? "+" : "-");
    const value = answer.band ?? answer.position ?? answer.width ?? answer.time;
    if (value !== undefined) {
      await page.keyboard.press(String(value + 1));
    } else if (answer.louder) {
      await page.keyboard.press(answer.louder === "A" ? "1" : "2");
    }
    if (state.controls.length > 1) await page.keyboard.press("Enter");  // Check
    await page.waitForFunction((sel) => !document.querySelector(`${sel} .gym-actions button:last-child`).hidden, root);
    await page.keyboard.press("Enter");  // Next
    if (!spec.length) throw new Error("no answer buttons");
  }
  return { kind, tabs, focusVisible: visible, trials, result: "unfinished" };
}

const gymRecord = () => page.evaluate(() => JSON.parse(localStorage.getItem("course-learner") || "null"));

if (mode === "agreement") {
  const [url, file] = args;
  await page.goto(url, { waitUntil: "load" });
  // every live family, whichever drill page this is
  for (const family of ["eq", "levels", "space"]) {
    await page.addScriptTag({ url: new URL(`../_static/gym/${family}.js`, url).href });
  }
  const data = await page.evaluate(async () => {
    const arr = (x) => Array.from(x);
    const eq = await CourseGymEq.stimulus({ freq: 1000, q: Math.SQRT2, gain: 9, seconds: 2, seed: 11 });
    const eqCut = await CourseGymEq.stimulus({ freq: 125, q: 4.3184, gain: -6, seconds: 2, seed: 12 });
    const steps = [];
    for (const db of [-12, -6, -3, -1, -0.5, 0.5, 3]) {
      const r = await CourseGymLevels.gainStep(0.5, db, 13);
      steps.push({ db, noise: arr(r.noise), output: arr(r.output) });
    }
    const pans = [];
    for (const p of [-1, -0.5, -0.25, 0, 0.25, 0.5, 1]) {
      const r = await CourseGymSpace.panStimulus(p, 0.5, 14);
      pans.push({ p, noise: arr(r.noise), left: arr(r.left), right: arr(r.right) });
    }
    const music = [];
    for (const [name, freq, gain] of [["mix", 1000, 6], ["drums", 4000, -9]]) {
      const x = await CourseGymEq.load(name);
      const b = await CourseGymEq.renderPeaks(x, [{ freq, q: Math.SQRT2, gain }]);
      music.push({ name, freq, q: Math.SQRT2, gain, input: arr(x), output: arr(b.getChannelData(0)) });
    }
    return {
      music,
      eq: [
        { freq: 1000, q: Math.SQRT2, gain: 9, noise: arr(eq.noise), output: arr(eq.output) },
        { freq: 125, q: 4.3184, gain: -6, noise: arr(eqCut.noise), output: arr(eqCut.output) },
      ],
      steps, pans,
    };
  });
  writeFileSync(file, JSON.stringify(data));
  out.written = file;
} else if (mode === "keyboard") {
  out.runs = [];
  for (const pair of args) {
    const [kind, url] = pair.split(/=(.*)/s);
    await page.goto(withTest(url), { waitUntil: "load" });
    out.runs.push(await runLevel(kind));
  }
  out.record = await gymRecord();
} else if (mode === "progress") {
  const [drillUrl, indexUrl, kind] = args;
  await page.goto(withTest(drillUrl), { waitUntil: "load" });
  out.run = await runLevel(kind);
  await page.reload({ waitUntil: "load" });
  out.afterReload = await page.$eval(`[data-drill="${kind}"] .gym-passed`, (n) => n.textContent);
  out.before = await gymRecord();
  await page.goto(indexUrl, { waitUntil: "load" });
  out.indexLevel = await page.$eval(`.gym-kind-${kind} .gym-level`, (n) => n.textContent);
  await page.click("text=Export progress");
  const exported = await page.$eval("#gym-export-text", (n) => n.value);
  out.exportedHref = (await page.$eval(".gym-download", (a) => a.getAttribute("href"))).slice(0, 40);
  await page.evaluate(() => localStorage.clear());
  await page.reload({ waitUntil: "load" });
  out.cleared = await gymRecord();
  await page.setInputFiles("#gym-import", { name: "progress.json", mimeType: "application/json", buffer: Buffer.from(exported) });
  await page.waitForFunction(() => document.querySelector(".gym-store-message").textContent.length > 0);
  out.importMessage = await page.$eval(".gym-store-message", (n) => n.textContent);
  out.after = await gymRecord();
  // Reset: the gym's area only; another tool's area stays.
  await page.evaluate(() => {
    const rec = JSON.parse(localStorage.getItem("course-learner"));
    rec.areas.other = { kept: true };
    localStorage.setItem("course-learner", JSON.stringify(rec));
  });
  await page.reload({ waitUntil: "load" });
  page.once("dialog", (d) => d.accept());
  await page.click("text=Reset the gym");
  await page.waitForFunction(() => /reset/.test(document.querySelector(".gym-store-message").textContent));
  out.afterReset = (await gymRecord()).areas;
  out.resetMessage = await page.$eval(".gym-store-message", (n) => n.textContent);
  out.sameAreas = Boolean(out.before) && JSON.stringify(out.before.areas) === JSON.stringify(out.after && out.after.areas);
} else if (mode === "bad-input") {
  const [drillUrl, indexUrl, tampered] = args;
  await page.goto(drillUrl, { waitUntil: "load" });
  const good = { format: "open-audio-course-progress", version: 1, updated: null,
    areas: { gym: { drills: { pan: { level: 2, levels: 4, title: "Panning", page: "gym/space" } } } } };
  // 1. a tampered import file: clear message, progress kept
  await page.evaluate((rec) => localStorage.setItem("course-learner", JSON.stringify(rec)), good);
  await page.goto(indexUrl, { waitUntil: "load" });
  await page.setInputFiles("#gym-import", { name: "progress.json", mimeType: "application/json", buffer: Buffer.from(tampered) });
  await page.waitForFunction(() => document.querySelector(".gym-store-message").textContent.length > 0);
  out.tamperedMessage = await page.$eval(".gym-store-message", (n) => n.textContent);
  out.keptAfterImport = JSON.stringify((await gymRecord()).areas) === JSON.stringify(good.areas);
  // 2. a corrupt stored record: clear message on the drill and index pages, a copy kept
  const corrupt = JSON.stringify({ ...good, areas: { gym: { drills: { pan: { level: 9, levels: 4, title: "Panning", page: "gym/space" } } } } });
  await page.evaluate((raw) => { localStorage.clear(); localStorage.setItem("course-learner", raw); }, corrupt);
  await page.goto(drillUrl, { waitUntil: "load" });
  out.drillProblem = await page.$eval(".gym-problem", (n) => (n.hidden ? "" : n.textContent));
  await page.goto(indexUrl, { waitUntil: "load" });
  out.indexProblem = await page.$eval(".gym-progress-tools .gym-problem", (n) => (n.hidden ? "" : n.textContent));
  out.damagedKept = await page.evaluate(() => localStorage.getItem("course-learner:damaged"));
  out.corrupt = corrupt;
} else if (mode === "disk" || mode === "first-sound") {
  const [url, kind = "eq-band"] = args;
  await page.goto(url, { waitUntil: "load" });
  const root = `[data-drill="${kind}"]`;
  out.mounted = await page.$eval(`${root} .gym-app`, (n) => !n.hidden);
  // Listen to the course's output (after the ceiling) from the page's own AudioContext.
  await page.evaluate(() => {
    const play = CourseAudio.play;
    window.__gym = { frames: 0 };
    CourseAudio.play = function (buffer, opts) {
      const ctx = CourseAudio.context();
      if (!window.__gym.analyser) {
        const an = ctx.createAnalyser();
        an.fftSize = 512;
        ctx.courseOutput.ceiling.connect(an);
        window.__gym.analyser = an;
        const data = new Float32Array(512);
        const poll = () => {
          an.getFloatTimeDomainData(data);
          let peak = 0;
          for (const v of data) peak = Math.max(peak, Math.abs(v));
          if (peak > 1e-4 && !window.__gym.sounding) {
            window.__gym.sounding = performance.now();
            window.__gym.peak = peak;
          }
          if (!window.__gym.sounding) setTimeout(poll, 2);
        };
        poll();
      }
      return play(buffer, opts);
    };
    document.querySelector(".gym-start").addEventListener("click", () => { window.__gym.clicked = performance.now(); }, { capture: true });
  });
  await page.click(`${root} .gym-start`);
  await page.waitForFunction(() => window.__gym.sounding, null, { timeout: 20000 });
  const g = await page.evaluate(() => ({ ms: window.__gym.sounding - window.__gym.clicked, peak: window.__gym.peak,
    state: CourseAudio.context().state, protocol: location.protocol }));
  Object.assign(out, g);
  out.played = await page.$eval(root, (n) => Number(n.getAttribute("data-played") || 0));
  out.startToPlayMs = await page.$eval(root, (n) => Number(n.getAttribute("data-first-sound-ms")));
} else if (mode === "music") {
  const [url, level] = args;
  const root = '[data-drill="eq-band"]';
  await page.goto(url, { waitUntil: "load" });
  await page.selectOption(`${root} select`, level);
  await page.evaluate(() => {
    const play = CourseAudio.play;
    window.__gym = {};
    CourseAudio.play = function (buffer, opts) {
      const an = CourseAudio.context().createAnalyser();
      an.fftSize = 2048;
      CourseAudio.context().courseOutput.ceiling.connect(an);
      const data = new Float32Array(2048);
      const poll = () => {
        an.getFloatTimeDomainData(data);
        for (const v of data) window.__gym.peak = Math.max(window.__gym.peak || 0, Math.abs(v));
        if (!(window.__gym.peak > 1e-4)) setTimeout(poll, 5);
      };
      poll();
      return play(buffer, opts);
    };
  });
  await page.click(`${root} .gym-start`);
  await page.waitForFunction((r) => window.__gym.peak > 1e-4 ||
    document.querySelector(`${r} .gym-feedback`).textContent, root, { timeout: 20000 });
  Object.assign(out, await page.evaluate((r) => ({
    peak: window.__gym.peak || 0, protocol: location.protocol,
    feedback: document.querySelector(`${r} .gym-feedback`).textContent,
    loaded: Object.keys(window.CourseGymMusic || {}),
    level: document.querySelector(`${r} select`).selectedOptions[0].textContent,
  }), root));
} else if (mode === "axe") {
  const require = createRequire(import.meta.url);
  const axeSource = readFileSync(require.resolve("axe-core/axe.min.js"), "utf8");
  const TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "best-practice"];
  const COLOR = ["color-contrast", "link-in-text-block"];
  await page.addInitScript(() => {
    window.__csp = [];
    document.addEventListener("securitypolicyviolation", (e) => window.__csp.push(`${e.violatedDirective} ${e.blockedURI}`));
  });
  const axe = (runOnly) => page.evaluate(async (runOnly) => (await window.axe.run(document, { runOnly, resultTypes: ["violations"] }))
    .violations.map((v) => `${v.id}: ${v.help} at ${v.nodes.slice(0, 3).map((n) => n.target.join(" ")).join("; ")}`), runOnly);
  out.pages = [];
  for (const url of args) {
    await page.emulateMedia({ colorScheme: "light" });
    await page.goto(url, { waitUntil: "load" });
    for (const start of await page.$$(".gym-start")) {
      await start.click();
      const drill = await start.evaluateHandle((b) => b.closest("[data-drill]"));
      const choice = await drill.$(".gym-choice");
      if (choice) await choice.click();
      const buttons = await drill.$$(".gym-actions button");
      if (buttons.length && await buttons[0].isVisible()) await buttons[0].click();
    }
    const exp = await page.$("text=Export progress");
    if (exp) await exp.click();
    await page.evaluate(axeSource);
    const light = await axe({ type: "tag", values: TAGS });
    await page.emulateMedia({ colorScheme: "dark" });
    await page.evaluate(() => { document.body.dataset.theme = "dark"; });
    await page.waitForTimeout(50);
    const dark = await axe({ type: "rule", values: COLOR });
    const started = await page.$$eval("[data-drill] .gym-trial", (t) => t.filter((x) => !x.hidden).length);
    out.pages.push({ url, light, dark, started, csp: await page.evaluate(() => window.__csp) });
  }
} else {
  throw new Error(`unknown mode ${mode}`);
}
await browser.close();
console.log(JSON.stringify(out));
