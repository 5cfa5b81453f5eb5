// Glossary previews (ext/static/glossary-preview.js) on one served page, keyboard and mouse.
//
//   node glossary.mjs <page-url>
//
// Prints one JSON document:
//   links        term links on the page, and how many have an accessible description
//                (aria-describedby) whose text is the term's definition from the data block;
//   keyboard     Tab to the first term link: the preview shows that term's definition and a
//                link to the glossary, the link shows a focus indicator; Escape hides it;
//   hover        pointer over a term: the preview shows; over the preview: it stays; away: it
//                goes;
//   print        with the preview open, print media hides it;
//   axe          axe-core violations with the preview open, light and dark (color rules, both
//                the system's dark scheme and furo's data-theme="dark");
//   csp, console CSP violations and console errors.
import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { launch } from "./chromium.mjs";

const require = createRequire(import.meta.url);
const axeSource = readFileSync(require.resolve("axe-core/axe.min.js"), "utf8");
const [url] = process.argv.slice(2);
const browser = await launch();
const context = await browser.newContext({ colorScheme: "light", viewport: { width: 1280, height: 900 } });
await context.addInitScript(() => {
  window.__csp = [];
  document.addEventListener("securitypolicyviolation", (e) => window.__csp.push(`${e.violatedDirective} ${e.blockedURI}`));
});
const page = await context.newPage();
const consoleErrors = [];
page.on("console", (m) => { if (m.type() === "error") consoleErrors.push(m.text()); });
page.on("pageerror", (e) => consoleErrors.push(`uncaught: ${e.message}`));
page.on("response", (r) => { if (r.status() >= 400) consoleErrors.push(`${r.status()} ${r.url()}`); });
await page.goto(url, { waitUntil: "load" });
await page.waitForTimeout(100);

const result = {};
result.links = await page.evaluate(() => {
  const block = document.getElementById("glossary-data");
  const data = block ? JSON.parse(block.textContent) : {};
  const links = Array.from(document.querySelectorAll("a.reference.internal")).filter((a) => a.querySelector(".std-term"));
  let described = 0;
  for (const a of links) {
    const id = decodeURIComponent((a.getAttribute("href").split("#")[1] || ""));
    const ids = (a.getAttribute("aria-describedby") || "").split(/\s+/).filter(Boolean);
    const text = ids.map((i) => document.getElementById(i)?.textContent || "").join(" ");
    if (data[id] && text.includes(data[id][1])) described++;
  }
  return { terms: links.length, described, data: Object.keys(data).length };
});

const preview = () => page.evaluate(() => {
  const box = document.querySelector(".glossary-preview");
  if (!box) return { exists: false, visible: false };
  const style = getComputedStyle(box);
  const link = box.querySelector("a");
  return { exists: true, visible: !box.hidden && style.display !== "none" && box.offsetHeight > 0,
           text: box.textContent, href: link ? link.href : null };
});

// keyboard
let tabs = 0;
let onTerm = false;
for (; tabs < 300 && !onTerm; tabs++) {
  await page.keyboard.press("Tab");
  onTerm = await page.evaluate(() => !!document.activeElement?.querySelector?.(".std-term"));
}
if (onTerm) {
  const focused = await page.evaluate(() => {
    const el = document.activeElement;
    const style = getComputedStyle(el);
    const data = JSON.parse(document.getElementById("glossary-data")?.textContent || "{}");
    const id = decodeURIComponent(el.getAttribute("href").split("#")[1]);
    return { term: el.textContent, definition: data[id] ? data[id][1] : null, href: el.href,
             focusVisible: (style.outlineStyle !== "none" && parseFloat(style.outlineWidth) > 0) || style.boxShadow !== "none" };
  });
  const shown = await preview();
  await page.keyboard.press("Escape");
  const afterEscape = await preview();
  result.keyboard = { tabs, ...focused, shown: shown.visible,
                      showsDefinition: !!focused.definition && (shown.text || "").includes(focused.definition),
                      glossaryLink: shown.href === focused.href, hiddenByEscape: !afterEscape.visible };
} else {
  result.keyboard = { tabs, shown: false };
}

// hover
const term = page.locator("a.reference.internal:has(.std-term)").first();
if (await term.count()) {
  await page.mouse.move(5, 5);
  await term.hover();
  await page.waitForTimeout(400);
  const shown = await preview();
  const box = page.locator(".glossary-preview");
  let stays = false;
  if (shown.visible) {
    await box.hover();
    await page.waitForTimeout(500);
    stays = (await preview()).visible;
  }
  await page.mouse.move(1270, 890);
  await page.waitForTimeout(600);
  result.hover = { shown: shown.visible, staysOverPreview: stays, hiddenAfterLeaving: !(await preview()).visible };
} else {
  result.hover = { shown: false };
}

// print, then axe with the preview open
async function openPreview() {
  await page.evaluate(() => document.activeElement?.blur());
  await term.focus().catch(() => {});
  await page.waitForTimeout(100);
}
await openPreview();
const openBeforePrint = (await preview()).visible;
await page.emulateMedia({ media: "print" });
result.print = { openBefore: openBeforePrint, hiddenInPrint: !(await preview()).visible };
await page.emulateMedia({ media: "screen" });

await openPreview();
await page.evaluate(axeSource);
const runAxe = (runOnly) => page.evaluate(async (runOnly) => {
  const r = await window.axe.run(document, { runOnly, resultTypes: ["violations"] });
  return r.violations.map((v) => ({ id: v.id, nodes: v.nodes.slice(0, 3).map((n) => n.target.join(" ")) }));
}, runOnly);
const previewOpenForAxe = (await preview()).visible;
const light = await runAxe({ type: "tag", values: ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "best-practice"] });
await page.emulateMedia({ colorScheme: "dark" });
await page.waitForTimeout(50);
const dark = await runAxe({ type: "rule", values: ["color-contrast", "link-in-text-block"] });
// furo's own switch: data-theme="dark" on <body>, whatever the system's scheme
await page.emulateMedia({ colorScheme: "light" });
await page.evaluate(() => { document.body.dataset.theme = "dark"; });
await page.waitForTimeout(50);
const furoDark = await runAxe({ type: "rule", values: ["color-contrast", "link-in-text-block"] });
result.axe = { previewOpen: previewOpenForAxe, light, dark: [...dark, ...furoDark] };
result.csp = await page.evaluate(() => window.__csp);
result.console = consoleErrors;
await browser.close();
process.stdout.write(JSON.stringify(result));
