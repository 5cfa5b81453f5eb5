// A keyboard-only reader on one page: Tab to a quiz, answer it, open its answer, play audio.
//
//   node keyboard.mjs <page-url>
//
// Only the keyboard is used (Tab, Space, Enter, typing). Prints JSON: which steps succeeded,
// how many Tab presses each took, whether the focused element showed a visible focus
// indicator, and when the audio file was first requested (it must be after the key press).
import { launch } from "./chromium.mjs";

const [url] = process.argv.slice(2);
const MAX_TABS = 600;
const browser = await launch();
const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
const page = await context.newPage();
const requests = [];
page.on("request", (r) => requests.push({ url: r.url(), at: Date.now() }));
await page.goto(url, { waitUntil: "load" });
await page.evaluate(() => {
  window.__played = [];
  document.querySelectorAll("audio").forEach((a) => a.addEventListener("play", () => window.__played.push(a.currentSrc || a.src)));
});

// What has focus now, seen from the page.
const focused = () => page.evaluate(() => {
  const el = document.activeElement;
  if (!el || el === document.body) return { kind: "body" };
  const style = getComputedStyle(el);
  const visible = (style.outlineStyle !== "none" && parseFloat(style.outlineWidth) > 0) || style.boxShadow !== "none";
  let kind = "other";
  if (el.tagName === "AUDIO") kind = "audio";
  else if (el.tagName === "SUMMARY" && el.closest(".quiz-answer-dropdown")) kind = "answer-summary";
  else if (el.tagName === "INPUT" && el.closest(".quiz-question")) kind = "quiz-input";
  else if (el.tagName === "BUTTON" && el.closest(".quiz-question")) kind = "quiz-button";
  return { kind, tag: el.tagName, id: el.id || "", visible,
           open: el.tagName === "SUMMARY" ? el.parentElement.open : undefined };
});

const result = { url, steps: {}, tabs: 0, focusVisible: true, audioRequestedBeforePlay: [], errors: [] };
const audioPaths = () => requests.filter((r) => /\.(mp3|wav|ogg|flac)(\?|$)/i.test(r.url));
result.audioRequestedBeforePlay = audioPaths().map((r) => r.url);

const want = new Set(["quiz-input", "answer-summary", "audio"]);
for (let i = 0; i < MAX_TABS && want.size; i++) {
  await page.keyboard.press("Tab");
  result.tabs++;
  const f = await focused();
  if (!want.has(f.kind)) continue;
  if (!f.visible) result.focusVisible = false;
  if (f.kind === "quiz-input") {
    // answer the question from the keyboard alone
    const type = await page.evaluate(() => document.activeElement.type);
    if (type === "radio" || type === "checkbox") await page.keyboard.press("Space");
    else await page.keyboard.type("20");
    const answered = await page.evaluate(() => {
      const el = document.activeElement;
      return el.type === "radio" || el.type === "checkbox" ? el.checked : el.value !== "";
    });
    result.steps["quiz-input"] = { tabs: result.tabs, answered };
  } else if (f.kind === "answer-summary") {
    await page.keyboard.press("Enter");
    const opened = await page.evaluate(() => document.activeElement.parentElement.open);
    result.steps["answer-summary"] = { tabs: result.tabs, opened, id: await page.evaluate(() => document.activeElement.parentElement.id) };
  } else if (f.kind === "audio") {
    const before = Date.now();
    result.audioRequestedBeforePlay = audioPaths().filter((r) => r.at < before).map((r) => r.url);
    // Tab lands on the player's own controls; Space (or Enter) on the play button plays it.
    await page.keyboard.press("Space");
    await page.waitForTimeout(800);
    let played = await page.evaluate(() => window.__played.length > 0);
    if (!played) {
      await page.keyboard.press("Enter");
      await page.waitForTimeout(800);
      played = await page.evaluate(() => window.__played.length > 0);
    }
    result.steps.audio = { tabs: result.tabs, played, fetchedAfterKey: audioPaths().some((r) => r.at >= before) };
  }
  want.delete(f.kind);
}
result.missing = [...want];
await browser.close();
process.stdout.write(JSON.stringify(result));
