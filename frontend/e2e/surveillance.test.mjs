// End-to-end, disease surveillance: a health worker reports a case from the field on a
// 360 px phone without a network (sent once when it returns), and Nadia's district
// surveillance officer sees the weekly table with the demo's dengue cluster and the
// epidemic curve, in three languages, with the address keeping the view. Headless
// Chromium against the real server with demo data.
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

const LINES = "query($f: String!, $t: String!) { caseLineList(condition: \"CHOLERA\", from: $f, to: $t) { name village level epiWeek } }";

function thisWeek() {
  const d = new Date(Date.now() + 330 * 60_000);
  const t = new Date(Date.UTC(d.getUTCFullYear(), d.getUTCMonth(), d.getUTCDate()));
  t.setUTCDate(t.getUTCDate() - ((t.getUTCDay() + 6) % 7) + 3);
  const jan4 = new Date(Date.UTC(t.getUTCFullYear(), 0, 4));
  return `${t.getUTCFullYear()}W${1 + Math.round(((t - jan4) / 86_400_000 - 3 + ((jan4.getUTCDay() + 6) % 7)) / 7)}`;
}

test("a health worker reports a case from the field on a phone without a network, and it arrives once", async () => {
  const context = await browser.newContext({ viewport: { width: 360, height: 780 } });
  const page = await context.newPage();
  await signIn(page, server.url, "WB", "wb.surveyor", "wb-demo-surveyor-2026");
  await page.getByRole("link", { name: "Report a case" }).first().click();
  await page.getByRole("heading", { level: 1, name: "Report a case from the field" }).waitFor();
  const disease = page.getByLabel("What it looks like");
  await disease.locator("option", { hasText: "Cholera" }).waitFor({ state: "attached" });
  await disease.selectOption({ label: "Cholera" });
  // The case definition at level S is shown with the choice.
  await page.getByText(/Report when: Acute watery diarrhoea/).waitFor();
  assert.deepEqual(await axeViolations(page), [], "the field report has no serious accessibility violations");

  await context.setOffline(true);
  await page.getByLabel("Block or area").selectOption({ label: "Nadia › Krishnanagar Sadar › Krishnanagar-I" });
  await page.getByLabel("Village or ward").fill("Ghurni ghat");
  await page.getByLabel("Name of the sick person").fill("Haripada Mal");
  await page.getByLabel("Age in years").fill("38");
  await page.getByLabel("Sex").selectOption("male");
  await page.getByLabel("Signs and symptoms").fill("rice-water stools, severe dehydration");
  await page.getByRole("button", { name: "Send the report" }).dblclick();
  await page.getByRole("status").filter({ hasText: "It will be sent by itself" }).waitFor();
  await page.locator(".outbox-status").getByText("1 waiting to be sent").waitFor();
  const width = await page.evaluate(() => document.documentElement.scrollWidth);
  assert.ok(width <= 360, `no sideways scrolling at 360 px (${width})`);
  await shot(page, "field-report-360");

  await context.setOffline(false);
  await page.locator(".outbox-status").waitFor({ state: "detached", timeout: 60_000 });
  const officer = await token(server.url, "WB", "dso.nadia", "dso-nadia-demo-2026");
  const wk = thisWeek();
  const lines = (await api(server.url, LINES, { f: wk, t: wk }, officer)).caseLineList;
  assert.deepEqual(lines.filter((l) => l.name === "Haripada Mal"), [{ name: "Haripada Mal", village: "Ghurni ghat", level: "S", epiWeek: wk }], "reported once");
  await context.close();
});

