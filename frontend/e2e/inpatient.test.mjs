// End-to-end, inpatient care: the ward board on a tablet and a phone, and the family
// status page, in headless Chromium against the real server with demo data.
import { after, before, test } from "node:test";
import assert from "node:assert/strict";
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

const ATTENDANT = "+919830098300";

/** The newest family code sent to the demo attendant, read from the outbox. */
async function familyCode() {
  const out = await server.cli(["outbox", "--tenant", "WB", "--limit", "50"]);
  const line = out.split("\n").find((l) => l.includes(ATTENDANT) && /Arogya: \d{6}/.test(l));
  assert.ok(line, `a family code to ${ATTENDANT} in the outbox:\n${out}`);
  return line.match(/Arogya: (\d{6})/)[1];
}

test("a nurse admits to a free bed on the ward board (a double click admits once), records the condition on a phone and sees NEWS2", async () => {
  const ctx = await browser.newContext({ viewport: { width: 1024, height: 768 } });
  const page = await ctx.newPage();
  await signIn(page, server.url, "WB", "wb.nurse", "wb-demo-nurse-2026");
  await page.getByRole("link", { name: "Wards", exact: true }).click();
  await page.getByRole("heading", { level: 1, name: "Admitted patients" }).waitFor();
  // Counts at the top: the demo's critical patient on a ventilator.
  await page.getByText(/Critical: 1/).waitFor();
  await page.getByRole("link", { name: /^Medicine Ward/ }).click();
  await page.getByRole("heading", { level: 1, name: "Ward: Medicine Ward" }).waitFor();
  assert.deepEqual(await axeViolations(page), [], "the ward board has no serious accessibility violations");
  await shot(page, "ward-board-1024");

  // A free bed: admit an unidentified patient. Two quick clicks make one admission.
  await page.getByRole("button", { name: /^MW-5 Free/ }).click();
  const form = page.getByRole("form", { name: "Admit to bed MW-5" });
  await form.getByLabel("Describe the unidentified patient").fill("Unknown woman, about 60, brought from the bus stand");
  await form.getByLabel("Reason for admission").fill("Fall with hip pain");
  await form.getByRole("button", { name: "Admit" }).dblclick();
  await page.getByText("Admitted to bed MW-5.").waitFor();
  const admin = await token(server.url, "WB", "wb.admin", "wb-demo-admin-2026");
  const list = await api(server.url, "{ admittedPatients { patients { name bedLabel } } }", {}, admin);
  assert.equal(list.admittedPatients.patients.filter((p) => p.bedLabel === "MW-5").length, 1, "one admission to MW-5");

  // The selected bed is in the address: a reload keeps it; the back button returns to the board.
  await page.reload();
  await page.getByRole("heading", { level: 2, name: "Bed MW-5" }).waitFor();
  await page.goBack();
  await page.getByRole("heading", { level: 1, name: "Ward: Medicine Ward" }).waitFor();

  // On a phone: record the condition with observations; the server computes NEWS2.
  await page.setViewportSize({ width: 360, height: 780 });
  await page.getByRole("button", { name: /^MW-5 Occupied/ }).click();
  const cond = page.getByRole("form", { name: "Record the condition" });
  await cond.getByLabel("Category").selectOption("MODERATE");
  await cond.getByText("Could become life-threatening").waitFor();
  await cond.getByLabel("Life support").selectOption("NASAL_CANNULA");
  await cond.getByLabel("Respiration rate /min").fill("22");
  await cond.getByLabel("SpO₂ %").fill("94");
  await cond.getByLabel("Systolic BP mmHg").fill("120");
  await cond.getByLabel("Pulse /min").fill("72");
  await cond.getByLabel("Temperature °C").fill("36.8");
  await cond.getByRole("button", { name: "Save the condition" }).click();
  // 2 (RR 22) + 1 (SpO2 94) + 2 (oxygen) = 5.
  await page.getByText("Saved. NEWS2: 5").waitFor();
  const width = await page.evaluate(() => document.documentElement.scrollWidth);
  assert.ok(width <= 360, `no sideways scrolling on a 360 px phone (${width})`);
  await shot(page, "ward-condition-360");

  // A dead corner of the ward: the next round is saved on the phone with its bedside
  // time, and goes by itself, once, when the network returns.
  await ctx.setOffline(true);
  await cond.getByLabel("Category").selectOption("CRITICAL");
  await cond.getByLabel("Remark").fill("Drowsy, responds to voice");
  await cond.getByRole("button", { name: "Save the condition" }).dblclick();
  await page.getByText("It will be sent by itself").waitFor();
  await page.locator(".outbox-status").getByText("1 waiting to be sent").waitFor();
  const bedside = Date.now();
  await ctx.setOffline(false);
  await page.locator(".outbox-status").waitFor({ state: "detached", timeout: 60_000 });
  const admissionId = (await api(server.url, "{ admittedPatients { patients { id bedLabel } } }", {}, admin)).admittedPatients.patients.find((p) => p.bedLabel === "MW-5").id;
  const history = (await api(server.url, "query($id: ID!) { admission(id: $id) { conditionHistory { category remark recordedAt } } }", { id: admissionId }, admin)).admission.conditionHistory;
  const critical = history.filter((c) => c.remark === "Drowsy, responds to voice");
  assert.equal(critical.length, 1, "the round is recorded once");
  assert.equal(critical[0].category, "CRITICAL");
  assert.ok(Math.abs(Date.parse(critical[0].recordedAt) - bedside) < 60_000, "at the bedside time");
  await ctx.close();
});

