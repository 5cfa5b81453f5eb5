// The live labs in Chromium (tests/labs/test_labs_browser.py drives this script).
//
//   node labs.mjs agreement <page-url> [sabotage-json]
//       For every [data-lab] on the page: CourseLabs.renderDefault(kind) (the default setting
//       rendered in an OfflineAudioContext). Prints {kind: {x, y, extra}}. sabotage-json
//       ({"kind": dB}) adds dB to a kind's y inside the page first: a broken fixture, to
//       prove that the comparison catches a lab that differs by that much.
//   node labs.mjs keyboard <page-url>
//       A keyboard-only walk through the first lab: Tab to Reveal, Enter, arrow keys on the
//       first slider, Tab to Reset and press it, Tab to Play and press it. Prints each step.
//   node labs.mjs badinput <page-url>
//       Types 99999 and then "abc" into every lab's first number field; prints the shown
//       values and the statistics of the sound rendered offline with the resulting values.
//   node labs.mjs axe <page-url> [break]
//       Reveals every lab (so its controls, curve and live region are in the page), then runs
//       axe-core on the labs in light mode (WCAG 2.0/2.1 A and AA, best practice) and in dark
//       mode (the color rules), and collects CSP violations. With "break", the first
//       control's label is detached first: a broken fixture that axe must report.
//
// Uncaught exceptions are reported in "exceptions", console errors in "errors".
import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { launch } from "./chromium.mjs";

const [mode, url, extra] = process.argv.slice(2);
const browser = await launch();
const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
await context.addInitScript(() => {
  window.__csp = [];
  document.addEventListener("securitypolicyviolation", (e) => {
    window.__csp.push(`${e.violatedDirective} blocked ${e.blockedURI || "inline"} (${e.sourceFile || ""}:${e.lineNumber || ""})`);
  });
});
const page = await context.newPage();
const errors = [];
const exceptions = [];
page.on("pageerror", (e) => exceptions.push(String(e && e.stack || e)));
page.on("console", (m) => { if (m.type() === "error") errors.push(m.text()); });
await page.goto(url, { waitUntil: "load" });
await page.waitForFunction(() => window.CourseLabs && document.querySelectorAll(".course-lab-live").length ===
  document.querySelectorAll("[data-lab]").length, null, { timeout: 15000 }).catch(() => {});
const out = { url, errors, exceptions, labs: await page.evaluate(() => [...document.querySelectorAll("[data-lab]")].map((r) => ({
  kind: r.dataset.lab, live: r.classList.contains("course-lab-live") }))) };