test("the district surveillance officer sees the weekly table with the dengue cluster and its epidemic curve", async () => {
  const context = await browser.newContext({ viewport: { width: 1024, height: 800 }, acceptDownloads: true });
  const page = await context.newPage();
  await signIn(page, server.url, "WB", "dso.nadia", "dso-nadia-demo-2026");
  await page.getByRole("link", { name: "Disease surveillance" }).click();
  await page.getByRole("heading", { level: 1, name: "Disease surveillance" }).waitFor();
  const table = page.getByRole("table", { name: /^Cases by place and disease/ });
  await table.getByRole("columnheader", { name: "Dengue" }).waitFor();
  // Seven dengue cases in Nadia: the cluster of six reported from one ward in the last
  // ten days, and the demo patient diagnosed at the district hospital.
  const nadia = table.getByRole("row", { name: /^Nadia/ });
  const dengueColumn = await table.getByRole("columnheader").evaluateAll((hs) => hs.findIndex((h) => h.textContent === "Dengue"));
  const dengueCell = nadia.getByRole("cell").nth(dengueColumn - 1);
  assert.match(await dengueCell.textContent(), /^7/, `${await table.innerText()}`);
  assert.match(await dengueCell.getAttribute("class"), /heat--alert/, "an alert to verify colours the cell amber");
  // The cluster raised an alert; the officer verifies it (a double click records it once).
  const alert = page.locator("li.card").filter({ hasText: "Krishnanagar ward 7" });
  await alert.getByText(/cases in one village or ward within 14 days/).waitFor();
  await alert.getByLabel("What was checked").fill("ANM visited: six febrile cases, larvae in water tanks");
  await alert.getByRole("button", { name: "True signal: investigate" }).dblclick();
  await alert.waitFor({ state: "detached" });
  // The verified signal recolours the cell: an outbreak, red.
  for (let i = 0; i < 50 && !/heat--outbreak/.test((await dengueCell.getAttribute("class")) ?? ""); i++) await page.waitForTimeout(100);
  assert.match(await dengueCell.getAttribute("class"), /heat--outbreak/, "a true signal colours the cell red");
  const all = (await api(server.url, "{ surveillanceAlerts(openOnly: false) { village status } }", {}, await token(server.url, "WB", "dso.nadia", "dso-nadia-demo-2026"))).surveillanceAlerts;
  assert.deepEqual(all.filter((a) => a.village === "Krishnanagar ward 7").map((a) => a.status), ["true_signal"]);
  // The line list with names, for the officer's spreadsheet.
  const [download] = await Promise.all([page.waitForEvent("download"), page.getByRole("button", { name: "Line list with names (CSV)" }).click()]);
  const csv = readFileSync(await download.path(), "utf8");
  assert.ok(csv.startsWith("case_id,condition,level"), csv.slice(0, 80));
  assert.equal(csv.split("\n").filter((l) => l.includes("Krishnanagar ward 7")).length, 6, "the cluster's six cases");
  await page.getByLabel("Epidemic curve of").selectOption({ label: "Dengue" });
  await page.getByRole("img", { name: "Dengue" }).waitFor();
  assert.deepEqual(await axeViolations(page), [], "the weekly table has no serious accessibility violations");
  await shot(page, "surveillance-weekly-1024");

  // Narrowed to the district: its sub-divisions; the address keeps it through a reload and Back.
  await page.getByLabel("Place").selectOption({ label: "Nadia" });
  await table.getByRole("row", { name: /^Krishnanagar Sadar/ }).waitFor();
  await page.reload();
  await table.getByRole("row", { name: /^Krishnanagar Sadar/ }).waitFor();
  await page.goBack();
  await table.getByRole("row", { name: /^Nadia/ }).waitFor();
  // In Hindi and Bengali.
  await page.getByLabel("Language").selectOption("hi");
  await page.getByRole("heading", { level: 1, name: "रोग निगरानी" }).waitFor();
  await page.getByLabel(/भाषा|Language/).selectOption("bn");
  await page.getByRole("heading", { level: 1, name: "রোগ নজরদারি" }).waitFor();
  await context.close();
});