test("a nurse holds a free bed for a patient (a double click holds once), then moves the patient in from the held bed", async () => {
  const ctx = await browser.newContext({ viewport: { width: 1024, height: 768 } });
  const page = await ctx.newPage();
  await signIn(page, server.url, "WB", "wb.nurse", "wb-demo-nurse-2026");
  await page.getByRole("link", { name: "Wards", exact: true }).click();
  await page.getByRole("link", { name: /^Medicine Ward/ }).click();
  await page.getByRole("heading", { level: 1, name: "Ward: Medicine Ward" }).waitFor();
  const occupied = page.getByRole("button", { name: /^MW-\d+ Occupied/ }).first();
  const from = (await occupied.innerText()).split(/\s/)[0];
  const to = (await page.getByRole("button", { name: /^MW-\d+ Free/ }).last().innerText()).split(/\s/)[0];
  await occupied.click();
  const move = page.getByRole("form", { name: "Move to bed" });
  await move.getByLabel("Move to bed").selectOption({ label: to });
  await move.getByRole("button", { name: "Hold for later" }).dblclick();
  const held = page.getByRole("button", { name: new RegExp(`^${to} Reserved`) });
  await held.waitFor();
  const admin = await token(server.url, "WB", "wb.admin", "wb-demo-admin-2026");
  const occ = await api(server.url, "{ bedOccupancy { total { reserved } } }", {}, admin);
  assert.equal(occ.bedOccupancy.total.reserved, 1, "one bed held");
  await held.click();
  await page.getByText(new RegExp(`now in bed ${from} `)).waitFor();
  await page.getByRole("button", { name: "Move the patient here" }).click();
  await page.getByRole("button", { name: new RegExp(`^${to} Occupied`) }).waitFor();
  await page.getByRole("button", { name: new RegExp(`^${from} Being cleaned`) }).waitFor();
  await ctx.close();
});

test("a doctor discharges from the board (a double click discharges once) and the bed goes for cleaning", async () => {
  const admin = await token(server.url, "WB", "wb.admin", "wb-demo-admin-2026");
  const before = (await api(server.url, "{ admittedPatients { total } }", {}, admin)).admittedPatients.total;
  const ctx = await browser.newContext({ viewport: { width: 1024, height: 768 } });
  const page = await ctx.newPage();
  await signIn(page, server.url, "WB", "wb.nurse", "wb-demo-nurse-2026");
  await page.getByRole("link", { name: "Wards", exact: true }).click();
  await page.getByRole("link", { name: /^Medicine Ward/ }).click();
  const occupied = page.getByRole("button", { name: /^MW-\d+ Occupied/ }).last();
  const label = (await occupied.innerText()).split(/\s/)[0];
  await occupied.click();
  const form = page.getByRole("form", { name: "Discharge" });
  await form.getByLabel("Outcome").selectOption("RECOVERED");
  await form.getByRole("button", { name: "Discharge" }).dblclick();
  await page.getByRole("button", { name: new RegExp(`^${label} Being cleaned`) }).waitFor();
  const after = (await api(server.url, "{ admittedPatients { total } }", {}, admin)).admittedPatients.total;
  assert.equal(after, before - 1, "one discharge");
  await ctx.close();
});

