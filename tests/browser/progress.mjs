// The learner's course in a browser (tests/roots/test-progress, built): quiz → progress page →
// review queue → reload; mark a lesson done → sidebar tick after reload; bad input (a corrupt
// stored record, an import from a newer version, a hand-edited import) → a clear message and
// the stored record unchanged; Export, Import, Reset; the page without JavaScript.
//
//   node progress.mjs <site root URL ending in "/": http://… (tools/serve.py) or file:///…>
//
// Prints JSON of what it saw; tests/progress/ asserts on it. Also records CSP violations,
// console errors, page errors and requests to other origins.
import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { launch } from "./chromium.mjs";

const require = createRequire(import.meta.url);
const axeSource = readFileSync(require.resolve("axe-core/axe.min.js"), "utf8");
const AXE_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "best-practice"];

const [base] = process.argv.slice(2);
const KEY = "course-learner";
const DAMAGED = "course-learner:damaged";
const DAY = 86400000;
const browser = await launch();
const out = { base, csp: [], errors: [], otherOrigins: [], axe: {} };
const origin = base.startsWith("http") ? new URL(base).origin : null;

async function newContext(options = {}) {
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 }, ...options });
  await context.addInitScript(() => {
    document.addEventListener("securitypolicyviolation", (e) => {
      (window.__csp = window.__csp || []).push(`${e.violatedDirective} ${e.blockedURI} ${e.sourceFile}:${e.lineNumber}`);
    });
  });
  context.on("page", watch);
  return context;
}

function watch(page) {
  // (axe-core's own requests for the stylesheets fail from file://: not the page's errors)
  page.on("console", (m) => { if (m.type() === "error" && !auditing) out.errors.push(`console: ${m.text()}`); });
  page.on("pageerror", (e) => out.errors.push(`pageerror: ${e.message}`));
  page.on("response", (r) => { if (r.status() >= 400) out.errors.push(`HTTP ${r.status()}: ${r.url()}`); });
  page.on("request", (r) => {
    const u = new URL(r.url());
    if (origin && /^(https?|wss?):$/.test(u.protocol) && u.origin !== origin) out.otherOrigins.push(r.url());
  });
}

async function open(page, path) {
  await page.goto(base + path, { waitUntil: "load" });
  await page.waitForTimeout(50);
  out.csp.push(...(await page.evaluate(() => window.__csp || [])));
}

// axe-core on the page as it is now, light then dark (as tests/browser/audit.mjs)
let auditing = false;
async function axe(page, name) {
  auditing = true;
  await page.evaluate(axeSource);
  for (const scheme of ["light", "dark"]) {
    await page.emulateMedia({ colorScheme: scheme });
    await page.waitForTimeout(30);
    out.axe[`${name} ${scheme}`] = await page.evaluate(async (tags) => {
      const r = await window.axe.run(document, { runOnly: { type: "tag", values: tags }, resultTypes: ["violations"] });
      return r.violations.map((v) => `${v.id}: ${v.help} at ${v.nodes.slice(0, 3).map((n) => n.target.join(" ")).join("; ")}`);
    }, AXE_TAGS);
  }
  await page.emulateMedia({ colorScheme: "light" });
  await page.waitForTimeout(50);
  auditing = false;
}

const stored = (page) => page.evaluate((k) => localStorage.getItem(k), KEY);

// What the progress page shows.
function progressView(page) {
  return page.evaluate(() => {
    const root = document.querySelector("[data-progress]");
    const cell = (m, cls) => root.querySelector(`tr[data-module="${m}"] .${cls}`)?.textContent;
    const items = (sel) => [...root.querySelectorAll(`${sel} li`)].map((li) => ({
      text: li.textContent, href: li.querySelector("a")?.getAttribute("href") }));
    const message = root.querySelector(".learner-message");
    return {
      nojsHidden: root.querySelector(".learner-nojs").hidden,
      says: root.textContent.includes("kept in this browser only"),
      m1: [cell(1, "learner-answered"), cell(1, "learner-right"), cell(1, "learner-lessons")],
      m2: [cell(2, "learner-answered"), cell(2, "learner-right"), cell(2, "learner-lessons")],
      due: items("ul.learner-due"),
      later: items("ul.learner-later"),
      done: items("ul.learner-lessons-done"),
      drills: items("ul.learner-drills"),
      message: message ? message.textContent : null,
      exportPrefix: (root.querySelector("a.learner-export")?.getAttribute("href") || "").slice(0, 40),
      damagedShown: !!root.querySelector("a.learner-damaged[href^='data:application/json']"),
    };
  });
}

function sidebar(page) {
  return page.evaluate(() => [...document.querySelectorAll(".sidebar-tree a.reference")]
    .filter((a) => a.classList.contains("learner-done-link"))
    .map((a) => ({ text: a.textContent.trim(), href: a.getAttribute("href") })));
}

