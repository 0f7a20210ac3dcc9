// End-to-end, medicines and supplies: the indent cycle between the demo hospital's
// pharmacy and Nadia's district drug store (approve in part, issue with a double
// click, receive with damage), the stock page on a 360 px phone with reload and back,
// and dispensing against the demo patient's prescription, in headless Chromium
// against the real server with demo data.
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

const STORES = "{ stores { id name worksHere } }";
const STOCK = "query($s: ID!) { storeStock(storeId: $s) { items { item { code } onHand } } }";
const INDENTS = "query($s: ID!) { indents(storeId: $s) { number status voucher { quantity received damaged } } }";

test("an indent goes up, is approved in part, issued once and received with damage", async () => {
  const ddo = await browser.newContext({ viewport: { width: 1280, height: 900 } });
  const page = await ddo.newPage();
  await signIn(page, server.url, "WB", "ddo.nadia", "ddo-nadia-demo-2026");
  await page.getByRole("link", { name: "Stores", exact: true }).click();
  await page.getByRole("heading", { level: 1, name: "Stock on hand" }).waitFor();
  await page.getByRole("link", { name: "Indents" }).click();
  await page.getByRole("heading", { level: 1, name: "Indents of Nadia District Drug Store" }).waitFor();
  // The pharmacy's indent waits: amoxicillin 600 and ORS 300. ORS is cut to 200.
  await page.getByText("Waiting for approval").waitFor();
  await page.getByLabel("Approve of Oral rehydration salts").fill("200");
  await page.getByRole("button", { name: "Save the decision" }).click();
  await page.getByRole("alert").filter({ hasText: /say why/ }).first().waitFor();
  await page.getByLabel("Reason (when less is approved)").nth(1).fill("ORS kept for the flood camps");
  await page.getByRole("button", { name: "Save the decision" }).click();
  await page.getByText("Approved, to issue").waitFor();
  assert.deepEqual(await axeViolations(page), [], "the indents screen has no serious accessibility violations");
  // Two quick clicks issue once.
  await page.getByRole("button", { name: "Issue the approved stock" }).dblclick();
  await page.getByText("On its way").waitFor();
  await page.getByRole("heading", { name: "Issue voucher" }).waitFor();
  await shot(page, "supply-indent-issued");
  const officer = await token(server.url, "WB", "ddo.nadia", "ddo-nadia-demo-2026");
  const district = (await api(server.url, STORES, {}, officer)).stores.find((s) => s.worksHere);
  const issued = (await api(server.url, INDENTS, { s: district.id }, officer)).indents[0];
  assert.equal(issued.status, "ISSUED");
  assert.equal(issued.voucher.reduce((a, v) => a + v.quantity, 0), 800, "600 amoxicillin and 200 ORS, issued once");

  // The pharmacist records what arrived: 5 amoxicillin damaged.
  const ph = await browser.newContext({ viewport: { width: 360, height: 780 } });
  const phone = await ph.newPage();
  await signIn(phone, server.url, "WB", "pharmacist", "pharmacist-demo-2026");
  await phone.goto(`${server.url}/stores/indents`);
  await phone.getByText("On its way", { exact: true }).waitFor();
  await phone.getByLabel(/^Damaged: /).first().fill("5");
  const first = await phone.getByLabel(/^Received in good order: /).first();
  const sent = Number(await first.inputValue());
  await first.fill(String(sent - 5));
  await phone.getByRole("button", { name: "Record what arrived" }).click();
  await phone.getByText("Received", { exact: true }).waitFor();
  const width = await phone.evaluate(() => document.documentElement.scrollWidth);
  assert.ok(width <= 360, `no sideways scrolling on a 360 px phone (${width})`);
  const pharmacist = await token(server.url, "WB", "pharmacist", "pharmacist-demo-2026");
  const pharmacy = (await api(server.url, STORES, {}, pharmacist)).stores[0];
  const after = (await api(server.url, INDENTS, { s: pharmacy.id }, pharmacist)).indents[0];
  assert.equal(after.status, "RECEIVED");
  assert.equal(after.voucher.reduce((a, v) => a + (v.damaged ?? 0), 0), 5);
  const amox = (await api(server.url, STOCK, { s: pharmacy.id }, pharmacist)).storeStock.items.find((p) => p.item.code === "AMOX-500");
  assert.equal(amox.onHand, 595, "what arrived in good order is in stock");

  // The stock page on the phone: filter by status, reload keeps it, back returns.
  await phone.getByRole("link", { name: "Stock on hand" }).click();
  await phone.getByRole("heading", { level: 1, name: "Stock on hand" }).waitFor();
  await phone.getByLabel("Show").selectOption("UNDER_STOCKED");
  await phone.getByText(/Metformin/).first().waitFor();
  await phone.reload();
  assert.equal(await phone.getByLabel("Show").inputValue(), "UNDER_STOCKED");
  await phone.getByText(/expires within 30 days/).waitFor({ state: "detached" }).catch(() => {});
  await phone.getByLabel("Show").selectOption("");
  await phone.getByText(/^KDH-PARA-1: /).waitFor();
  await shot(phone, "supply-stock-360");
  await phone.goBack();
  await phone.getByRole("heading", { level: 1, name: /Indents of/ }).waitFor();
  await ddo.close();
  await ph.close();
});

