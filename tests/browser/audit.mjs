// Audit pages of a served site in Debian's headless Chromium, one browser for all pages.
//
//   node audit.mjs <base-url> <pages.json>
//
// pages.json is a JSON list of paths relative to the base URL. Each page is loaded once in
// light mode: axe-core runs every rule tagged WCAG 2.0/2.1 A and AA or best practice. The
// page then switches to dark mode (prefers-color-scheme: dark, as a reader's system would)
// and axe re-runs the rules whose result depends on color; every other rule sees the same
// DOM in both schemes. For each page and scheme this prints (one JSON document on stdout):
//   * axe-core violations;
//   * every request the page made (dark: those the switch added), so the caller can find
//     other origins and audio fetched before play;
//   * Content-Security-Policy violations the browser reported;
//   * console errors and uncaught exceptions.
import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { launch } from "./chromium.mjs";

const require = createRequire(import.meta.url);
const axeSource = readFileSync(require.resolve("axe-core/axe.min.js"), "utf8");
const [base, pagesFile] = process.argv.slice(2);
const pages = JSON.parse(readFileSync(pagesFile, "utf8"));
const AXE_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "best-practice"];
const COLOR_RULES = ["color-contrast", "link-in-text-block"];

const browser = await launch();
const context = await browser.newContext({ colorScheme: "light", viewport: { width: 1280, height: 900 } });
// Collect CSP violations from the moment each document starts.
await context.addInitScript(() => {
  window.__csp = [];
  document.addEventListener("securitypolicyviolation", (e) => {
    window.__csp.push(`${e.violatedDirective} blocked ${e.blockedURI || "inline"} (${e.sourceFile || ""}:${e.lineNumber || ""})`);
  });
});
const page = await context.newPage();
let current = null;
page.on("request", (req) => current && current.requests.push(req.url()));
page.on("console", (msg) => {
  if (current && msg.type() === "error") current.console.push(msg.text());
});
page.on("pageerror", (err) => current && current.console.push(`uncaught: ${err.message}`));

async function runAxe(runOnly) {
  return page.evaluate(async (runOnly) => {
    const r = await window.axe.run(document, { runOnly, resultTypes: ["violations"] });
    return r.violations.map((v) => ({
      id: v.id, impact: v.impact, help: v.help,
      nodes: v.nodes.slice(0, 5).map((n) => ({ target: n.target.join(" "), html: n.html.slice(0, 200), summary: (n.failureSummary || "").slice(0, 300) })),
      count: v.nodes.length,
    }));
  }, runOnly);
}

const entry = (path, scheme) => ({ page: path, scheme, requests: [], console: [], csp: [], violations: [], status: null, ms: 0 });
const results = [];
for (const path of pages) {
  const started = Date.now();
  const light = entry(path, "light");
  current = light;
  try {
    await page.emulateMedia({ colorScheme: "light" });
    const response = await page.goto(new URL(path, base).href, { waitUntil: "load", timeout: 60000 });
    light.status = response ? response.status() : null;
    await page.evaluate(axeSource);
    light.violations = await runAxe({ type: "tag", values: AXE_TAGS });
    light.csp = await page.evaluate(() => window.__csp.splice(0));
    light.ms = Date.now() - started;

    const dark = entry(path, "dark");
    dark.status = light.status;
    current = dark;
    await page.emulateMedia({ colorScheme: "dark" });
    await page.waitForTimeout(30);
    dark.violations = await runAxe({ type: "rule", values: COLOR_RULES });
    dark.csp = await page.evaluate(() => window.__csp.splice(0));
    dark.ms = Date.now() - started - light.ms;
    results.push(light, dark);
  } catch (err) {
    current.console.push(`audit failed: ${err.message}`);
    results.push(light);
    if (current !== light) results.push(current);
  }
  current = null;
}
await browser.close();
process.stdout.write(JSON.stringify(results));
