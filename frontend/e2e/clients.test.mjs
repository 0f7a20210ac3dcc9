// End-to-end, machine clients: the state administrator adds one on a 360 px phone
// (with a double click on Create), copies its id and secret, the client gets a token
// at /oauth/token; a new secret from the page ends the old one; revoking ends it all.
// Headless Chromium against the real server with demo data.
import { after, before, test } from "node:test";
import assert from "node:assert/strict";
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

async function tokenStatus(id, secret) {
  const body = new URLSearchParams({ grant_type: "client_credentials", client_id: id, client_secret: secret });
  const res = await fetch(`${server.url}/oauth/token`, { method: "POST", body });
  return res.status;
}

test("an administrator adds a machine client, gives it a new secret and revokes it", async () => {
  const context = await browser.newContext({ viewport: { width: 360, height: 740 } });
  const page = await context.newPage();
  await signIn(page, server.url, "WB", "wb.admin", "wb-demo-admin-2026");
  await page.goto(`${server.url}/users`);
  await page.getByRole("link", { name: "Machine clients" }).click();
  await page.getByRole("heading", { level: 1, name: "Machine clients" }).waitFor();
  await page.getByText("No machine client yet.").waitFor();

  await page.getByLabel("Name", { exact: true }).fill("Demo hospital lab analyser");
  await page.getByLabel("Role").selectOption("LAB_TECHNICIAN");
  const where = page.getByLabel("Where");
  await where.locator("option").nth(1).waitFor({ state: "attached" });
  await where.selectOption({ index: 1 });
  await page.getByRole("button", { name: "Create client" }).dblclick();
  const secretBox = page.getByRole("alert").filter({ hasText: "not shown again" });
  await secretBox.waitFor();
  const codes = await secretBox.locator("code").allTextContents();
  const [clientId, secret] = codes;
  assert.match(clientId, /^WB\.[0-9a-f-]{36}$/);
  assert.equal(await page.getByRole("listitem", { name: "Demo hospital lab analyser" }).count(), 1, "a double click made one client");
  assert.equal(await tokenStatus(clientId, secret), 200);
  assert.deepEqual(await axeViolations(page), []);
  assert.ok(await page.evaluate(() => document.documentElement.scrollWidth <= 360), "nothing wider than the phone");
  await shot(page, "clients-created-360");

  // A reload shows the client, not its secret.
  await page.reload();
  await page.getByRole("listitem", { name: "Demo hospital lab analyser" }).waitFor();
  assert.equal(await page.getByText(secret).count(), 0);

  await page.getByRole("button", { name: "New secret for Demo hospital lab analyser" }).click();
  await page.getByRole("alertdialog").getByRole("button", { name: "New secret" }).click();
  const fresh = page.getByRole("alert").filter({ hasText: "not shown again" });
  await fresh.waitFor();
  const [, newSecret] = await fresh.locator("code").allTextContents();
  assert.notEqual(newSecret, secret);
  assert.equal(await tokenStatus(clientId, secret), 401, "the old secret stops");
  assert.equal(await tokenStatus(clientId, newSecret), 200);

  await page.getByRole("button", { name: "Revoke Demo hospital lab analyser" }).click();
  await page.getByRole("alertdialog").getByRole("button", { name: "Revoke" }).click();
  await page.getByRole("listitem", { name: "Demo hospital lab analyser" }).getByText("Revoked").waitFor();
  assert.equal(await tokenStatus(clientId, newSecret), 401);
  await context.close();
});