async function answer(page, qid, option) {
  const q = page.locator(`#q-${qid}`);
  await q.locator(`input.quiz-option-input[value="${option}"]`).check();
  await q.locator("button.quiz-check").click();
  return q.locator(".quiz-feedback").textContent();
}

async function importText(page, name, text) {
  await page.setInputFiles("#learner-import", { name, mimeType: "application/json", buffer: Buffer.from(text) });
  await page.waitForFunction(() => document.querySelector(".learner-message").textContent !== "", null, { timeout: 5000 });
  return page.evaluate(() => document.querySelector(".learner-message").textContent);
}

// ---- The walk --------------------------------------------------------------------------
{
  const context = await newContext();
  const page = await context.newPage();
  const walk = (out.walk = {});
  await open(page, "modules/01-one/lesson-a.html");
  walk.wrong = await answer(page, "p01-longer-wavelength", 0);
  walk.right = await answer(page, "p01-kilohertz", 1);
  walk.tally = await page.locator(".quiz-tally-text").textContent();
  await open(page, "progress.html");
  walk.progress = await progressView(page);
  await page.reload({ waitUntil: "load" });
  walk.progressAfterReload = await progressView(page);
  // the lesson: its answers come back; mark it done; after a reload the sidebar ticks it
  await open(page, "modules/01-one/lesson-a.html");
  walk.tallyAfterReload = await page.locator(".quiz-tally-text").textContent();
  walk.restoredChoice = await page.locator("#q-p01-longer-wavelength input[value='0']").isChecked();
  const button = page.locator("div.learner-done button");
  walk.buttonBefore = await button.textContent();
  await button.click();
  walk.buttonAfter = await button.textContent();
  walk.doneStatus = await page.locator(".learner-done-status").textContent();
  await page.reload({ waitUntil: "load" });
  walk.sidebarLesson = await sidebar(page);
  walk.pressed = await button.getAttribute("aria-pressed");
  await axe(page, "lesson with answers, done");
  await open(page, "progress.html");
  walk.sidebarProgress = await sidebar(page);
  walk.progressDone = await progressView(page);
  await axe(page, "progress with data");
  walk.buttonOnNonLessons = [];
  for (const p of ["modules/01-one/index.html", "modules/01-one/review.html", "modules/02-two/exercise.html", "index.html"]) {
    await open(page, p);
    walk.buttonOnNonLessons.push(await page.locator("div.learner-done").count());
  }
  walk.record = JSON.parse(await stored(page) || "null");
  await context.close();

  // One day and a minute later, the missed question is due now.
  const missedDue = walk.record?.areas?.review?.["p01-longer-wavelength"]?.due;
  if (missedDue) {
  const later = await newContext();
  const p2 = await later.newPage();
  await open(p2, "index.html");
  await p2.evaluate(([k, v]) => localStorage.setItem(k, v), [KEY, JSON.stringify(walk.record)]);
  await later.clock.install({ time: new Date(Date.parse(missedDue) + 60000) });
  await open(p2, "progress.html");
  walk.nextDay = await progressView(p2);
  // answered right now that it is due: it moves on to 3 days
  await open(p2, "modules/01-one/lesson-a.html");
  await answer(p2, "p01-longer-wavelength", 1);
  walk.review = JSON.parse(await stored(p2)).areas.review;
  walk.nextDayNow = await p2.evaluate(() => Date.now());
  await later.close();
  }
}

