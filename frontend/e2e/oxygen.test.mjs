// End-to-end, oxygen management: the daily entry on a 360 px phone (a double click
// saves once; reload and back work) and the district committee's dashboard with its
// alert queue, in headless Chromium against the real server with demo data.
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

const READINGS = "query($f: ID!) { oxygenReadings(facilityId: $f) { id readingAt tanks { percent } } }";

test("an oxygen officer enters today's reading on a 360 px phone: the last reading beside each field, a double click saves once", async () => {
  const ctx = await browser.newContext({ viewport: { width: 360, height: 780 } });
  const page = await ctx.newPage();
  await signIn(page, server.url, "WB", "o2.officer", "o2-officer-demo-2026");
  await page.getByRole("link", { name: "Oxygen", exact: true }).click();
  await page.getByRole("heading", { level: 1, name: "Oxygen" }).waitFor();
  await page.getByRole("link", { name: "Today's oxygen reading" }).click();
  await page.getByRole("heading", { level: 1, name: "Today's oxygen reading" }).waitFor();
  // One facility: straight to its form, with the facility in the address.
  await page.getByText("Krishnanagar District Hospital").waitFor();
  assert.match(page.url(), /\/oxygen\/entry\?facility=/);
  assert.deepEqual(await axeViolations(page), [], "the entry form has no serious accessibility violations");

  // A reading above the tank is refused, naming the field, and nothing is lost.
  const level = page.getByLabel("Tank level (%)");
  await level.waitFor();
  assert.match(await page.getByText(/^Last reading: .+ %$/).first().textContent(), /Last reading/);
  await level.fill("120");
  await page.getByLabel("Full", { exact: true }).fill("20");
  await page.getByLabel("In use", { exact: true }).fill("4");
  await page.getByLabel("Empty", { exact: true }).fill("16");
  // No plant hours: just after midnight in India the last reading may be minutes old.
  await page.getByLabel("Hours run since the last reading").fill("0");
  await page.getByRole("button", { name: "Save the reading" }).click();
  await page.getByRole("alert").filter({ hasText: /0 to 100/ }).first().waitFor();
  assert.equal(await page.getByLabel("Full", { exact: true }).inputValue(), "20", "the other fields keep what was typed");

  // A real one: the tank a little lower than this morning's. Two quick clicks, one reading.
  const facility = new URL(page.url()).searchParams.get("facility");
  const admin = await token(server.url, "WB", "wb.admin", "wb-demo-admin-2026");
  const before = (await api(server.url, READINGS, { f: facility }, admin)).oxygenReadings;
  const morning = before[before.length - 1].tanks[0].percent;
  await level.fill(String(Math.max(1, morning - 1)));
  // Four empties went back to the refiller with today's truck.
  await page.getByText("Oxygen received since the last reading").click();
  await page.getByLabel("Empty Jumbo (D type) cylinders returned").fill("4");
  await page.getByRole("group", { name: "Cylinders", exact: true }).getByLabel("Supplier").fill("Linde India, Kalyani");
  await page.getByRole("button", { name: "Save the reading" }).dblclick();
  await page.getByRole("status").filter({ hasText: /Saved: .* Nm³ held/ }).waitFor();
  const afterList = (await api(server.url, READINGS, { f: facility }, admin)).oxygenReadings;
  assert.equal(afterList.length, before.length + 1, "one new reading");
  const returned = await api(server.url, "query($f: ID!) { oxygenReadings(facilityId: $f) { cylindersReturned { count supplier } } }", { f: facility }, admin);
  assert.deepEqual(returned.oxygenReadings.at(-1).cylindersReturned, [{ count: 4, supplier: "Linde India, Kalyani" }]);
  const width = await page.evaluate(() => document.documentElement.scrollWidth);
  assert.ok(width <= 360, `no sideways scrolling on a 360 px phone (${width})`);
  await shot(page, "oxygen-entry-360");

  // Reload keeps the facility; back returns to the dashboard.
  await page.reload();
  await page.getByText("Krishnanagar District Hospital").waitFor();
  await page.goBack();
  await page.getByRole("heading", { level: 1, name: "Oxygen" }).waitFor();

  // The equipment register: the ventilator back from repair.
  await page.getByRole("link", { name: "Critical-care equipment" }).click();
  await page.getByRole("heading", { level: 1, name: "Critical-care equipment" }).waitFor();
  await page.getByText(/1 working ventilators for 6 ventilator beds/).waitFor();
  const vent = page.locator("li.panel").filter({ hasText: "SAV-3002" });
  await vent.locator(".pill", { hasText: "Under repair" }).waitFor();
  await vent.getByLabel("New status").selectOption("FUNCTIONAL");
  await vent.getByLabel("Note (what happened)").fill("Flow sensor replaced by the vendor");
  await vent.getByRole("button", { name: "Change the status" }).dblclick();
  await vent.locator(".pill--ok", { hasText: "Working" }).waitFor();
  await vent.getByText("History").click();
  await vent.getByText(/Working \(Flow sensor replaced by the vendor\)/).waitFor();
  const widthEq = await page.evaluate(() => document.documentElement.scrollWidth);
  assert.ok(widthEq <= 360, `no sideways scrolling on the equipment page (${widthEq})`);
  await page.goBack();
  await page.getByRole("heading", { level: 1, name: "Oxygen" }).waitFor();

  // In Bengali too.
  await page.getByRole("link", { name: "Today's oxygen reading" }).click();
  await page.getByLabel(/Language|ভাষা|भाषा/).selectOption("bn");
  await page.getByRole("heading", { level: 1, name: "আজকের অক্সিজেন রিডিং" }).waitFor();
  await ctx.close();
});