test("an official narrows the admitted patients by ward and length of stay, and the address keeps the filter", async () => {
  const ctx = await browser.newContext({ viewport: { width: 360, height: 780 } });
  const page = await ctx.newPage();
  await signIn(page, server.url, "WB", "wb.admin", "wb-demo-admin-2026");
  await page.goto(`${server.url}/inpatients`);
  await page.getByRole("heading", { level: 1, name: "Admitted patients" }).waitFor();
  const ROWS = "table[aria-label='Admitted patients'] tbody tr";
  const rows = () => page.locator(ROWS).count();
  await page.locator(ROWS).first().waitFor();
  const all = await rows();
  // The demo has stays of one, three and five days, and the ones admitted today.
  const admin = await token(server.url, "WB", "wb.admin", "wb-demo-admin-2026");
  const { admittedPatients } = await api(server.url, "{ admittedPatients(filter: { minStayDays: 3 }) { patients { id } } }", {}, admin);
  const long = admittedPatients.patients.length;
  assert.ok(long > 0 && long < all, `${long} of ${all}`);
  await page.getByLabel("In hospital at least (days)").fill("3");
  await page.waitForFunction(([sel, n]) => document.querySelectorAll(sel).length === n, [ROWS, long]);
  const stays = await page.locator(`${ROWS} td:nth-child(4)`).allInnerTexts();
  assert.ok(stays.every((d) => Number(d) >= 3), `every stay shown is three days or more: ${stays}`);
  assert.match(page.url(), /minStay=3/);
  await page.reload();
  await page.getByLabel("In hospital at least (days)").waitFor();
  assert.equal(await page.getByLabel("In hospital at least (days)").inputValue(), "3");
  await page.getByLabel("In hospital at least (days)").fill("");
  const icu = await page.getByLabel("Ward", { exact: true }).evaluate((el) => [...el.options].find((o) => o.text.startsWith("ICU")).value);
  await page.getByLabel("Ward", { exact: true }).selectOption(icu);
  await page.waitForFunction((sel) => [...document.querySelectorAll(sel)].every((td) => td.textContent.includes("ICU")), `${ROWS} td:nth-child(2)`);
  const width = await page.evaluate(() => document.documentElement.scrollWidth);
  assert.ok(width <= 360, `no sideways scrolling on a phone (${width})`);
  await ctx.close();
});

test("a nurse gives the morning doses on the medication round, and a dose not given needs a reason", async () => {
  const ctx = await browser.newContext({ viewport: { width: 390, height: 844 } });
  const page = await ctx.newPage();
  await signIn(page, server.url, "WB", "wb.nurse", "wb-demo-nurse-2026");
  await page.getByRole("link", { name: "Wards", exact: true }).click();
  await page.getByRole("link", { name: /^ICU/ }).click();
  await page.getByRole("link", { name: "Medication round" }).click();
  await page.getByRole("heading", { level: 1, name: "Medication round" }).waitFor();
  // Tomorrow's round: every fixed dose of the demo's drug chart is due.
  const tomorrow = new Date(Date.now() + 330 * 60_000 + 86_400_000).toISOString().slice(0, 10);
  await page.getByLabel("Day").fill(tomorrow);
  const ceftriaxone8 = page.getByRole("listitem", { name: "Ceftriaxone, 1 g, 1 g at 08:00" });
  await ceftriaxone8.getByRole("button", { name: "Given", exact: true }).dblclick();
  await ceftriaxone8.locator(".pill", { hasText: "Given" }).waitFor();
  assert.equal(await ceftriaxone8.getByRole("button").count(), 0, "a marked dose has no buttons left");
  const evening = page.getByRole("listitem", { name: "Ceftriaxone, 1 g, 1 g at 20:00" });
  assert.ok(await evening.getByRole("button", { name: "Refused" }).isDisabled(), "not given needs a reason first");
  await evening.getByLabel("Why not given").fill("Patient vomiting");
  await evening.getByRole("button", { name: "Refused" }).click();
  await evening.getByText("Refused: Patient vomiting").waitFor();
  // A reload shows the marks kept on the server, once each.
  await page.reload();
  await page.getByRole("listitem", { name: "Ceftriaxone, 1 g, 1 g at 08:00" }).locator(".pill", { hasText: "Given" }).waitFor();
  const width = await page.evaluate(() => document.documentElement.scrollWidth);
  assert.ok(width <= 390, `no sideways scrolling on a phone (${width})`);
  assert.deepEqual(await axeViolations(page), [], "the medication round has no serious accessibility violations");
  await shot(page, "medication-round-390");
  await ctx.close();
});

