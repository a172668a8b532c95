// Drives review.html in headless Chromium as a reviewer would, for
// tests/review_page_test.cc: types a name, filters by submitter, corrects
// passages by typing into their fields and clicking, saves the decisions
// and writes the downloaded file to OUT. Usage:
//   node review_click_through.mjs PAGE.html SPEC.json OUT.json
// SPEC: {"reviewer": "...", "submitter": "..." (a filter option, or ""),
//        "corrections": [{"nth": 0, "article14": "...", "activity": "...",
//                         "theme": "...", "stance": "..."}]}
// (nth counts the passages the filter shows; instead of nth, "passage_id"
// picks the card of that passage, which must be shown; fields left out are
// kept).
// Prints {"shown": N, "total": N, "corrected": [passage ids]} on stdout.
import { chromium } from "playwright-core";
import { readFileSync, writeFileSync } from "node:fs";
import { pathToFileURL } from "node:url";

const [page_path, spec_path, out_path] = process.argv.slice(2);
const spec = JSON.parse(readFileSync(spec_path, "utf8"));
const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM || "/usr/bin/chromium",
  args: ["--no-sandbox"],
});
try {
  const context = await browser.newContext({ acceptDownloads: true });
  const page = await context.newPage();
  // A self-contained page asks for nothing: any request is a failure.
  const requests = [];
  page.on("request", (r) => { if (!r.url().startsWith("file:") && !r.url().startsWith("blob:")) requests.push(r.url()); });
  const errors = [];
  page.on("pageerror", (e) => errors.push(String(e)));
  await page.goto(pathToFileURL(page_path).href);
  const total = await page.locator("section.passage").count();
  await page.fill("#reviewer", spec.reviewer);
  if (spec.submitter) {
    await page.selectOption("#filter-submitter", spec.submitter);
  }
  const visible = page.locator("section.passage:visible");
  const shown = await visible.count();
  const corrected = [];
  for (const c of spec.corrections) {
    const card = c.passage_id !== undefined
      ? visible.and(page.locator(`[data-passage-id="${c.passage_id}"]`))
      : visible.nth(c.nth);
    if ((await card.count()) !== 1) throw new Error("no card shown for " + JSON.stringify(c));
    corrected.push(await card.getAttribute("data-passage-id"));
    for (const dim of ["article14", "activity", "theme"]) {
      if (c[dim] !== undefined) await card.locator(`input[name=${dim}]`).fill(c[dim]);
    }
    if (c.stance !== undefined) await card.locator("select[name=stance]").selectOption(c.stance);
    await card.locator("button.record").click();
    const state = await card.locator(".state").textContent();
    if (state !== "decided") throw new Error("passage not marked decided: " + (await card.locator(".error").textContent()));
  }
  const [download] = await Promise.all([
    page.waitForEvent("download"),
    page.click("#export"),
  ]);
  await download.saveAs(out_path);
  if (requests.length) throw new Error("the page asked the network for " + requests.join(" "));
  if (errors.length) throw new Error("script errors on the page: " + errors.join("; "));
  console.log(JSON.stringify({ shown, total, corrected }));
} finally {
  await browser.close();
}
