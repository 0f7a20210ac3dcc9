// End-to-end, the supply screens beyond the indent cycle: a stock count on a phone
// (a difference explained, handed over, approved by the district drug officer), the
// alerts with filters kept across reload, the budget view, a return to the store
// above from the stock page, and the indent printed as a PDF, in headless Chromium
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
const COUNTS = "query($s: ID!) { stockCounts(storeId: $s) { status lines { batchNo variance } } }";

test("a stock count is taken on a phone, a difference explained, and approved by the district", async () => {
  const ph = await browser.newContext({ viewport: { width: 360, height: 780 } });
  const phone = await ph.newPage();
  await signIn(phone, server.url, "WB", "pharmacist", "pharmacist-demo-2026");
  await phone.getByRole("link", { name: "Stores", exact: true }).click();
  await phone.getByRole("link", { name: "Stock counts" }).click();
  await phone.getByRole("heading", { level: 1, name: "Stock counts of Krishnanagar DH Pharmacy" }).waitFor();
  await phone.getByRole("button", { name: "Start a count" }).dblclick();
  await phone.getByText("Counting", { exact: true }).waitFor();
  const pharmacist = await token(server.url, "WB", "pharmacist", "pharmacist-demo-2026");
  const pharmacy = (await api(server.url, STORES, {}, pharmacist)).stores[0];
  assert.equal((await api(server.url, COUNTS, { s: pharmacy.id }, pharmacist)).stockCounts.length, 1, "a double click starts one count");
  const before = (await api(server.url, STOCK, { s: pharmacy.id }, pharmacist)).storeStock.items.find((p) => p.item.code === "PARA-500").onHand;

  // Count every batch as the books say, except 3 tablets of paracetamol missing.
  const sets = phone.locator("fieldset");
  const n = await sets.count();
  assert.ok(n > 5, `a line per batch (${n})`);
  for (let i = 0; i < n; i++) {
    const set = sets.nth(i);
    const books = Number((await set.getByText(/^The books say/).innerText()).replace(/[^0-9]/g, ""));
    const legend = await set.locator("legend").innerText();
    const short = legend.includes("KDH-PARA-1");
    await set.getByLabel(/^Counted: /).fill(String(short ? books - 3 : books));
  }
  await phone.getByRole("button", { name: "Save counts" }).click();
  await phone.getByRole("alert").filter({ hasText: /say why/ }).first().waitFor();
  await phone.getByLabel("Why the difference of -3?").fill("three tablets spoilt by damp");
  await phone.getByRole("button", { name: "Save counts" }).click();
  await phone.getByRole("button", { name: "Hand over for approval" }).click();
  await phone.getByText("Waiting for approval").waitFor();
  assert.equal(await phone.getByRole("button", { name: "Approve and post the differences" }).count(), 0, "the counter does not approve their own count");
  const width = await phone.evaluate(() => document.documentElement.scrollWidth);
  assert.ok(width <= 360, `no sideways scrolling on a 360 px phone (${width})`);
  await shot(phone, "supply-count-360");

  const ddo = await browser.newContext({ viewport: { width: 1280, height: 900 } });
  const page = await ddo.newPage();
  await signIn(page, server.url, "WB", "ddo.nadia", "ddo-nadia-demo-2026");
  await page.goto(`${server.url}/stores/counts?store=${pharmacy.id}`);
  await page.getByText("three tablets spoilt by damp").waitFor();
  assert.deepEqual(await axeViolations(page), [], "the counts screen has no serious accessibility violations");
  await page.getByRole("button", { name: "Approve and post the differences" }).dblclick();
  await page.getByText("Approved", { exact: true }).waitFor();
  const after = (await api(server.url, STOCK, { s: pharmacy.id }, pharmacist)).storeStock.items.find((p) => p.item.code === "PARA-500").onHand;
  assert.equal(after, before - 3, "the difference is posted once");
  await ddo.close();
  await ph.close();
});