// ---- Bad input -------------------------------------------------------------------------
{
  const context = await newContext();
  const page = await context.newPage();
  const bad = (out.bad = {});
  await open(page, "modules/01-one/lesson-a.html");
  await answer(page, "p01-longer-wavelength", 0);
  await open(page, "progress.html");
  const good = await stored(page);
  const exportHref = await page.getAttribute("a.learner-export", "href");
  bad.exportDownload = await page.getAttribute("a.learner-export", "download");
  bad.exportMatches = decodeURIComponent(exportHref.replace(/^data:application\/json;charset=utf-8,/, "")) ===
    JSON.stringify(JSON.parse(good), null, 2) + "\n";
  bad.textareaMatches = (await page.inputValue("#learner-json")) === JSON.stringify(JSON.parse(good), null, 2) + "\n";

  // an import file from a newer version
  const newer = JSON.parse(good);
  newer.version = 2;
  bad.newer = { message: await importText(page, "newer.json", JSON.stringify(newer)) };
  bad.newer.unchanged = (await stored(page)) === good;
  bad.newer.view = (await progressView(page)).m1;

  // a hand-edited import file
  const edited = JSON.parse(good);
  edited.areas.quiz["p01-longer-wavelength"].right = -1;
  await page.evaluate(() => { document.querySelector(".learner-message").textContent = ""; });
  bad.edited = { message: await importText(page, "edited.json", JSON.stringify(edited)) };
  bad.edited.unchanged = (await stored(page)) === good;
  bad.edited.view = (await progressView(page)).m1;

  // not JSON at all
  await page.evaluate(() => { document.querySelector(".learner-message").textContent = ""; });
  bad.notJson = { message: await importText(page, "notes.txt", "my notes") };
  bad.notJson.unchanged = (await stored(page)) === good;

  // Reset asks first: dismissed, nothing changes; accepted, everything goes
  page.once("dialog", (d) => d.dismiss());
  await page.click("button.learner-reset");
  bad.resetDismissed = (await stored(page)) === good;
  page.once("dialog", (d) => d.accept());
  await page.click("button.learner-reset");
  bad.resetAccepted = { stored: await stored(page), view: (await progressView(page)).m1 };

  // Import of the exported file brings it all back
  await page.evaluate(() => { document.querySelector(".learner-message").textContent = ""; });
  bad.reimport = { message: await importText(page, "course-progress.json", JSON.stringify(JSON.parse(good), null, 2)) };
  bad.reimport.view = (await progressView(page)).m1;
  bad.reimport.areasSame = JSON.stringify(JSON.parse(await stored(page)).areas) === JSON.stringify(JSON.parse(good).areas);

  // a corrupt stored record: a clear message, the damaged copy kept, nothing written over
  await page.evaluate(([k]) => localStorage.setItem(k, "{\"format\": \"open-audio-course-progress\", broken"), [KEY]);
  await page.reload({ waitUntil: "load" });
  const corrupt = await progressView(page);
  await axe(page, "progress with a damaged record");
  bad.corrupt = { message: corrupt.message, damagedShown: corrupt.damagedShown, view: corrupt.m1 };
  bad.corrupt.kept = await page.evaluate(([k, d]) => [localStorage.getItem(k), localStorage.getItem(d)], [KEY, DAMAGED]);
  await open(page, "modules/01-one/lesson-a.html");
  bad.corrupt.lessonStatus = await page.locator(".learner-done-status").textContent();
  bad.corrupt.quizStillWorks = await answer(page, "p01-kilohertz", 1);
  bad.corrupt.damagedAfterSave = await page.evaluate((d) => localStorage.getItem(d), DAMAGED);

  // gym levels, when the gym's area has them
  const withGym = JSON.parse(good);
  withGym.areas.gym = { drills: { "eq-boost": { level: 3, levels: 8, title: "EQ boost", page: "modules/02-two/lesson-c" } } };
  await page.evaluate(([k, v]) => { localStorage.clear(); localStorage.setItem(k, v); }, [KEY, JSON.stringify(withGym)]);
  await open(page, "progress.html");
  bad.gym = (await progressView(page)).drills;
  await page.click("details summary");
  await axe(page, "progress with gym and the JSON shown");
  await context.close();
}

// ---- A tally kept the old way (quiz.js before the shared record) moves into the record ----
{
  const context = await newContext();
  const page = await context.newPage();
  const mig = (out.migrate = {});
  await open(page, "index.html");
  const legacyKey = await page.evaluate(() =>
    "course-quiz:" + new URL("modules/01-one/lesson-a.html", location.href).pathname + "#lesson-a-check");
  const legacy = JSON.stringify({ "p01-kilohertz": { ok: false, value: [0], message: "Not quite." } });
  await page.evaluate(([k, v]) => localStorage.setItem(k, v), [legacyKey, legacy]);
  await open(page, "modules/01-one/lesson-a.html");
  mig.tally = await page.locator(".quiz-tally-text").textContent();
  mig.after = await page.evaluate((k) => localStorage.getItem(k), legacyKey);
  mig.record = JSON.parse(await stored(page)).areas;
  // a record this page may not write (a newer version): the old tally is kept, not lost
  const newer = JSON.stringify({ format: "open-audio-course-progress", version: 9, areas: {} });
  await page.evaluate(([k, v, n, key]) => { localStorage.clear(); localStorage.setItem(k, v); localStorage.setItem(key, n); },
    [legacyKey, legacy, newer, KEY]);
  await page.reload({ waitUntil: "load" });
  mig.newerKeptLegacy = (await page.evaluate((k) => localStorage.getItem(k), legacyKey)) === legacy;
  mig.newerUntouched = (await stored(page)) === newer;
  mig.newerStatus = await page.locator(".learner-done-status").textContent();
  await context.close();
}

// ---- Without JavaScript ----------------------------------------------------------------
{
  const context = await newContext({ javaScriptEnabled: false });
  const page = await context.newPage();
  await page.goto(base + "progress.html", { waitUntil: "load" });
  out.nojs = await page.locator("[data-progress]").innerText();
  await page.goto(base + "modules/01-one/lesson-a.html", { waitUntil: "load" });
  out.nojsButtonVisible = await page.locator("div.learner-done").isVisible();
  await context.close();
}

await browser.close();
process.stdout.write(JSON.stringify(out));
