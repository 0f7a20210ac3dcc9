// End-to-end: the real server and the built web app in headless Chromium.
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

test("sign in, see the dashboard, deep links and reload keep the session, sign out", async () => {
  const ctx = await browser.newContext({ viewport: { width: 360, height: 740 } });
  const page = await ctx.newPage();
  await page.goto(server.url);
  assert.deepEqual(await axeViolations(page), [], "sign-in page has no serious accessibility violations");
  await shot(page, "sign-in-360");

  // A wrong password is told in plain words, next to the form.
  await page.getByLabel("Tenant code").fill("WB");
  await page.getByLabel("Username or e-mail").fill("wb.admin");
  await page.getByLabel("Password", { exact: true }).fill("not the password");
  await page.getByRole("button", { name: "Sign in" }).click();
  await page.getByRole("alert").filter({ hasText: "not right" }).waitFor();

  await signIn(page, server.url, "WB", "wb.admin", "wb-demo-admin-2026");
  await page.getByRole("listitem").filter({ hasText: "State administrator" }).first().waitFor();
  const width = await page.evaluate(() => document.documentElement.scrollWidth);
  assert.ok(width <= 360, `no sideways scrolling at 360 px (${width})`);
  assert.deepEqual(await axeViolations(page), [], "dashboard has no serious accessibility violations");
  await shot(page, "dashboard-360");

  // A deep link is served by the app (index.html fallback) and the session survives a reload.
  await page.goto(`${server.url}/password`);
  await page.getByRole("heading", { level: 1, name: "Change password" }).waitFor();
  await page.reload();
  await page.getByRole("heading", { level: 1, name: "Change password" }).waitFor();

  // Navigation offers only what the role may use: no helpline for a state administrator.
  assert.equal(await page.getByRole("link", { name: "Helpline" }).count(), 0);
  await page.getByRole("button", { name: "Sign out" }).click();
  await page.getByRole("heading", { name: "Sign in", level: 2 }).waitFor();
  await ctx.close();
});

test("switching to Hindi shows Hindi labels, and the choice is remembered", async () => {
  const ctx = await browser.newContext();
  const page = await ctx.newPage();
  await page.goto(server.url);
  await page.getByLabel("Language").selectOption("hi");
  await page.getByRole("heading", { name: "साइन इन करें", level: 2 }).waitFor();
  assert.equal(await page.evaluate(() => document.documentElement.lang), "hi");
  await page.reload();
  await page.getByRole("button", { name: "साइन इन करें" }).waitFor();
  await page.getByLabel("भाषा").selectOption("bn");
  await page.getByRole("button", { name: "সাইন ইন করুন" }).waitFor();
  await shot(page, "sign-in-bengali");
  await ctx.close();
});

test("a ticket escalated at tier 1 appears live in tier 2's queue", async () => {
  const opCtx = await browser.newContext();
  const docCtx = await browser.newContext();
  const operator = await opCtx.newPage();
  const doctor = await docCtx.newPage();
  await signIn(doctor, server.url, "WB", "wb.teledoc", "wb-demo-teledoc-2026");
  await doctor.getByRole("link", { name: "Helpline" }).click();
  const tier2 = doctor.getByTestId("queue-2");
  await tier2.getByText("Live").waitFor();

  await signIn(operator, server.url, "WB", "wb.helpline", "wb-demo-helpline-2026");
  await operator.getByRole("link", { name: "Helpline" }).click();
  const note = `Caller needs a doctor: chest pain since morning ${Date.now()}`;
  await operator.getByLabel("Caller's phone").fill("98300 44556");
  await operator.getByLabel("Caller's name").fill("Sabita Das");
  await operator.getByLabel("Notes").fill(note);
  await operator.getByRole("button", { name: "Log a call" }).click();
  await operator.getByRole("status").filter({ hasText: "Ticket logged." }).waitFor();
  const view = operator.getByTestId("ticket-view");
  await view.getByRole("button", { name: "Take" }).click();
  await view.getByLabel("Note").fill("Needs a doctor");
  await view.getByRole("button", { name: "Escalate to tier 2" }).click();
  await view.getByText("Escalated").first().waitFor();
  assert.deepEqual(await axeViolations(operator), [], "helpline console has no serious accessibility violations");
  await shot(operator, "helpline-operator");

  // The doctor's page was not reloaded: the ticket arrives through the subscription.
  await tier2.getByText(note).waitFor({ timeout: 5000 });
  await shot(doctor, "helpline-tier2-live");
  await tier2.getByText(note).click();
  await doctor.getByTestId("ticket-view").getByRole("button", { name: "Take" }).click();
  await doctor.getByTestId("ticket-view").getByText("In progress").first().waitFor();
  await opCtx.close();
  await docCtx.close();
});