test("the district officer works the dengue investigation on a phone, live and to its final report", async () => {
  const context = await browser.newContext({ viewport: { width: 360, height: 780 } });
  const page = await context.newPage();
  await signIn(page, server.url, "WB", "dso.nadia", "dso-nadia-demo-2026");
  await page.goto(`${server.url}/surveillance`);
  // The cluster verified as a true signal in the test before opened an investigation.
  await page.getByRole("region", { name: "Outbreak investigations" }).getByRole("link", { name: /Krishnanagar ward 7/ }).click();
  await page.getByRole("heading", { level: 1, name: /^Dengue outbreak: Krishnanagar ward 7/ }).waitFor();
  await page.getByText(/Response: .* running/).waitFor();
  // A second screen on the same investigation hears of changes made on the phone.
  const watcher = await context.newPage();
  await watcher.goto(page.url());
  await watcher.getByText("updates live").waitFor();

  const form = (name) => page.locator("form").filter({ has: page.getByRole("heading", { name }) });
  const team = form("Add a team member");
  await team.getByLabel("Name").fill("Dr. Sujata Roy");
  await team.getByLabel("Role").fill("District epidemiologist");
  await team.getByRole("button", { name: "Add" }).dblclick();
  await page.getByRole("listitem").filter({ hasText: "Dr. Sujata Roy · District epidemiologist" }).waitFor();
  const action = form("Record an action");
  await action.getByLabel("What was done").fill("Larval survey of 120 houses; fogging in ward 7");
  await action.getByRole("button", { name: "Add" }).click();
  await page.getByText(/Response: .* on time/).waitFor();
  await watcher.getByRole("listitem").filter({ hasText: "Larval survey of 120 houses" }).waitFor();
  const sample = form("Record a sample sent");
  await sample.getByLabel("Specimen").fill("Serum, 5 samples");
  await sample.getByLabel("Laboratory").fill("JNM Medical College, Kalyani");
  await sample.getByRole("button", { name: "Add" }).click();
  await page.getByText("Result awaited").waitFor();
  const result = form("Record the result");
  await result.getByLabel("Result", { exact: true }).selectOption("POSITIVE");
  await result.getByLabel("Note (organism, serotype)").fill("NS1 positive in 4 of 5, DENV-2");
  await result.getByRole("button", { name: "Add" }).click();
  await page.getByText(/^Positive \(/).waitFor();
  const link = form("Link a case");
  await link.getByLabel("Case").locator("option", { hasText: "Krishnanagar ward 7" }).first().waitFor({ state: "attached" });
  const first = await link.getByLabel("Case").locator("option", { hasText: "Krishnanagar ward 7" }).first().getAttribute("value");
  await link.getByLabel("Case").selectOption(first);
  await link.getByRole("button", { name: "Add" }).click();
  await page.getByRole("heading", { name: "Cases linked (1)" }).waitFor();
  const width = await page.evaluate(() => document.documentElement.scrollWidth);
  assert.ok(width <= 360, `no sideways scrolling at 360 px (${width})`);
  assert.deepEqual(await axeViolations(page), [], "the investigation page has no serious accessibility violations");
  await shot(page, "investigation-360");

  // Investigating, then closed with a final report (asked for before it closes).
  await page.getByRole("button", { name: "Investigating" }).click();
  await page.locator(".pill").getByText("Investigating").waitFor();
  await page.getByRole("button", { name: "Close…" }).click();
  await page.getByLabel("Final report").fill("too short");
  await page.getByRole("button", { name: "Close with this report" }).click();
  await page.getByText(/at least 40|40 to 8000/).first().waitFor();
  await page.getByLabel("Final report").fill("Six cases of dengue (DENV-2) in Krishnanagar ward 7 from water tanks; source reduction and fogging; no new case in two weeks.");
  await page.getByRole("button", { name: "Close with this report" }).dblclick();
  await page.locator(".pill").getByText("Closed").waitFor();
  await page.getByRole("heading", { name: "Final report" }).waitFor();
  assert.equal(await page.getByRole("button", { name: "Record an action" }).count(), 0, "nothing is added to a closed investigation");
  await page.reload();
  await page.locator(".pill").getByText("Closed").waitFor();
  await page.getByLabel("Language").selectOption("hi");
  await page.getByRole("heading", { level: 2, name: "अंतिम रिपोर्ट" }).waitFor();
  await page.getByLabel(/भाषा|Language/).selectOption("en");
  await context.close();
});

test("a nurse sends her facilities' week on a phone, and the officer sees completeness and prints the form", async () => {
  const context = await browser.newContext({ viewport: { width: 360, height: 780 }, acceptDownloads: true });
  const page = await context.newPage();
  await signIn(page, server.url, "WB", "wb.nurse", "wb-demo-nurse-2026");
  await page.getByRole("link", { name: "Send the week" }).first().click();
  await page.getByRole("heading", { level: 1, name: "Send the week for surveillance" }).waitFor();
  const card = page.locator("li.card").filter({ hasText: "Shantipur State General Hospital" });
  await card.getByText("Not sent").waitFor();
  await card.getByRole("button", { name: "Send the week" }).dblclick();
  await card.getByRole("status").getByText(/^Week \d{4}W\d+ sent/).waitFor();
  await card.getByText(/^Sent .*(on time|late)$/).waitFor();
  await card.getByRole("button", { name: "Send again (correction)" }).waitFor();
  const width = await page.evaluate(() => document.documentElement.scrollWidth);
  assert.ok(width <= 360, `no sideways scrolling at 360 px (${width})`);
  assert.deepEqual(await axeViolations(page), [], "sending the week has no serious accessibility violations");
  await context.close();

  const officer = await browser.newContext({ viewport: { width: 360, height: 780 }, acceptDownloads: true });
  const p2 = await officer.newPage();
  await signIn(p2, server.url, "WB", "dso.nadia", "dso-nadia-demo-2026");
  await p2.goto(`${server.url}/surveillance`);
  await p2.getByRole("link", { name: "Reporting completeness" }).click();
  await p2.getByRole("heading", { level: 1, name: "Reporting completeness and timeliness" }).waitFor();
  await p2.getByRole("img", { name: "Facilities reporting, per cent" }).waitFor();
  // Last week: the demo's first facility and the nurse's are in; the list says who is not.
  const shantipur = p2.getByRole("listitem").filter({ hasText: "Shantipur State General Hospital" });
  await shantipur.getByText(/^Sent /).waitFor();
  await p2.getByText(/of \d+ facilities sent the week/).waitFor();
  const [pdf] = await Promise.all([p2.waitForEvent("download"), p2.getByRole("button", { name: "Form P (PDF)" }).click()]);
  assert.ok(readFileSync(await pdf.path()).subarray(0, 4).toString() === "%PDF", "the P form is a PDF");
  const [csv] = await Promise.all([p2.waitForEvent("download"), p2.getByRole("button", { name: "CSV" }).first().click()]);
  assert.ok(readFileSync(await csv.path(), "utf8").startsWith("place,week,level,condition"));
  const w2 = await p2.evaluate(() => document.documentElement.scrollWidth);
  assert.ok(w2 <= 360, `no sideways scrolling at 360 px (${w2})`);
  assert.deepEqual(await axeViolations(p2), [], "the reporting page has no serious accessibility violations");
  await shot(p2, "reporting-360");
  await p2.getByLabel("Language").selectOption("bn");
  await p2.getByRole("heading", { level: 1, name: "রিপোর্টিংয়ের সম্পূর্ণতা ও সময়ানুবর্তিতা" }).waitFor();
  await officer.close();
});

test("the state administrator sets a disease's alert rules and a population on a phone", async () => {
  const context = await browser.newContext({ viewport: { width: 360, height: 780 } });
  const page = await context.newPage();
  await signIn(page, server.url, "WB", "wb.admin", "wb-demo-admin-2026");
  await page.goto(`${server.url}/surveillance`);
  await page.getByRole("link", { name: "Alert rules" }).click();
  await page.getByRole("heading", { level: 1, name: "Alert rules" }).waitFor();
  const disease = page.getByLabel("Disease", { exact: true });
  await disease.locator("option", { hasText: "Malaria" }).waitFor({ state: "attached" });
  await disease.selectOption({ label: "Malaria" });
  await page.getByText("This disease runs IDSP's default rules.").waitFor();
  await page.getByRole("group", { name: "Rule 2" }).waitFor();
  await page.getByRole("button", { name: "Add a rule" }).click();
  const third = page.getByRole("group", { name: "Rule 3" });
  await third.getByLabel("Kind").selectOption("RATE");
  await third.getByLabel("When").selectOption("ROLLING_7_DAYS");
  await third.getByLabel("Cases per 100,000 people").fill("0");
  await page.getByRole("button", { name: "Save the rules" }).click();
  await page.getByText(/over 0 and at most 100,000/).waitFor();
  await third.getByLabel("Cases per 100,000 people").fill("20");
  await third.getByLabel("At least this many cases").fill("3");
  await page.getByRole("button", { name: "Save the rules" }).dblclick();
  await page.getByRole("status").getByText(/^Saved/).waitFor();
  await page.getByText("This disease runs the state's own rules.").waitFor();
  // The disease stays chosen through a reload, with its three rules.
  await page.reload();
  await page.getByRole("group", { name: "Rule 3" }).getByLabel("Kind").waitFor();
  assert.equal(await page.getByRole("group", { name: "Rule 3" }).getByLabel("Kind").inputValue(), "RATE");
  // Nadia's population, the denominator of the rate.
  await page.getByLabel("Place").selectOption({ label: "Nadia" });
  await page.getByLabel("People", { exact: true }).fill("5167600");
  await page.getByRole("button", { name: "Save", exact: true }).click();
  await page.getByRole("listitem").filter({ hasText: /^Nadia: / }).waitFor();
  const width = await page.evaluate(() => document.documentElement.scrollWidth);
  assert.ok(width <= 360, `no sideways scrolling at 360 px (${width})`);
  assert.deepEqual(await axeViolations(page), [], "the rules page has no serious accessibility violations");
  await shot(page, "rules-360");
  await page.getByRole("button", { name: "Back to the defaults" }).click();
  await page.getByText("This disease runs IDSP's default rules.").waitFor();
  await page.getByLabel("Language").selectOption("hi");
  await page.getByRole("heading", { level: 1, name: "अलर्ट नियम" }).waitFor();
  await page.getByLabel(/भाषा|Language/).selectOption("en");
  await context.close();
});

test("the state administrator makes the week's DHIS2 file on a phone and maps a place", async () => {
  const context = await browser.newContext({ viewport: { width: 360, height: 780 }, acceptDownloads: true });
  const page = await context.newPage();
  await signIn(page, server.url, "WB", "wb.admin", "wb-demo-admin-2026");
  await page.goto(`${server.url}/surveillance`);
  await page.getByRole("link", { name: "DHIS2 reporting" }).click();
  await page.getByRole("heading", { level: 1, name: "DHIS2 reporting" }).waitFor();
  // The demo maps Nadia and dengue, diarrhoea and cholera: last week's file has values.
  const week = await page.getByLabel("Week").inputValue();
  await page.getByRole("button", { name: "Make the file" }).dblclick();
  await page.getByRole("status").getByText(new RegExp(`values for ${week}`)).waitFor();
  const admin = await token(server.url, "WB", "wb.admin", "wb-demo-admin-2026");
  const viaApi = (await api(server.url, "query($w: String!) { dhis2Export(week: $w) { payload valueCount } }", { w: week }, admin)).dhis2Export;
  assert.ok(viaApi.valueCount > 0, "the demo's week has values");
  const [download] = await Promise.all([page.waitForEvent("download"), page.getByRole("button", { name: "Download the file (JSON)" }).click()]);
  assert.deepEqual(JSON.parse(readFileSync(await download.path(), "utf8")), viaApi.payload, "the file is the payload");
  // The week stays in the address through a reload.
  await page.reload();
  assert.equal(await page.getByLabel("Week").inputValue(), week);

  // Map a sub-division (a double click saves once); an identifier Nadia holds is refused.
  await page.getByLabel("What", { exact: true }).selectOption("ORG_UNIT");
  const place = page.getByLabel("Place");
  await place.locator("option", { hasText: "Krishnanagar Sadar" }).first().waitFor({ state: "attached" });
  await place.selectOption({ label: "Nadia › Krishnanagar Sadar" });
  await page.getByLabel("DHIS2 identifier").fill("KrishSadr01");
  await page.getByRole("button", { name: "Save" }).dblclick();
  await page.getByRole("listitem").filter({ hasText: "KrishSadr01" }).getByText("Krishnanagar Sadar").waitFor();
  const mapped = (await api(server.url, "{ dhis2Mappings { dhis2Id } }", {}, admin)).dhis2Mappings.filter((m) => m.dhis2Id === "KrishSadr01");
  assert.equal(mapped.length, 1, "mapped once");
  await place.selectOption({ label: "Nadia › Krishnanagar Sadar › Krishnanagar-I" });
  await page.getByLabel("DHIS2 identifier").fill("NadiaDemo01");
  await page.getByRole("button", { name: "Save" }).click();
  await page.getByText(/already mapped to something else/).waitFor();
  const width = await page.evaluate(() => document.documentElement.scrollWidth);
  assert.ok(width <= 360, `no sideways scrolling at 360 px (${width})`);
  assert.deepEqual(await axeViolations(page), [], "the DHIS2 screen has no serious accessibility violations");
  await shot(page, "dhis2-360");
  await page.getByLabel("Language").selectOption("bn");
  await page.getByRole("heading", { level: 1, name: "DHIS2 রিপোর্টিং" }).waitFor();
  await context.close();
});
