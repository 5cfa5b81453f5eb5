// The offline gate: a site unzipped to a folder, opened from disk (file://) with no server.
//
//   node offline.mjs <site-folder> <search-query> <expected-snippet-text>
//
// Four checks, each printed as {ok, detail} in one JSON document on stdout:
//   navigation  open index.html, click a link of the sidebar's navigation, the page loads;
//   search      search.html?q=<query>: results appear, and a result carries a snippet
//               (p.context) containing <expected-snippet-text>;
//   quiz        on the first page with a quiz: pick an option, press "Check answer", the
//               feedback (role=status) says something;
//   audio       on the first page with a player: play() (no gesture needed with
//               --autoplay-policy=no-user-gesture-required) and currentTime advances.
// Also lists console errors and uncaught exceptions per check.
import { readdirSync, readFileSync, statSync } from "node:fs";
import { join, relative } from "node:path";
import { pathToFileURL } from "node:url";
import { chromium } from "playwright-core";
import { CHROMIUM, FLAGS } from "./chromium.mjs";

const [site, query, expected] = process.argv.slice(2);
const browser = await chromium.launch({
  executablePath: CHROMIUM, headless: true,
  args: [...FLAGS, "--autoplay-policy=no-user-gesture-required"],
});
const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
const page = await context.newPage();
let errors = [];
page.on("console", (m) => { if (m.type() === "error") errors.push(m.text()); });
page.on("pageerror", (e) => errors.push(`uncaught: ${e.message}`));
const url = (rel) => pathToFileURL(join(site, rel)).href;

function htmlPages(dir) {
  const out = [];
  for (const name of readdirSync(dir).sort()) {
    const full = join(dir, name);
    if (name.startsWith("_")) continue;
    if (statSync(full).isDirectory()) out.push(...htmlPages(full));
    else if (name.endsWith(".html")) out.push(full);
  }
  return out;
}
const firstWith = (needle) => {
  const found = htmlPages(site).find((p) => readFileSync(p, "utf8").includes(needle));
  return found ? relative(site, found) : null;
};

async function check(name, fn) {
  errors = [];
  try {
    const detail = await fn();
    result[name] = { ok: detail.ok, detail, errors };
  } catch (err) {
    result[name] = { ok: false, detail: { error: err.message.split("\n")[0] }, errors };
  }
}

const result = {};

await check("navigation", async () => {
  await page.goto(url("index.html"), { waitUntil: "load" });
  const link = page.locator(".sidebar-tree a.reference.internal").nth(1);
  const href = await link.getAttribute("href");
  await Promise.all([page.waitForEvent("load", { timeout: 10000 }), link.click()]);
  const title = await page.locator("article[role=main] h1").first().textContent({ timeout: 5000 });
  return { ok: page.url().endsWith(href.split("#")[0]) && !!title, href, url: page.url(), title };
});

await check("search", async () => {
  await page.goto(url("search.html") + "?q=" + encodeURIComponent(query), { waitUntil: "load" });
  await page.waitForSelector("ul.search li", { timeout: 15000 });
  await page.waitForFunction(() => /finished/i.test(document.querySelector(".search-summary")?.textContent || ""),
    null, { timeout: 15000 });
  await page.waitForTimeout(500);  // snippets arrive after their files load
  const found = await page.evaluate(() => Array.from(document.querySelectorAll("ul.search li")).map((li) => ({
    title: li.querySelector("a")?.textContent || "",
    snippet: li.querySelector("p.context")?.textContent || "",
  })));
  const withSnippet = found.filter((r) => r.snippet.trim());
  const matching = withSnippet.filter((r) => r.snippet.toLowerCase().includes(expected.toLowerCase()));
  return { ok: matching.length > 0, results: found.length, withSnippet: withSnippet.length, sample: found.slice(0, 3) };
});

await check("quiz", async () => {
  const rel = firstWith('class="quiz-question');
  if (!rel) return { ok: false, reason: "no page with a quiz" };
  await page.goto(url(rel), { waitUntil: "load" });
  const question = page.locator(".quiz-question:has(.quiz-check)").first();
  await question.locator("input").first().check();
  await question.locator(".quiz-check").click();
  const feedback = (await question.locator(".quiz-feedback").textContent()).trim();
  return { ok: feedback.length > 0, page: rel, feedback };
});

await check("audio", async () => {
  const rel = firstWith("<audio");
  if (!rel) return { ok: false, reason: "no page with a player" };
  await page.goto(url(rel), { waitUntil: "load" });
  const played = await page.evaluate(async () => {
    const audio = document.querySelector("audio");
    try { await audio.play(); } catch (e) { return { error: e.message, src: audio.currentSrc }; }
    await new Promise((r) => setTimeout(r, 1200));
    const t = audio.currentTime;
    audio.pause();
    return { currentTime: t, src: audio.currentSrc, networkState: audio.networkState, error: audio.error && audio.error.code };
  });
  return { ok: (played.currentTime || 0) > 0.2, page: rel, ...played };
});

await browser.close();
process.stdout.write(JSON.stringify(result));