test("a pharmacist dispenses the demo prescription, in Bengali too", async () => {
  const ctx = await browser.newContext({ viewport: { width: 390, height: 844 } });
  const page = await ctx.newPage();
  await signIn(page, server.url, "WB", "pharmacist", "pharmacist-demo-2026");
  const staff = await token(server.url, "WB", "wb.admin", "wb-demo-admin-2026");
  const found = await api(server.url, 'query { searchPatients(input: { phone: "9830012345" }) { healthId } }', {}, staff);
  const healthId = found.searchPatients[0].healthId;
  await page.getByRole("link", { name: "Dispensing", exact: true }).click();
  await page.getByRole("heading", { level: 1, name: "Dispensing" }).waitFor();
  await page.getByLabel("Patient's health ID").fill(healthId);
  await page.getByRole("button", { name: "Find prescriptions" }).click();
  // The outpatient prescription (the demo patient also has an inpatient drug chart).
  const line = page.getByRole("group", { name: /Paracetamol 500 mg: 1 tablet, 1-1-1/ });
  await line.waitFor();
  assert.match(page.url(), new RegExp(`healthId=${healthId}`));
  const form = page.locator("form", { has: line });
  await line.getByLabel("Quantity of Paracetamol").fill("15");
  await form.getByRole("button", { name: "Dispense" }).dblclick();
  await page.getByRole("status").filter({ hasText: "Dispensed: 1 lines recorded." }).waitFor();
  await page.getByText("15 given so far").waitFor();
  const pharmacist = await token(server.url, "WB", "pharmacist", "pharmacist-demo-2026");
  const pharmacy = (await api(server.url, STORES, {}, pharmacist)).stores[0];
  const card = await api(server.url, "query($s: ID!, $i: ID!) { stockCard(storeId: $s, itemId: $i) { kind quantity } }", {
    s: pharmacy.id,
    i: (await api(server.url, '{ supplyItems(search: "PARA-500") { id } }', {}, pharmacist)).supplyItems[0].id,
  }, pharmacist);
  assert.deepEqual(card.stockCard.filter((r) => r.kind === "DISPENSE" && r.quantity === -15).length, 1, "dispensed once despite the double click");

  // Reload keeps the patient; the screen reads in Bengali.
  await page.reload();
  await page.getByText("15 given so far").waitFor();
  await page.getByLabel("Language").selectOption("bn");
  await page.getByRole("heading", { level: 1, name: "ওষুধ বিতরণ" }).waitFor();
  await page.getByText("এখন পর্যন্ত 15 দেওয়া হয়েছে").waitFor();
  assert.deepEqual(await axeViolations(page), [], "the dispensing screen has no serious accessibility violations");
  await shot(page, "supply-dispensing-bn");
  await ctx.close();
});