test("register a patient, find them by health ID, and be warned of a duplicate", async () => {
  const ctx = await browser.newContext({ viewport: { width: 390, height: 844 } });
  const page = await ctx.newPage();
  await signIn(page, server.url, "WB", "wb.nurse", "wb-demo-nurse-2026");
  await page.getByRole("link", { name: "Patients" }).click();
  const form = page.locator("form", { has: page.getByRole("heading", { name: "Register a patient" }) });
  const fill = async () => {
    await form.getByLabel("Given name").fill("Mousumi");
    await form.getByLabel("Family name").fill("Sarkar");
    await form.getByLabel("Name in local script").fill("মৌসুমী সরকার");
    await form.getByLabel("Age in years (if the date is not known)").fill("29");
    await form.getByLabel("Phone").fill("98311 20011");
  };
  // A bad phone number is shown next to its field.
  await fill();
  await form.getByLabel("Phone").fill("12345");
  await form.getByRole("button", { name: "Register a patient" }).click();
  await form.locator(".field--error").getByRole("alert").waitFor();
  await form.getByLabel("Phone").fill("98311 20011");
  await form.getByRole("button", { name: "Register a patient" }).click();
  const status = await form.getByRole("status").filter({ hasText: "Health ID" }).textContent();
  const healthId = status.match(/WB-\d{4}-\d{4}-\d{4}/)?.[0];
  assert.ok(healthId, `a health ID in "${status}"`);

  // Found by health ID, with the name in Bengali script.
  await page.getByRole("search").getByLabel("Health ID").fill(healthId);
  await page.getByRole("search").getByRole("button", { name: "Find" }).click();
  await page.getByRole("heading", { name: /Mousumi Sarkar/ }).waitFor();
  await page.getByText("মৌসুমী সরকার").waitFor();
  assert.deepEqual(await axeViolations(page), [], "patients page has no serious accessibility violations");
  await shot(page, "patient-found");

  // The same person again: likely duplicates are offered instead of a second record.
  await form.getByRole("button", { name: "Register a patient" }).click();
  const dup = form.getByRole("alert").filter({ hasText: "may be the same person" });
  await dup.waitFor();
  await dup.getByText(healthId).waitFor();
  await ctx.close();
});

test("a doctor starts a visit, adds a diagnosis (ICD-10 type-ahead) and a prescription, and prints the slip", async () => {
  const ctx = await browser.newContext();
  const page = await ctx.newPage();
  await signIn(page, server.url, "WB", "wb.doctor", "wb-demo-doctor-2026");
  await page.getByRole("link", { name: "Patients" }).click();
  const form = page.locator("form", { has: page.getByRole("heading", { name: "Register a patient" }) });
  await form.getByLabel("Given name").fill("Rafiq");
  await form.getByLabel("Family name").fill("Ahmed");
  await form.getByLabel("Sex").selectOption("MALE");
  await form.getByLabel("Age in years (if the date is not known)").fill("40");
  await form.getByLabel("Phone").fill("98311 30033");
  await form.getByRole("button", { name: "Register a patient" }).click();
  await form.getByRole("status").filter({ hasText: "Health ID" }).getByRole("button", { name: "Open" }).click();
  await page.getByRole("link", { name: "Open health record" }).click();

  // Not yet in care here: the record opens once a visit starts.
  await page.getByText("not in care at your facility").waitFor();
  const visit = page.locator("form", { has: page.getByRole("heading", { name: "Start a visit" }) });
  await visit.getByLabel("Reason for visit").fill("Fever for a week");
  await visit.getByRole("button", { name: "Start a visit" }).click();
  await page.getByRole("status").filter({ hasText: "Current visit" }).waitFor();

  // ICD-10 type-ahead: words bring codes.
  const dx = page.locator("form", { has: page.getByRole("heading", { name: "Add a diagnosis" }) });
  await dx.getByLabel("ICD-10 code").fill("typhoid");
  await page.waitForFunction(() => [...document.querySelectorAll("datalist option")].some((o) => o.value.startsWith("A01")));
  await dx.getByLabel("ICD-10 code").fill("NOT-A-CODE");
  await dx.getByRole("button", { name: "Save" }).click();
  await dx.locator(".field--error").getByRole("alert").waitFor();
  await dx.getByLabel("ICD-10 code").fill("A01.0 Typhoid fever");
  await dx.getByLabel("Certainty").selectOption("PROVISIONAL");
  await dx.getByRole("button", { name: "Save" }).click();
  await page.locator(".history").getByText("A01.0").waitFor();

  const rx = page.locator("form", { has: page.getByRole("heading", { name: "Prescription", exact: true }) });
  await rx.getByLabel("Medicine", { exact: true }).fill("Azithromycin");
  await rx.getByLabel("Strength").fill("500 mg");
  await rx.getByLabel("Dose").fill("1 tablet");
  await rx.getByLabel("Frequency").fill("1-0-0");
  await rx.getByLabel("Days").fill("7");
  await rx.getByRole("button", { name: "Save" }).click();
  const slip = rx.getByRole("link", { name: "Print prescription slip" });
  await slip.waitFor();
  await page.locator(".history").getByText(/Azithromycin 500 mg/).waitFor();
  const head = await page.evaluate(async (href) => {
    const bytes = new Uint8Array(await (await fetch(href)).arrayBuffer());
    return String.fromCharCode(...bytes.slice(0, 5));
  }, await slip.getAttribute("href"));
  assert.equal(head, "%PDF-", "the slip is a PDF");
  assert.deepEqual(await axeViolations(page), [], "record page has no serious accessibility violations");
  await shot(page, "record-visit");
  await ctx.close();
});