test("a family member asks for a code, it goes to the registered attendant, and shows the condition once", async () => {
  const admin = await token(server.url, "WB", "wb.admin", "wb-demo-admin-2026");
  const list = await api(server.url, "{ admittedPatients(filter: { category: CRITICAL }) { patients { healthId } } }", {}, admin);
  const healthId = list.admittedPatients.patients.find((p) => p.healthId).healthId;
  const ctx = await browser.newContext({ viewport: { width: 360, height: 780 } });
  const page = await ctx.newPage();
  await page.goto(`${server.url}/family`);
  await page.getByRole("heading", { level: 1, name: "Your patient's condition" }).waitFor();
  await page.getByLabel("Patient's health ID").fill(healthId);
  await page.getByRole("button", { name: "Send the code" }).click();
  await page.getByText(/a code has been sent to it/).waitFor();
  const code = await familyCode();
  // A wrong code is refused at its field; the right one shows the condition.
  await page.getByLabel("Code from the SMS").fill(code === "000000" ? "111111" : "000000");
  await page.getByRole("button", { name: "Show the condition" }).click();
  await page.getByText(/the code is wrong/i).waitFor();
  await page.getByLabel("Code from the SMS").fill(code);
  await page.getByRole("button", { name: "Show the condition" }).click();
  await page.getByText("Critical: Immediately life-threatening").waitFor();
  await page.getByText("Invasive ventilation").waitFor();
  await page.getByText(/Ward phone/).waitFor();
  const text = await page.locator("main").innerText();
  assert.ok(!/dengue/i.test(text), "no diagnosis on the family page");
  assert.deepEqual(await axeViolations(page), [], "the family page has no serious accessibility violations");
  await shot(page, "family-status-360");
  // In Bengali too.
  await page.getByLabel(/Language/).selectOption("bn");
  await page.getByRole("heading", { level: 1, name: "আপনার রোগীর অবস্থা" }).waitFor();
  await ctx.close();
});

test("a family member who knows only the name and the hospital gets the code too", async () => {
  const admin = await token(server.url, "WB", "wb.admin", "wb-demo-admin-2026");
  const list = await api(server.url, "{ admittedPatients(filter: { category: CRITICAL }) { patients { name healthId facilityId facilityName } } }", {}, admin);
  const patient = list.admittedPatients.patients.find((p) => p.healthId);
  // The hospital's district, as the public pages list them.
  const { publicDistricts } = await api(server.url, `{ publicDistricts(tenantCode: "WB") { id name } }`, {});
  let district;
  for (const d of publicDistricts) {
    const beds = await api(server.url, `query($d: ID!) { publicBedAvailability(tenantCode: "WB", districtId: $d) { facilities { facilityId } } }`, { d: d.id });
    if (beds.publicBedAvailability.facilities.some((f) => f.facilityId === patient.facilityId)) district = d.name;
  }
  assert.ok(district, "the hospital is on the public pages");
  const ctx = await browser.newContext({ viewport: { width: 360, height: 780 } });
  const page = await ctx.newPage();
  await page.goto(`${server.url}/family`);
  await page.getByLabel("I know the name and hospital").check();
  await page.getByLabel("District", { exact: true }).selectOption({ label: district });
  await page.getByLabel("Hospital", { exact: true }).selectOption({ label: patient.facilityName });
  await page.getByLabel("Or the patient's name").fill(`  ${patient.name.toUpperCase()} `);
  await page.getByRole("button", { name: "Send the code" }).click();
  await page.getByText(/a code has been sent to it/).waitFor();
  await page.getByLabel("Code from the SMS").fill(await familyCode());
  await page.getByRole("button", { name: "Show the condition" }).click();
  await page.getByText("Critical: Immediately life-threatening").waitFor();
  const width = await page.evaluate(() => document.documentElement.scrollWidth);
  assert.ok(width <= 360, `no sideways scrolling on a phone (${width})`);
  await ctx.close();
});

test("anyone sees a district's free beds by type without signing in", async () => {
  const ctx = await browser.newContext({ viewport: { width: 360, height: 780 } });
  const page = await ctx.newPage();
  await page.goto(`${server.url}/beds`);
  await page.getByLabel("State or district code").fill("WB");
  await page.getByLabel("State or district code").blur();
  await page.getByLabel("District", { exact: true }).waitFor();
  await page.getByLabel("District", { exact: true }).selectOption({ label: "Nadia" });
  await page.getByRole("button", { name: "Show free beds" }).click();
  await page.getByRole("cell", { name: "Krishnanagar District Hospital" }).waitFor();
  await page.getByRole("columnheader", { name: "Ventilator" }).waitFor();
  await ctx.close();
});
