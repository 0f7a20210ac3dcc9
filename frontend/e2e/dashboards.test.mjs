// End-to-end, the EMR roll-out: the state administrator reads where the roll-out stands
// on a 360 px phone (Murshidabad: 3 of the demo's 6 facilities adopted), narrows it to
// a district by tapping the table (kept through a reload), downloads the table as CSV,
// opens a facility's history, moves the deadline, and loads a readiness sheet.
// Then the indicators, and a hospital scorecard with its award round.
// Headless Chromium against the real server with demo data.
import { after, before, test } from "node:test";
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { startServer } from "./server.mjs";
import { api, axeViolations, launch, shot, signIn, token } from "./browser.mjs";

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

test("the state administrator reads the indicators, goes down to a district and a department, and downloads a table", async () => {
  const context = await browser.newContext({ viewport: { width: 1024, height: 800 }, acceptDownloads: true });
  const page = await context.newPage();
  await signIn(page, server.url, "WB", "wb.admin", "wb-demo-admin-2026");
  await page.getByRole("link", { name: "Indicators" }).first().click();
  await page.getByRole("heading", { level: 1, name: "Indicators" }).waitFor();
  await page.getByRole("heading", { level: 2, name: /^West Bengal, \d{4}-\d{2} to \d{4}-\d{2}$/ }).waitFor();
  // The figures on screen are the API's for the same place and months.
  const heading = await page.getByRole("heading", { level: 2, name: /^West Bengal, / }).textContent();
  const [, from, to] = heading.match(/(\d{4}-\d{2}) to (\d{4}-\d{2})/);
  const admin = await token(server.url, "WB", "wb.admin", "wb-demo-admin-2026");
  const q = "query($f: String!, $t: String!, $u: ID, $d: String) { indicators(from: $f, to: $t, unitId: $u, department: $d) { totals { opdVisits admissions deaths } parts { id name figures { opdVisits } } } }";
  const all = (await api(server.url, q, { f: from, t: to }, admin)).indicators;
  assert.ok(all.totals.opdVisits > 100 && all.totals.admissions > 20, "six months of demo visits and stays are counted");
  const tile = (label) => page.locator(".stat", { has: page.getByText(label, { exact: true }) }).locator(".stat__value");
  assert.equal(await tile("Outpatient visits").textContent(), all.totals.opdVisits.toLocaleString("en-IN"));
  assert.equal(await tile("Admissions").textContent(), all.totals.admissions.toLocaleString("en-IN"));
  // The programmes' figures are recounted from their records every few minutes (the
  // first count runs as the server starts), with the time shown beside them.
  const recounted = "query($f: String!, $t: String!) { indicators(from: $f, to: $t) { recountedAt totals { registrations householdsSurveyed } } }";
  let counted = (await api(server.url, recounted, { f: from, t: to }, admin)).indicators;
  for (let i = 0; i < 100 && !counted.recountedAt; i++) {
    await new Promise((r) => setTimeout(r, 200));
    counted = (await api(server.url, recounted, { f: from, t: to }, admin)).indicators;
  }
  assert.ok(counted.totals.registrations > 0 && counted.totals.householdsSurveyed > 0, "the demo's patients and households are counted");
  await page.reload();
  await page.getByText(/^Counted from their records at /).waitFor();
  assert.equal(await tile("New registrations").textContent(), counted.totals.registrations.toLocaleString("en-IN"));
  // The districts as a table, in CSV too.
  const places = page.locator("#ind-parts").locator("..");
  await places.getByRole("button", { name: "Murshidabad" }).waitFor();
  const [download] = await Promise.all([page.waitForEvent("download"), places.getByRole("button", { name: "Download as CSV" }).click()]);
  const csv = readFileSync(await download.path(), "utf8");
  const nadia = all.parts.find((p) => p.name === "Nadia");
  assert.match(csv, new RegExp(`\\r\\nNadia,${nadia.figures.opdVisits},`));
  assert.deepEqual(await axeViolations(page), [], "the indicators have no serious accessibility violations");
  await shot(page, "indicators-state");
  // The last days, then the last weeks, as a line and a table.
  await page.getByRole("heading", { level: 2, name: "The days" }).waitFor();
  assert.equal(await page.locator("#ind-days").locator("..").locator("tbody tr").count(), 14);
  await page.getByLabel("Show", { exact: true }).selectOption("weeks");
  await page.getByRole("heading", { level: 2, name: "The weeks (from Monday)" }).waitFor();
  // The last month as a printable report.
  const [report] = await Promise.all([page.waitForEvent("popup"), page.getByRole("button", { name: `Monthly report (PDF), ${to}` }).click()]);
  assert.match(report.url(), /^blob:/);
  await report.close();
  // The state sends the whole state's report to an officer every month (a double tap adds one).
  await page.getByLabel("E-mail address to receive West Bengal's report").fill("sho@wb.gov.in");
  await page.getByRole("button", { name: "Send the monthly report" }).dblclick();
  await page.getByRole("button", { name: "Stop sending to sho@wb.gov.in" }).waitFor();
  assert.equal(await page.getByRole("button", { name: "Stop sending to sho@wb.gov.in" }).count(), 1);
  await page.getByRole("button", { name: "Stop sending to sho@wb.gov.in" }).dblclick();
  await page.getByRole("button", { name: "Stop sending to sho@wb.gov.in" }).waitFor({ state: "detached" });
  assert.equal(await page.locator("#recipients").locator("..").getByRole("alert").count(), 0, "a double tap shows no error");

  // Down to Murshidabad: its facilities are the parts; a reload keeps the place.
  await places.getByRole("button", { name: "Murshidabad" }).click();
  await page.getByRole("heading", { level: 2, name: /^Murshidabad, / }).waitFor();
  await page.locator("#ind-parts").getByText("By facility").waitFor();
  await page.locator("#ind-parts").locator("..").getByRole("button", { name: "Jangipur Sub-Divisional Hospital" }).waitFor();
  await page.reload();
  await page.getByRole("heading", { level: 2, name: /^Murshidabad, / }).waitFor();
  const msd = all.parts.find((p) => p.name === "Murshidabad");
  assert.equal(await tile("Outpatient visits").textContent(), msd.figures.opdVisits.toLocaleString("en-IN"));
  // The district's records behind a number, a month at a time, each with its hospital.
  await page.getByRole("button", { name: "Show the records" }).click();
  await page.getByText(/^\d+ records, adding up to /).waitFor();
  await page.locator("#rows-behind").locator("..").getByRole("columnheader", { name: "Facility" }).waitFor();
  // One hospital's visits, down to the records (administrators only); back up again.
  const msdUrl = page.url();
  await page.locator("#ind-parts").locator("..").getByRole("button", { name: "Jangipur Sub-Divisional Hospital" }).click();
  await page.getByRole("heading", { level: 2, name: /^Jangipur Sub-Divisional Hospital, / }).waitFor();
  const visits = await tile("Outpatient visits").textContent();
  await page.getByRole("button", { name: "Show the records" }).click();
  await page.getByText(new RegExp(`^\\d+ records, adding up to ${visits} `)).waitFor();
  assert.ok((await page.locator("#rows-behind").locator("..").locator("tbody tr").count()) > 0);
  await page.goto(msdUrl);
  await page.getByRole("heading", { level: 2, name: /^Murshidabad, / }).waitFor();

  // Paediatrics only, from the departments table; the definitions are there to read.
  await page.locator("#ind-departments").locator("..").getByRole("button", { name: "Paediatrics" }).click();
  await page.getByLabel("Department").locator("option:checked").filter({ hasText: "Paediatrics" }).waitFor({ state: "attached" });
  const paed = (await api(server.url, q, { f: from, t: to, u: msd.id, d: "paediatrics" }, admin)).indicators;
  await page.waitForFunction((n) => document.querySelector(".stat .stat__value")?.textContent === n, paed.totals.opdVisits.toLocaleString("en-IN"));
  await page.getByText("How each figure is counted").click();
  await page.getByText("Deaths ÷ discharges × 100.").waitFor();
  // Back up to the whole state.
  await page.getByRole("link", { name: "Back to your whole area" }).click();
  await page.getByRole("heading", { level: 2, name: /^West Bengal, / }).waitFor();
  await context.close();
});