test("a state administrator sees pending verifications and verifies a professional", async () => {
  const admin = await token(server.url, "WB", "wb.admin", "wb-demo-admin-2026");
  const create = "mutation($i: CreateProfessionalInput!) { createProfessional(input: $i) { id } }";
  await api(server.url, create, { i: { professional: { name: "Dr. Paromita Dey", kind: "DOCTOR", registrations: [{ council: "West Bengal Medical Council", number: "WBMC-88123", registeredOn: "2015-03-01" }] } } }, admin);
  const ctx = await browser.newContext();
  const page = await ctx.newPage();
  await signIn(page, server.url, "WB", "wb.admin", "wb-demo-admin-2026");
  const pending = page.locator(".stat", { hasText: "Professionals waiting for verification" });
  await pending.waitFor();
  assert.ok(Number((await pending.locator(".stat__value").textContent()).replace("+", "")) >= 1);
  await page.getByRole("link", { name: "Verification queue" }).click();
  const row = page.getByRole("listitem", { name: "Dr. Paromita Dey" });
  await row.getByText("West Bengal Medical Council, no. WBMC-88123").waitFor();
  assert.deepEqual(await axeViolations(page), [], "verification queue has no serious accessibility violations");
  await shot(page, "verification-queue");
  // Rejecting needs a reason: without one it is refused, in the API's words.
  await row.getByRole("button", { name: "Reject" }).click();
  await row.getByRole("alert").waitFor();
  await row.getByRole("button", { name: "Verify" }).click();
  await page.getByRole("status").filter({ hasText: "Dr. Paromita Dey is verified." }).waitFor();
  await page.getByRole("listitem", { name: "Dr. Paromita Dey" }).waitFor({ state: "detached" });
  const after = await api(server.url, "{ professionals(filter: { search: \"Paromita\" }) { nodes { verificationStatus } } }", {}, admin);
  assert.equal(after.professionals.nodes[0].verificationStatus, "VERIFIED");
  await ctx.close();
});

test("the platform administrator creates, suspends and reactivates a tenant; a state administrator reads the audit trail", async () => {
  const ctx = await browser.newContext();
  const page = await ctx.newPage();
  await page.goto(server.url);
  await page.getByLabel("Username or e-mail").fill("platform");
  await page.getByLabel("Password", { exact: true }).fill("platform-demo-2026");
  await page.getByRole("button", { name: "Sign in" }).click();
  await page.getByRole("link", { name: "Tenants" }).click();
  await page.getByRole("cell", { name: "BR-MZP", exact: true }).waitFor();
  const form = page.locator("form", { has: page.getByRole("heading", { name: "Create a tenant" }) });
  await form.getByLabel("Code", { exact: true }).fill("WB-NDA");
  await form.getByLabel("Name").fill("Nadia District");
  await form.getByLabel("State's code (for a district)").fill("WB");
  await form.getByRole("button", { name: "Create a tenant" }).click();
  await page.getByRole("status").filter({ hasText: "Nadia District was created." }).waitFor();
  const row = page.getByRole("row", { name: /WB-NDA/ });
  await row.getByRole("button", { name: "Suspend WB-NDA" }).click();
  await row.getByText("Suspended").waitFor();
  await row.getByRole("button", { name: "Reactivate WB-NDA" }).click();
  await row.getByText("Active").waitFor();
  // A duplicate code is refused in plain words.
  await form.getByLabel("Code", { exact: true }).fill("WB-NDA");
  await form.getByLabel("Name").fill("Nadia again");
  await form.getByRole("button", { name: "Create a tenant" }).click();
  await form.getByRole("alert").waitFor();
  assert.deepEqual(await axeViolations(page), [], "tenants page has no serious accessibility violations");
  await shot(page, "tenants");
  await ctx.close();

  const admin = await browser.newContext();
  const a = await admin.newPage();
  await signIn(a, server.url, "WB", "wb.admin", "wb-demo-admin-2026");
  await a.getByRole("link", { name: "Audit trail" }).click();
  await a.getByRole("cell", { name: "auth.login", exact: true }).first().waitFor();
  await a.getByLabel(/^Action/).fill("auth.login");
  await a.getByRole("search").getByRole("button", { name: "Search" }).click();
  await a.getByRole("cell", { name: "wb.admin", exact: true }).first().waitFor();
  const actions = await a.locator("tbody td code").allTextContents();
  assert.ok(actions.length > 0 && actions.every((x) => x === "auth.login"), actions.join(","));
  assert.deepEqual(await axeViolations(a), [], "audit page has no serious accessibility violations");
  await admin.close();
});