test("the district committee sees the facility running out first and acknowledges its alert with the action taken", async () => {
  const ctx = await browser.newContext({ viewport: { width: 1280, height: 900 } });
  const page = await ctx.newPage();
  await signIn(page, server.url, "WB", "o2.nadia", "o2-committee-demo-2026");
  await page.getByRole("link", { name: "Oxygen", exact: true }).click();
  await page.getByRole("heading", { level: 1, name: "Oxygen" }).waitFor();
  const rows = page.getByRole("table").first().getByRole("row");
  await rows.nth(1).getByText("Shantipur State General Hospital").waitFor();
  await rows.nth(1).getByText("Critical").waitFor();
  await page.getByRole("img", { name: /Stock and use over 30 days/ }).waitFor();
  assert.deepEqual(await axeViolations(page), [], "the dashboard has no serious accessibility violations");
  await shot(page, "oxygen-dashboard-1280");

  // The alert queue: answer Shantipur's critical alert.
  const card = page.locator("li.panel").filter({ hasText: "Shantipur State General Hospital" }).filter({ hasText: "Critical" }).first();
  await card.getByLabel("What was done").fill("Sent 20 B-type cylinders from Krishnanagar DH");
  await card.getByRole("button", { name: "Acknowledge" }).dblclick();
  await page.locator("li.panel").filter({ hasText: "Shantipur State General Hospital" }).filter({ hasText: "Critical" }).waitFor({ state: "detached" });
  await page.getByLabel("Show answered alerts too").check();
  await page.getByText(/Answered by Nadia Oxygen Committee: Sent 20 B-type cylinders/).waitFor();

  // The chart follows the facility chosen; the factors are shown.
  await page.getByRole("button", { name: "Shantipur State General Hospital" }).click();
  await page.getByRole("img", { name: /Shantipur State General Hospital/ }).waitFor();
  await page.getByText("How quantities become Nm³").click();
  await page.getByText("1 L of liquid = 860 L of gas at 15 °C").waitFor();

  // On a phone the tables scroll inside themselves, not the page.
  await page.setViewportSize({ width: 360, height: 780 });
  const width = await page.evaluate(() => document.documentElement.scrollWidth);
  assert.ok(width <= 360, `no sideways scrolling on a 360 px phone (${width})`);
  await ctx.close();
});