test("the state ranks hospitals on a scorecard, freezes a round, decides it and prints the winner's certificate", async () => {
  const context = await browser.newContext({ viewport: { width: 360, height: 740 }, acceptDownloads: true });
  const page = await context.newPage();
  await signIn(page, server.url, "WB", "wb.admin", "wb-demo-admin-2026");
  await page.getByRole("link", { name: "Scorecards" }).first().click();
  await page.getByRole("heading", { level: 1, name: "Hospital scorecards" }).waitFor();
  const admin = await token(server.url, "WB", "wb.admin", "wb-demo-admin-2026");
  const cards = (await api(server.url, "{ scorecards { id name } }", {}, admin)).scorecards;
  const paediatrics = cards.find((c) => c.name === "Paediatrics");
  await page.getByLabel("Scorecard", { exact: true }).selectOption(paediatrics.id);
  const q = "query($id: ID!) { scorecardRanking(scorecardId: $id) { hospitals { name rank score } } }";
  const ranking = (await api(server.url, q, { id: paediatrics.id }, admin)).scorecardRanking.hospitals;
  const ranked = ranking.filter((h) => h.rank !== null);
  assert.ok(ranked.length >= 5, "the demo hospitals are ranked");
  // The table is the API's ranking, best first, with each score.
  const table = page.locator("#ranking").locator("..");
  const rows = table.locator("tbody tr");
  await rows.first().getByRole("rowheader", { name: new RegExp(`^${ranked[0].name}`) }).waitFor();
  assert.equal(await rows.count(), ranking.length);
  await rows.first().getByText(ranked[0].score.toLocaleString("en-IN"), { exact: true }).waitFor();
  const width = await page.evaluate(() => document.documentElement.scrollWidth);
  assert.ok(width <= 360, `no sideways scrolling of the page on a phone (${width} px)`);
  assert.deepEqual(await axeViolations(page), [], "the scorecard has no serious accessibility violations");
  await shot(page, "scorecard-phone");
  const [download] = await Promise.all([page.waitForEvent("download"), table.getByRole("button", { name: "Download as CSV" }).click()]);
  const csv = readFileSync(await download.path(), "utf8");
  assert.match(csv, /^\ufeff?Rank,Facility,District,Volume,Score,/);
  assert.ok(csv.includes(`\r\n1,${ranked[0].name},`), csv);

  // The demo's decided round: its winners, and a certificate to print.
  await page.getByRole("link", { name: /^Best hospital in paediatrics/ }).click();
  await page.getByRole("heading", { level: 2, name: "Decision" }).waitFor();
  const [popup] = await Promise.all([page.waitForEvent("popup"), page.getByRole("button", { name: "Print the certificate" }).first().click()]);
  assert.match(popup.url(), /^blob:/);
  await popup.close();
  // Back keeps the chosen scorecard.
  await page.goBack();
  await page.getByLabel("Scorecard", { exact: true }).locator("option:checked").filter({ hasText: "Paediatrics" }).waitFor({ state: "attached" });

  // A new round: frozen from the ranking on screen (a double tap makes one), then decided.
  await page.getByLabel("Title of the round").fill("Paediatrics, browser round");
  await page.getByRole("button", { name: "Freeze the ranking" }).dblclick();
  await page.getByRole("heading", { level: 1, name: "Paediatrics, browser round" }).waitFor();
  await page.getByText("Not decided yet").waitFor();
  const frozenRows = page.locator("#frozen").locator("..").locator("tbody tr");
  assert.equal(await frozenRows.count(), ranking.length);
  await page.reload();
  await page.getByRole("heading", { level: 1, name: "Paediatrics, browser round" }).waitFor();
  await page.getByLabel(`1. ${ranked[0].name}`).selectOption("1");
  await page.getByLabel("The decision as minuted").fill("Committee, browser test: first as ranked.");
  await page.getByRole("button", { name: "Record the decision" }).dblclick();
  await page.getByRole("heading", { level: 2, name: "Decision" }).waitFor();
  await page.getByText(`1. ${ranked[0].name}`, { exact: true }).waitFor();
  const rounds = (await api(server.url, "{ awardRounds { title decided } }", {}, admin)).awardRounds;
  assert.equal(rounds.filter((r) => r.title === "Paediatrics, browser round").length, 1, "one round, however often the button was pressed");
  await context.close();
});