if (mode === "agreement") {
  const sabotage = extra ? JSON.parse(extra) : {};
  out.results = await page.evaluate(async (sabotage) => {
    const results = {};
    for (const kind of new Set([...document.querySelectorAll("[data-lab]")].map((r) => r.dataset.lab))) {
      try {
        const r = await window.CourseLabs.renderDefault(kind);
        const shift = sabotage[kind] || 0;
        results[kind] = { x: Array.from(r.x), y: Array.from(r.y, (v) => v + shift), extra: r.extra || null };
      } catch (e) {
        results[kind] = { error: String(e && e.stack || e) };
      }
    }
    return results;
  }, sabotage);
} else if (mode === "keyboard") {
  const steps = {};
  const active = () => page.evaluate(() => {
    const el = document.activeElement;
    const style = el ? getComputedStyle(el) : null;
    return el ? { tag: el.tagName, type: el.type || "", cls: el.className || "", id: el.id || "",
      text: (el.textContent || "").trim().slice(0, 60),
      visible: style.outlineStyle !== "none" && parseFloat(style.outlineWidth) > 0 } : {};
  });
  const tabTo = async (pred, max = 400, key = "Tab") => {
    for (let i = 0; i < max; i++) {
      await page.keyboard.press(key);
      const a = await active();
      if (pred(a)) return { ...a, tabs: i + 1 };
    }
    return null;
  };
  const firstValue = () => page.evaluate(() => document.querySelector(".course-lab-value").value);
  steps.reveal = await tabTo((a) => a.cls.includes("course-lab-reveal"));
  if (steps.reveal) {
    await page.keyboard.press("Enter");
    steps.afterReveal = await active();
    steps.panelShown = await page.evaluate(() => !document.querySelector(".course-lab-panel").hidden);
    steps.before = await firstValue();
    await page.keyboard.press("ArrowRight");
    await page.keyboard.press("ArrowRight");
    steps.after = await firstValue();
    steps.curveSummary = await page.evaluate(() => document.querySelector(".course-lab-summary").textContent);
    steps.reset = await tabTo((a) => a.cls.includes("course-lab-reset"), 40);
    if (steps.reset) {
      await page.keyboard.press("Enter");
      steps.afterReset = await firstValue();
    }
    // Play comes just before Reset: search backwards (forwards, a page with many labs has
    // more than 40 stops after Reset before the focus wraps around).
    steps.play = await tabTo((a) => a.cls.includes("course-lab-play"), 40, "Shift+Tab");
    if (steps.play && steps.play.cls && steps.play.cls.includes("course-lab-reset")) {
      await page.keyboard.press("Shift+Tab");
      steps.play = await active();
    }
    await page.keyboard.press("Enter");
    await page.waitForTimeout(600);
    steps.playing = await page.evaluate(() => {
      const lab = window.CourseLabs.instances()[0];
      return { pressed: document.querySelector(".course-lab-play").getAttribute("aria-pressed"),
        state: window.CourseAudio.context().state, levelDb: lab.level() };
    });
    await page.keyboard.press("Enter");
    steps.stopped = await page.evaluate(() => document.querySelector(".course-lab-play").getAttribute("aria-pressed"));
    steps.status = await page.evaluate(() => document.querySelector(".course-lab-status").textContent);
  }
  out.steps = steps;
} else if (mode === "badinput") {
  out.results = await page.evaluate(() => [...document.querySelectorAll("[data-lab]")].map((r) => r.dataset.lab));
  const results = [];
  const roots = await page.$$("[data-lab]");
  for (let i = 0; i < roots.length; i++) {
    const root = roots[i];
    await root.$eval(".course-lab-reveal", (b) => b.click());
    const field = await root.$(".course-lab-value");
    const entry = { kind: await root.getAttribute("data-lab") };
    if (field) {
      for (const typed of ["99999", "abc", "-99999"]) {
        await field.fill("");
        await field.type(typed);
        await field.press("Enter");
        entry[typed] = await field.inputValue();
      }
      await field.fill("");
      await field.type("99999");
      await field.press("Enter");
      entry.shown = await field.inputValue();
      entry.status = await root.$eval(".course-lab-status", (s) => s.textContent);
      entry.sound = await page.evaluate(async (i) => {
        const lab = window.CourseLabs.instances()[i];
        return window.CourseLabs.renderSound(lab.kind, lab.values, 1.5);
      }, i);
      entry.params = await root.getAttribute("data-lab-params");
    }
    results.push(entry);
  }
  out.results = results;
} else if (mode === "axe") {
  const require = createRequire(import.meta.url);
  const axeSource = readFileSync(require.resolve("axe-core/axe.min.js"), "utf8");
  await page.evaluate((broken) => {
    document.querySelectorAll(".course-lab-reveal").forEach((b) => b.click());
    if (broken) {
      document.querySelector(".course-lab-control label").removeAttribute("for");
      document.querySelector(".course-lab-value").removeAttribute("aria-label");
    }
  }, extra === "break");
  await page.waitForTimeout(500);
  await page.evaluate(axeSource);
  const run = (runOnly) => page.evaluate(async (runOnly) => {
    const r = await window.axe.run({ include: [[".course-lab"]] }, { runOnly, resultTypes: ["violations"] });
    return r.violations.map((v) => ({ id: v.id, help: v.help, count: v.nodes.length,
      nodes: v.nodes.slice(0, 3).map((n) => n.html.slice(0, 160)) }));
  }, runOnly);
  out.light = await run({ type: "tag", values: ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "best-practice"] });
  await page.emulateMedia({ colorScheme: "dark" });
  await page.waitForTimeout(50);
  out.dark = await run({ type: "rule", values: ["color-contrast", "link-in-text-block"] });
  out.csp = await page.evaluate(() => window.__csp.splice(0));
}
await browser.close();
process.stdout.write(JSON.stringify(out));
