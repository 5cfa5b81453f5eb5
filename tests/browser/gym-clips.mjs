// The clip drills and ABX in Chromium, keyboard only; prints JSON.
//
//   node gym-clips.mjs <clips-page-url> <abx-page-url>
//
// On the clip page, one level of the compression drill: Tab to Start, Enter, then for each
// trial the answer key (1 or 2, read from data-test-answer, which course-gym.js sets only with
// "gym-test" in the query) and Enter for the next trial. On the ABX page, one run: the A or B
// key. Every media play is recorded (src, volume, preload) by wrapping
// HTMLMediaElement.prototype.play before the page loads.
import { chromium } from "playwright-core";
import { CHROMIUM, FLAGS } from "./chromium.mjs";

const [clipsUrl, abxUrl] = process.argv.slice(2);
const browser = await chromium.launch({
  executablePath: CHROMIUM, headless: true,
  args: [...FLAGS, "--autoplay-policy=no-user-gesture-required"],
});
const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
await context.addInitScript(() => {
  window.__plays = [];
  const play = HTMLMediaElement.prototype.play;
  HTMLMediaElement.prototype.play = function () {
    window.__plays.push({ src: this.getAttribute("src"), volume: this.volume,
      preload: this.preload });
    return play.call(this);
  };
});
const page = await context.newPage();
const errors = [];
page.on("pageerror", (e) => errors.push(String(e)));
page.on("console", (m) => { if (m.type() === "error") errors.push(m.text()); });

const withTest = (url) => url + (url.includes("?") ? "&" : "?") + "gym-test";

async function tabTo(selector) {
  for (let i = 1; i <= 400; i++) {
    await page.keyboard.press("Tab");
    if (await page.evaluate((sel) => document.activeElement?.matches(sel), selector)) return i;
  }
  throw new Error(`Tab never reached ${selector}`);
}

async function runLevel(kind, keyFor) {
  const root = `[data-drill="${kind}"]`;
  const tabs = await tabTo(`${root} .gym-start`);
  await page.keyboard.press("Enter");
  let trials = 0;
  for (; trials < 40; trials++) {
    const state = await page.$eval(root, (n) => ({
      result: n.getAttribute("data-level-result"), answer: n.getAttribute("data-test-answer") }));
    if (state.result) break;
    await page.keyboard.press(keyFor(JSON.parse(state.answer)));
    await page.waitForFunction((sel) => !document.querySelector(
      `${sel} .gym-actions button:last-child`).hidden, root);
    await page.keyboard.press("Enter");
  }
  const end = await page.$eval(root, (n) => ({
    result: n.getAttribute("data-level-result"),
    words: n.querySelector(".gym-result")?.textContent || "",
    played: +n.getAttribute("data-played") || 0 }));
  return { kind, tabs, trials, ...end };
}

const out = { errors };
await page.goto(withTest(clipsUrl));
out.compression = await runLevel("compression", (a) => (a.which === "A" ? "1" : "2"));
out.clipPlays = await page.evaluate(() => window.__plays);
await page.goto(withTest(abxUrl));
out.picker = await page.$eval("#gym-abx-pair", (s) => ({
  label: document.querySelector('label[for="gym-abx-pair"]')?.textContent,
  options: [...s.options].map((o) => o.textContent) }));
out.abx = await runLevel("abx", (a) => (a.x === "A" ? "a" : "b"));
out.abxPlays = await page.evaluate(() => window.__plays);
await browser.close();
console.log(JSON.stringify(out));