test("the committee sends cylinders to the facility running out (a double click sends once), and the hospital confirms its tanker with a shortfall on a phone", async () => {
  const ctx = await browser.newContext({ viewport: { width: 1280, height: 900 } });
  const page = await ctx.newPage();
  await signIn(page, server.url, "WB", "o2.nadia", "o2-committee-demo-2026");
  await page.getByRole("link", { name: "Oxygen", exact: true }).click();
  await page.getByRole("link", { name: "Oxygen deliveries" }).click();
  await page.getByRole("heading", { level: 1, name: "Oxygen deliveries" }).waitFor();
  // The demo's tanker is on its way to Krishnanagar.
  await page.locator("li.panel").filter({ hasText: "Krishnanagar District Hospital" }).filter({ hasText: "On the way" }).waitFor();

  await page.getByText("Send oxygen to a facility").click();
  const form = page.getByRole("form", { name: "Send oxygen to a facility" });
  await form.getByLabel("Facility").selectOption({ label: "Shantipur State General Hospital" });
  await form.getByLabel("What is sent").selectOption("cylinders");
  await form.getByLabel("Number of full cylinders").fill("20");
  await form.getByLabel("Supplier or refiller").fill("Krishnanagar DH, on loan");
  await form.getByLabel("Vehicle number").fill("WB-25-1111");
  await form.getByRole("button", { name: "Record the dispatch" }).dblclick();
  await form.getByText(/On its way to Shantipur State General Hospital/).waitFor();
  const admin = await token(server.url, "WB", "wb.admin", "wb-demo-admin-2026");
  const ledger = await api(server.url, "{ oxygenDeliveries { facilityName supplier quantity status } }", {}, admin);
  const sent = ledger.oxygenDeliveries.filter((d) => d.supplier === "Krishnanagar DH, on loan");
  assert.deepEqual(sent, [{ facilityName: "Shantipur State General Hospital", supplier: "Krishnanagar DH, on loan", quantity: 20, status: "dispatched" }], "one dispatch for a double click");
  // Where oxygen went: both hospitals, with what is on the way.
  await page.getByText(/^Shantipur State General Hospital: 0 arrived, [\d,]+ on the way$/).waitFor();
  assert.deepEqual(await axeViolations(page), [], "the supply ledger has no serious accessibility violations");
  await shot(page, "oxygen-deliveries-1280");
  await ctx.close();

  // Krishnanagar's oxygen officer, on a phone, confirms the tanker: 4.8 of 5 kL came.
  const phone = await browser.newContext({ viewport: { width: 360, height: 780 } });
  const p = await phone.newPage();
  await signIn(p, server.url, "WB", "o2.officer", "o2-officer-demo-2026");
  await p.getByRole("link", { name: "Oxygen", exact: true }).click();
  await p.getByRole("link", { name: "Oxygen deliveries" }).click();
  await p.locator("li.panel").filter({ hasText: "WB-25-7788" }).getByText("Confirm arrival or call it off").click();
  const tanker = p.getByRole("form", { name: "Delivery to Krishnanagar District Hospital" });
  await tanker.getByLabel("Quantity that arrived").fill("4.8");
  await tanker.getByRole("button", { name: "Confirm arrival" }).click();
  await p.getByText("0.2 kilolitres short").waitFor();
  await p.locator("li.panel").filter({ hasText: "Krishnanagar District Hospital" }).filter({ hasText: "Arrived" }).first().waitFor();
  const width = await p.evaluate(() => document.documentElement.scrollWidth);
  assert.ok(width <= 360, `no sideways scrolling on a 360 px phone (${width})`);
  await shot(p, "oxygen-deliveries-360");
  await phone.close();
});
