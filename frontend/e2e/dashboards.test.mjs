// End-to-end, the EMR roll-out: the state administrator reads where the roll-out stands
// on a 360 px phone (Murshidabad: 3 of the demo's 6 facilities adopted), narrows it to
// a district by tapping the table (kept through a reload), downloads the table as CSV,
// opens a facility's history, moves the deadline, and loads a readiness sheet.
// Headless Chromium against the real server with demo data.
import { after, before, test } from "node:test";
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { startServer } from "./server.mjs";
import { axeViolations, launch, shot, signIn } from "./browser.mjs";

let server;
let browser;

before(async () => {
  server = await startServer();
  browser = await launch();
});

after(async () => {
  await browser?.close();
  await server?.stop();
});

function indiaDate(daysAhead = 0) {
  return new Intl.DateTimeFormat("en-CA", { timeZone: "Asia/Kolkata" }).format(new Date(Date.now() + daysAhead * 86_400_000));
}

test("the state administrator tracks the EMR roll-out, moves the deadline and loads a readiness sheet", async () => {
  const context = await browser.newContext({ viewport: { width: 360, height: 740 }, acceptDownloads: true });
  const page = await context.newPage();
  await signIn(page, server.url, "WB", "wb.admin", "wb-demo-admin-2026");
  await page.getByRole("link", { name: "EMR roll-out" }).first().click();
  await page.getByRole("heading", { level: 1, name: "Electronic medical records: the roll-out" }).waitFor();
  const districts = page.locator("#by-district").locator("..");
  // Murshidabad's six demo facilities: the medical college and the Jangipur and Kandi
  // hospitals adopted, the other three not.
  const murshidabad = districts.getByRole("row", { name: /^Murshidabad/ });
  await murshidabad.getByText("3 of 6 (50%)").waitFor();
  await page.getByText("deadline: 90 days left").waitFor();
  // Not started, three months from the deadline: at risk; Lalbagh has only security under way.
  const jiaganj = page.locator("li", { hasText: "Jiaganj Rural Hospital" });
  await jiaganj.getByText("At risk").waitFor();
  await page.locator("li", { hasText: "Lalbagh Sub-Divisional Hospital" }).getByText("On track").waitFor();
  const width = await page.evaluate(() => document.documentElement.scrollWidth);
  assert.ok(width <= 360, `no sideways scrolling of the page on a phone (${width} px)`);
  assert.deepEqual(await axeViolations(page), [], "the roll-out has no serious accessibility violations");
  await shot(page, "emr-rollout-phone");

  // The district table as CSV: the same rows as on screen.
  const [download] = await Promise.all([page.waitForEvent("download"), districts.getByRole("button", { name: "Download as CSV" }).click()]);
  const csv = readFileSync(await download.path(), "utf8");
  assert.match(csv, /^\ufeff?District,Facilities,Adopted,Adopted \(%\),At risk,Overdue,/);
  assert.match(csv, /\r\nMurshidabad,6,3,50,/);

  // Tap Murshidabad: the page narrows to it, and a reload keeps it.
  await districts.getByRole("button", { name: "Murshidabad" }).click();
  await page.getByText("3 of 6 facilities keep electronic records").waitFor();
  assert.match(page.url(), /district=/);
  await page.reload();
  await page.getByText("3 of 6 facilities keep electronic records").waitFor();
  assert.equal(await page.locator("li", { hasText: "Bhimpur PHC" }).count(), 0, "Nadia's PHC is not in Murshidabad");

  // Jiaganj's history: created by the system, its network set under way by the state's sheet.
  await jiaganj.getByRole("link", { name: "Jiaganj Rural Hospital" }).click();
  await page.getByRole("heading", { level: 1, name: "Readiness history" }).waitFor();
  const rows = page.locator("tbody tr");
  await rows.first().waitFor();
  assert.equal(await rows.count(), 2);
  await rows.first().getByText("West Bengal State Administrator").waitFor();
  await rows.first().getByText("a readiness sheet").waitFor();
  await rows.nth(1).getByText("the system").waitFor();
  await page.goBack();
  await page.getByText("3 of 6 facilities keep electronic records").waitFor();

  // Thirty days before the deadline anything unfinished is at risk: Lalbagh too.
  await page.getByLabel("District", { exact: true }).selectOption("");
  await page.getByLabel("Every facility keeps electronic records by").fill(indiaDate(30));
  await page.getByRole("button", { name: "Save the deadline" }).dblclick();
  await page.getByText("deadline: 30 days left").waitFor();
  await page.locator("li", { hasText: "Lalbagh Sub-Divisional Hospital" }).getByText("At risk").waitFor();

  // A sheet: Bhimpur PHC adopts today; a row naming no facility is reported, and with
  // wrong rows skipped the rest is applied.
  const bhimpur = await page.locator("li", { hasText: "Bhimpur PHC" }).getByRole("link").getAttribute("href");
  const id = bhimpur.split("/").pop();
  const sheet = `facility_id,workstations,lan,server_backup,information_security,emr_adopted,emr_adopted_on\n${id},done,done,done,done,yes,${indiaDate()}\n00000000-0000-0000-0000-000000000000,done,,,,,\n`;
  await page.locator("#emr-file").setInputFiles({ name: "readiness.csv", mimeType: "text/csv", buffer: Buffer.from(sheet) });
  await page.getByRole("button", { name: "Check and import" }).click();
  await page.getByText("Changed: 0 · already so: 0 · not applied: 2").waitFor();
  await page.getByText("Row 3, facility_id: no facility with this ID within your reach").waitFor();
  await page.getByLabel("Import the valid rows and skip the others").check();
  await page.getByRole("button", { name: "Check and import" }).click();
  await page.getByText("Changed: 1 · already so: 0 · not applied: 1").waitFor();
  await page.locator("li", { hasText: "Bhimpur PHC" }).waitFor({ state: "detached" });
  await murshidabad.waitFor();
  await shot(page, "emr-rollout-after-sheet");
  await context.close();
});