test("alerts filter and survive reload; the budget shows its heads; stock goes back up; the indent prints", async () => {
  const ctx = await browser.newContext({ viewport: { width: 390, height: 844 } });
  const page = await ctx.newPage();
  await signIn(page, server.url, "WB", "cms.keeper", "cms-keeper-demo-2026");
  await page.goto(`${server.url}/stores/alerts`);
  await page.getByRole("heading", { level: 1, name: "Supply alerts" }).waitFor();
  await page.getByText("Amoxicillin is out of stock").waitFor();
  await page.getByLabel("Kind", { exact: true }).selectOption("EXPIRING_SOON");
  await page.getByText(/Paracetamol batch KDH-PARA-1/).waitFor();
  assert.equal(await page.getByText("Amoxicillin is out of stock").count(), 0);
  await page.reload();
  assert.equal(await page.getByLabel("Kind", { exact: true }).inputValue(), "EXPIRING_SOON");
  await page.getByText(/Paracetamol batch KDH-PARA-1/).waitFor();
  await shot(page, "supply-alerts");

  await page.getByRole("link", { name: "Budget", exact: true }).click();
  await page.getByRole("heading", { level: 1, name: "Budget and purchase orders" }).waitFor();
  await page.getByText("EML-DRUGS · Essential medicines (free drugs initiative)", { exact: true }).waitFor();
  await page.getByText("Partly received").waitFor();
  await page.getByText(/Allocation ₹25,00,00,000/).waitFor();
  assert.deepEqual(await axeViolations(page), [], "the budget screen has no serious accessibility violations");
  await page.getByLabel("Language").selectOption("hi");
  await page.getByRole("heading", { level: 1, name: "बजट और क्रय आदेश" }).waitFor();
  await ctx.close();

  // The pharmacist sends paracetamol about to expire back to the district.
  const ph = await browser.newContext({ viewport: { width: 360, height: 780 } });
  const phone = await ph.newPage();
  await signIn(phone, server.url, "WB", "pharmacist", "pharmacist-demo-2026");
  await phone.goto(`${server.url}/stores?q=PARA`);
  const card = phone.locator("li.panel", { hasText: "PARA-500" });
  await card.getByText("Return to the store above").click();
  const batch = await card.getByLabel("Batch", { exact: true }).locator("option", { hasText: "KDH-PARA-1" }).getAttribute("value");
  await card.getByLabel("Batch", { exact: true }).selectOption(batch);
  await card.getByLabel("Quantity to return").fill("40");
  await card.getByLabel("Why").selectOption("NEAR_EXPIRY");
  await card.getByRole("button", { name: "Return" }).dblclick();
  await phone.getByRole("status").filter({ hasText: /Returned 40 of batch KDH-PARA-1/ }).waitFor();
  const officer = await token(server.url, "WB", "ddo.nadia", "ddo-nadia-demo-2026");
  const district = (await api(server.url, STORES, {}, officer)).stores.find((s) => s.worksHere);
  const itemId = (await api(server.url, '{ supplyItems(search: "PARA-500") { id } }', {}, officer)).supplyItems[0].id;
  const rows = await api(server.url, "query($s: ID!, $i: ID!) { stockCard(storeId: $s, itemId: $i) { kind quantity } }", { s: district.id, i: itemId }, officer);
  assert.equal(rows.stockCard.filter((r) => r.kind === "RETURN" && r.quantity === 40).length, 1, "returned once despite the double click");
  await ph.close();

  // The district drug officer prints the waiting indent as a PDF.
  const d = await browser.newContext({ viewport: { width: 1280, height: 900 } });
  const desk = await d.newPage();
  await signIn(desk, server.url, "WB", "ddo.nadia", "ddo-nadia-demo-2026");
  await desk.goto(`${server.url}/stores/indents`);
  await desk.getByText("Waiting for approval").waitFor();
  const [tab] = await Promise.all([d.waitForEvent("page"), desk.getByRole("button", { name: "Print (PDF)" }).first().click()]);
  assert.match(tab.url(), /^blob:/);
  await d.close();
});
