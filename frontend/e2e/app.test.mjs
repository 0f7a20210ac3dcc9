// End-to-end: the real server and the built web app in headless Chromium.
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

  // Inside the console, every screen follows the switch: the Hindi catalogue is fetched
  // when first chosen, and the registry's lazily loaded screen is in Hindi too.
  const staff = await browser.newContext();
  const admin = await staff.newPage();
  await signIn(admin, server.url, "WB", "wb.admin", "wb-demo-admin-2026");
  await admin.getByLabel("Language").selectOption("hi");
  await admin.getByRole("link", { name: "सुविधाएँ" }).click();
  await admin.getByRole("heading", { level: 1, name: "स्वास्थ्य सुविधाएँ" }).waitFor();
  await admin.getByRole("cell", { name: "ज़िला अस्पताल" }).first().waitFor();
  await shot(admin, "facilities-hindi");

  // A registration with several mistakes shows every one at once, next to its field,
  // in the user's language, with no internal field names.
  await admin.getByLabel("भाषा").selectOption("en");
  await admin.getByRole("link", { name: "Patients" }).click();
  const form = admin.locator("form", { has: admin.getByRole("heading", { name: "Register a patient" }) });
  await form.getByLabel("Given name").fill("R4hul");
  await form.getByLabel("Sex").selectOption("MALE");
  await form.getByLabel("Phone").fill("12345");
  await form.getByRole("button", { name: "Register a patient" }).click();
  await form.getByText("Use letters only, no digits or symbols.").waitFor();
  await form.getByText("Give a 10-digit Indian mobile number starting with 6, 7, 8 or 9.").waitFor();
  await form.getByText("Give the date of birth, or the age in years if the date is not known.").waitFor();
  assert.equal(await form.getByText(/givenName|dateOfBirth/).count(), 0, "no internal field names");
  await admin.getByLabel("Language").selectOption("hi");
  // The form's heading changes language too, so look in the page.
  await admin.getByText("केवल अक्षर लिखें, अंक या चिह्न नहीं।").waitFor();
  await admin.getByText("6, 7, 8 या 9 से शुरू होने वाला 10 अंकों का भारतीय मोबाइल नंबर दें।").waitFor();
  await shot(admin, "register-errors-hindi");
  await staff.close();
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

  // The doctor books the caller a clinic appointment from the ticket.
  const staff = await token(server.url, "WB", "wb.teledoc", "wb-demo-teledoc-2026");
  const found = await api(server.url, 'query { searchPatients(input: { phone: "9433012345" }) { healthId } }', {}, staff);
  const booking = doctor.getByTestId("ticket-view").locator("details.booking");
  await booking.getByText("Book an appointment").click();
  await booking.getByLabel("Health ID").fill(found.searchPatients[0].healthId);
  await booking.getByRole("button", { name: "Find" }).click();
  await booking.getByText("For Mohammed Rafiq").waitFor();
  await booking.getByLabel("Facility (words of the name)").fill("krishnanagar");
  await booking.getByRole("button", { name: "Search" }).click();
  await booking.getByLabel("Facility", { exact: true }).selectOption({ label: "Krishnanagar District Hospital" });
  await booking.getByRole("button", { name: "Find free slots" }).click();
  await booking.getByLabel("Slot").locator("option").first().waitFor({ state: "attached" });
  // A double click books once and shows one outcome.
  await booking.getByRole("button", { name: "Book", exact: true }).dblclick();
  await booking.getByRole("status").filter({ hasText: /Booked: token \d+, / }).waitFor();
  assert.equal(await booking.getByRole("alert").count(), 0, "no 'slot just booked' beside the booking");
  assert.deepEqual(await axeViolations(doctor), [], "booking has no serious accessibility violations");
  await shot(doctor, "helpline-booking");

  // The knowledge base: the demo's Bengali article is found, and corrected.
  const kb = doctor.getByRole("region", { name: "Knowledge base" });
  await kb.getByLabel("Search articles").fill("ডেঙ্গি");
  await kb.getByRole("button", { name: "Search" }).click();
  await kb.getByText("ডেঙ্গি: যে সতর্কতা লক্ষণে আজই হাসপাতালে যেতে হবে").click();
  await kb.getByRole("button", { name: /^Correct “ডেঙ্গি/ }).click();
  await kb.getByLabel("Tags").fill("dengue, ডেঙ্গি, জ্বর, platelets");
  await kb.getByRole("button", { name: "Save the article" }).click();
  await kb.getByRole("status").filter({ hasText: "Saved: ডেঙ্গি" }).waitFor();
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

  // The form is cleared for the next person. The same person typed in again: likely
  // duplicates are offered instead of a second record.
  assert.equal(await form.getByLabel("Given name").inputValue(), "");
  await fill();
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
  // A double click saves once: the form is disabled while it is sent, and the
  // request carries an idempotency key.
  await dx.getByRole("button", { name: "Save" }).dblclick();
  await page.locator(".history").getByText("A01.0").waitFor();

  const rx = page.locator("form", { has: page.getByRole("heading", { name: "Prescription", exact: true }) });
  await rx.getByLabel("Medicine", { exact: true }).fill("Azithromycin");
  await rx.getByLabel("Strength").fill("500 mg");
  await rx.getByLabel("Dose").fill("1 tablet");
  await rx.getByLabel("Frequency").fill("1-0-0");
  await rx.getByLabel("Days").fill("7");
  // The secondary button keeps readable text under the pointer.
  const add = rx.getByRole("button", { name: "Add another medicine" });
  await add.hover();
  const colours = await add.evaluate((b) => [getComputedStyle(b).color, getComputedStyle(b).backgroundColor]);
  assert.notEqual(colours[0], colours[1], "hovered secondary text differs from its background");
  assert.ok(contrast(colours[0], colours[1]) >= 4.5, `hover contrast ${contrast(colours[0], colours[1])}`);
  await add.click();
  await rx.getByLabel("Medicine", { exact: true }).nth(1).fill("Ceftriaxone");
  await rx.getByLabel("Route").nth(1).selectOption("INTRAVENOUS");
  assert.equal(await rx.getByLabel("Form").nth(1).inputValue(), "INJECTION", "the form follows the route");
  await rx.getByLabel("Dose").nth(1).fill("1 g");
  await rx.getByLabel("Frequency").nth(1).fill("BD");
  await rx.getByRole("button", { name: "Save", exact: true }).dblclick();
  const slip = rx.getByRole("link", { name: "Print prescription slip" });
  await slip.waitFor();
  await page.locator(".history").getByText(/Azithromycin 500 mg/).waitFor();
  assert.equal(await page.locator(".history li").filter({ hasText: "A01.0" }).count(), 1, "one diagnosis after a double click");
  assert.equal(await page.locator(".history li").filter({ hasText: "Azithromycin" }).count(), 1, "one prescription after a double click");
  const order = page.locator("form", { has: page.getByRole("heading", { name: "Order lab tests" }) });
  await order.getByLabel("Tests").fill("Haemoglobin, Widal test");
  await order.getByLabel("Priority").selectOption("URGENT");
  await order.getByRole("button", { name: "Place the order" }).click();
  await page.locator(".history").getByText("Haemoglobin, Widal test (urgent, Blood)").waitFor();
  const head = await page.evaluate(async (href) => {
    const bytes = new Uint8Array(await (await fetch(href)).arrayBuffer());
    return String.fromCharCode(...bytes.slice(0, 5));
  }, await slip.getAttribute("href"));
  assert.equal(head, "%PDF-", "the slip is a PDF");

  // A note; an entry marked entered in error with its reason; the visit finished.
  const note = page.locator("form", { has: page.getByRole("heading", { name: "Clinical note" }) });
  await note.getByLabel("Note", { exact: true }).fill("Afebrile today. Oral fluids well taken.");
  await note.getByRole("button", { name: "Save the note" }).click();
  await page.locator(".history").getByText("Afebrile today. Oral fluids well taken.").waitFor();
  const orderRow = page.locator(".history li").filter({ hasText: "Widal test" });
  await orderRow.getByRole("button", { name: /Mark Lab order .* as entered in error/ }).click();
  await orderRow.getByLabel("Why (at least 5 characters)").fill("Ordered twice");
  await orderRow.getByRole("button", { name: "Mark as entered in error" }).click();
  await page.locator(".history li.voided").filter({ hasText: "Entered in error: Ordered twice" }).waitFor();
  const finish = page.getByRole("region", { name: "Finish the visit" });
  await finish.getByLabel("Outcome").selectOption("REFERRED");
  await finish.getByRole("button", { name: "Finish the visit" }).click();
  await finish.getByRole("alertdialog").getByRole("button", { name: "Yes, finish it" }).click();
  await page.locator(".history").getByText("Finished: Referred").waitFor();
  await page.locator("form", { has: page.getByRole("heading", { name: "Start a visit" }) }).waitFor();

  // A mistyped health ID in a record link says so, with a way back.
  await page.goto(`${server.url}/patients/WB-0000-0000-0001/record`);
  await page.getByRole("alert").filter({ hasText: "No patient has the health ID" }).waitFor();
  await page.getByRole("link", { name: "Back to patients" }).click();
  await page.waitForURL(/\/patients$/);
  await page.goBack();
  await page.goBack();
  await page.locator(".history").getByText("Finished: Referred").waitFor();
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
  await row.getByRole("alertdialog").getByLabel("What was checked (kept in the audit trail)").fill("Checked against the council register");
  await row.getByRole("button", { name: "Yes, verify" }).click();
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
  // One click asks; a reason is required before it goes through.
  const dialog = row.getByRole("alertdialog");
  await dialog.getByRole("button", { name: "Suspend now" }).click();
  await dialog.getByText("Give the reason in at least 5 characters.").waitFor();
  await dialog.getByLabel("Reason (kept in the audit trail)").fill("Pilot district closed for the season");
  await dialog.getByRole("button", { name: "Suspend now" }).click();
  await row.getByText("Suspended").waitFor();
  await row.getByRole("button", { name: "Reactivate WB-NDA" }).click();
  await row.getByRole("alertdialog").getByLabel("Reason (kept in the audit trail)").fill("Season reopened");
  await row.getByRole("alertdialog").getByRole("button", { name: "Reactivate" }).click();
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
  // The filtered page replaces the unfiltered one: wait for it, rather than read the old rows.
  await a.waitForFunction(() => {
    const actions = [...document.querySelectorAll("tbody td code")].map((c) => c.textContent);
    return actions.length > 0 && actions.every((x) => x === "auth.login");
  });
  await a.getByRole("cell", { name: "wb.admin", exact: true }).first().waitFor();
  assert.deepEqual(await axeViolations(a), [], "audit page has no serious accessibility violations");
  await admin.close();
});

/** A real one-page PDF (the server parses uploads whole), about `kb` kilobytes long. */
function pdf(name, kb = 2) {
  const stream = `% ${name} ${"0".repeat(kb * 1024)}\n`;
  const objects = [
    "<< /Type /Catalog /Pages 2 0 R >>",
    "<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
    "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 200 200] /Contents 4 0 R >>",
    `<< /Length ${Buffer.byteLength(stream)} >>\nstream\n${stream}endstream`,
  ];
  let body = "%PDF-1.4\n";
  const offsets = objects.map((o, i) => {
    const at = Buffer.byteLength(body);
    body += `${i + 1} 0 obj\n${o}\nendobj\n`;
    return at;
  });
  const xref = Buffer.byteLength(body);
  body += `xref\n0 5\n0000000000 65535 f \n${offsets.map((o) => `${String(o).padStart(10, "0")} 00000 n \n`).join("")}`;
  body += `trailer\n<< /Size 5 /Root 1 0 R >>\nstartxref\n${xref}\n%%EOF\n`;
  return { name, mimeType: "application/pdf", buffer: Buffer.from(body) };
}

/** The six digits in the newest SMS to `phone`, read from the outbox as an operator would. */
async function signupCode(phone) {
  const out = await server.cli(["outbox", "--tenant", "WB", "--limit", "50"]);
  const line = out.split("\n").find((l) => l.includes(`+91${phone}`) && /code is \d{6}/.test(l));
  assert.ok(line, `an SMS with a code to ${phone} in the outbox:\n${out}`);
  return line.match(/code is (\d{6})/)[1];
}

/** The six digits in the newest e-mail to `address`, from the outbox. */
async function emailCode(address) {
  const out = await server.cli(["outbox", "--tenant", "WB", "--limit", "50"]);
  const line = out.split("\n").find((l) => l.includes(address) && /code is \d{6}/.test(l));
  assert.ok(line, `an e-mail with a code to ${address} in the outbox:\n${out}`);
  return line.match(/code is (\d{6})/)[1];
}

async function uploadFor(page, purposeLabel, file) {
  const item = page.getByRole("listitem", { name: purposeLabel, exact: true });
  await item.locator('input[type="file"]').setInputFiles(file);
  await page.getByRole("status").filter({ hasText: `${file.name} was uploaded and checked.` }).waitFor();
}

test("a private hospital signs up, applies step by step with uploads, and is approved after changes", async () => {
  const phone = `9${String(Date.now()).slice(-9)}`;
  const appCtx = await browser.newContext({ viewport: { width: 390, height: 844 } });
  const applicant = await appCtx.newPage();
  await applicant.goto(server.url);
  await applicant.getByRole("link", { name: "A private hospital? Apply for registration" }).click();
  await applicant.getByRole("heading", { level: 1, name: "Register a private hospital" }).waitFor();
  assert.deepEqual(await axeViolations(applicant), [], "sign-up has no serious accessibility violations");
  await applicant.getByLabel("Tenant code").fill("WB");
  await applicant.getByLabel("Your name").fill("Dr. Meera Basu");
  await applicant.getByLabel("Mobile number").fill(phone);
  await applicant.getByLabel("E-mail").fill(`meera.${phone}@example.in`);
  await applicant.getByRole("button", { name: "Send the code" }).click();
  await applicant.getByRole("status").filter({ hasText: `A code was sent to ${phone}` }).waitFor();

  // A wrong code is refused next to the code field; the right one makes the account.
  await applicant.getByLabel("Six-digit code").fill("000000");
  await applicant.getByLabel("Choose a password").fill("basu-nursing-home-2026");
  await applicant.getByRole("button", { name: "Create my account" }).click();
  await applicant.getByRole("alert").first().waitFor();
  await applicant.getByLabel("Six-digit code").fill(await signupCode(phone));
  await applicant.getByRole("button", { name: "Create my account" }).click();
  await applicant.getByRole("heading", { level: 1, name: "Your applications" }).waitFor();
  assert.equal(await applicant.getByRole("link", { name: "Patients" }).count(), 0, "an applicant sees no patient screens");
  await applicant.getByRole("button", { name: "Start a new application" }).click();

  // Step 1: the facility, placed in one of the tenant's blocks.
  await applicant.getByRole("heading", { level: 2, name: "Facility" }).waitFor();
  await applicant.getByLabel("Facility name").fill("Basu Nursing Home");
  await applicant.getByLabel("Type of facility").selectOption("NURSING_HOME");
  const place = applicant.getByLabel("Block or area");
  await place.locator("option").nth(1).waitFor({ state: "attached" });
  await place.selectOption({ index: 1 });
  await applicant.getByLabel("Address", { exact: true }).fill("12 Station Road, Berhampore");
  await applicant.getByLabel("PIN code").fill("742101");
  await applicant.getByLabel("Emergency").check();
  await applicant.getByLabel("Open 24 hours, every day").check();
  assert.deepEqual(await axeViolations(applicant), [], "the facility step has no serious accessibility violations");
  await shot(applicant, "application-facility-390");
  await applicant.getByRole("button", { name: "Save and continue" }).click();

  // Step 2: beds. A bad count is refused next to its field, and nothing is lost.
  await applicant.getByRole("heading", { level: 2, name: "Beds" }).waitFor();
  await applicant.getByLabel("General beds").fill("-3");
  await applicant.getByRole("button", { name: "Save and continue" }).click();
  await applicant.locator(".field--error").first().waitFor();
  await applicant.getByLabel("General beds").fill("20");
  await applicant.getByLabel("ICU beds").fill("4");
  await applicant.getByRole("button", { name: "Save and continue" }).click();

  // The step is in the address and typing is kept as a draft: a reload stays on the
  // step with what was typed; Back and Forward move between steps.
  await applicant.getByRole("heading", { level: 2, name: "Licences" }).waitFor();
  await applicant.getByLabel("Clinical establishment registration number").fill("WB/CE/2026/0042");
  await applicant.reload();
  await applicant.getByRole("heading", { level: 1, name: /Basu Nursing Home/ }).waitFor();
  await applicant.getByRole("heading", { level: 2, name: "Licences" }).waitFor();
  assert.equal(await applicant.getByLabel("Clinical establishment registration number").inputValue(), "WB/CE/2026/0042", "typing survives a reload");
  await applicant.goBack();
  await applicant.getByRole("heading", { level: 2, name: "Beds" }).waitFor();
  assert.equal(await applicant.getByLabel("ICU beds").inputValue(), "4", "the saved step shows what was saved");
  await applicant.goForward();
  await applicant.getByRole("heading", { level: 2, name: "Licences" }).waitFor();
  await applicant.getByRole("button", { name: "Save and continue" }).click();
  await applicant.getByRole("heading", { level: 2, name: "Person in charge" }).waitFor();
  await applicant.getByLabel("Name", { exact: true }).fill("Dr. Meera Basu");
  await applicant.getByLabel("Designation").fill("Medical superintendent");
  await applicant.getByLabel("Medical council").fill("West Bengal Medical Council");
  await applicant.getByLabel("Council registration number").fill("WBMC-58231");
  await applicant.getByRole("button", { name: "Save and continue" }).click();

  // Step 5: documents, straight to storage. The first goes over a slowed link so the
  // progress bar is seen moving.
  await applicant.getByRole("heading", { level: 2, name: "Documents" }).waitFor();
  const cdp = await appCtx.newCDPSession(applicant);
  await cdp.send("Network.enable");
  await cdp.send("Network.emulateNetworkConditions", { offline: false, latency: 20, downloadThroughput: -1, uploadThroughput: 64 * 1024 });
  const first = applicant.getByRole("listitem", { name: "Clinical establishment registration", exact: true });
  await first.locator('input[type="file"]').setInputFiles(pdf("ce-registration.pdf", 256));
  const bar = applicant.getByRole("progressbar", { name: "Uploading Clinical establishment registration" });
  await bar.waitFor();
  // The bar moves while the bytes go (part-way, neither empty nor full).
  await applicant.waitForFunction(() => {
    const p = document.querySelector("progress");
    return p !== null && p.value > 0 && p.value < 1;
  });
  await shot(applicant, "application-upload-progress-390");
  await applicant.getByRole("status").filter({ hasText: "ce-registration.pdf was uploaded and checked." }).waitFor({ timeout: 30_000 });
  await cdp.send("Network.emulateNetworkConditions", { offline: false, latency: 0, downloadThroughput: -1, uploadThroughput: -1 });
  await uploadFor(applicant, "Fire safety NOC", pdf("fire-noc-2025.pdf"));
  await uploadFor(applicant, "Biomedical waste authorisation", pdf("bmw.pdf"));
  await uploadFor(applicant, "Pollution control consent", pdf("pcb-consent.pdf"));
  await uploadFor(applicant, "Building occupancy certificate", pdf("occupancy.pdf"));
  await uploadFor(applicant, "PAN or GST certificate", pdf("pan.pdf"));
  assert.deepEqual(await axeViolations(applicant), [], "the documents step has no serious accessibility violations");
  await shot(applicant, "application-documents-390");
  await applicant.getByRole("button", { name: "Continue" }).click();
  await applicant.getByText("Everything is filled in.").waitFor();
  // The e-mail address is proved with the code sent to it, before submitting.
  await applicant.getByRole("heading", { name: "Prove your e-mail address" }).waitFor();
  // Submitting first says what is missing, on this step.
  await applicant.getByRole("button", { name: "Submit for review" }).click();
  await applicant.getByRole("alert").filter({ hasText: "Prove your e-mail address first" }).waitFor();
  await applicant.getByLabel("Code from the e-mail").fill(await emailCode(`meera.${phone}@example.in`));
  await applicant.getByRole("button", { name: "Prove the address" }).click();
  await applicant.getByRole("status").filter({ hasText: `Your e-mail address meera.${phone}@example.in is proved.` }).waitFor();
  await applicant.getByRole("button", { name: "Submit for review" }).click();
  await applicant.getByRole("status").filter({ hasText: "Submitted. The department will review it." }).waitFor();

  // The state administrator finds it in the queue and sends it back with a comment.
  const revCtx = await browser.newContext();
  const reviewer = await revCtx.newPage();
  await signIn(reviewer, server.url, "WB", "wb.admin", "wb-demo-admin-2026");
  await reviewer.getByRole("link", { name: "Hospital applications" }).click();
  await reviewer.getByRole("heading", { level: 1, name: "Applications to review" }).waitFor();
  await reviewer.getByRole("link", { name: "Basu Nursing Home" }).click();
  await reviewer.getByRole("heading", { level: 2, name: "Decision" }).waitFor();
  await reviewer.getByText("WB/CE/2026/0042").waitFor();
  assert.deepEqual(await axeViolations(reviewer), [], "the review screen has no serious accessibility violations");
  await shot(reviewer, "application-review");
  await reviewer.getByLabel("About").selectOption({ label: "Fire safety NOC" });
  await reviewer.getByLabel("Comment", { exact: true }).fill("This NOC expired in 2025: upload the renewed one.");
  await reviewer.getByRole("button", { name: "Ask for changes" }).click();
  await reviewer.getByRole("status").filter({ hasText: "The application is now: Changes requested." }).waitFor();

  // The applicant sees the comment, replaces the document and submits again.
  await applicant.reload();
  await applicant.getByText("This NOC expired in 2025: upload the renewed one.").first().waitFor();
  await applicant.locator(".notice strong", { hasText: "Fire safety NOC" }).waitFor();
  await applicant.getByRole("button", { name: /5\. Documents/ }).click();
  await applicant.getByRole("button", { name: "Remove fire-noc-2025.pdf" }).click();
  await applicant.getByRole("button", { name: "Remove fire-noc-2025.pdf" }).waitFor({ state: "detached" });
  await uploadFor(applicant, "Fire safety NOC", pdf("fire-noc-2026.pdf"));
  await applicant.getByRole("button", { name: "Continue" }).click();
  await applicant.getByRole("button", { name: "Submit for review" }).click();
  await applicant.getByRole("status").filter({ hasText: "Submitted. The department will review it." }).waitFor();

  // Approved: the reviewer sees it decided, the applicant sees the outcome.
  await reviewer.reload();
  await reviewer.getByText("fire-noc-2026.pdf").waitFor();
  await reviewer.getByRole("button", { name: "Approve" }).click();
  await reviewer.getByRole("alertdialog").getByRole("button", { name: "Yes, approve" }).click();
  await reviewer.getByRole("status").filter({ hasText: "The application is now: Approved." }).waitFor();
  await applicant.reload();
  await applicant.getByRole("heading", { level: 1, name: /Basu Nursing Home/ }).getByText("Approved").waitFor();
  await shot(applicant, "application-approved-390");
  await appCtx.close();
  await revCtx.close();
});

/** Find a patient from the Patients screen by health ID. */
/** WCAG contrast ratio of two CSS rgb() colours. */
function contrast(a, b) {
  const lum = (c) => {
    const [r, g, bl] = c.match(/\d+(\.\d+)?/g).slice(0, 3).map(Number).map((v) => {
      const s = v / 255;
      return s <= 0.03928 ? s / 12.92 : ((s + 0.055) / 1.055) ** 2.4;
    });
    return 0.2126 * r + 0.7152 * g + 0.0722 * bl;
  };
  const [x, y] = [lum(a), lum(b)].sort((p, q) => q - p);
  return (x + 0.05) / (y + 0.05);
}

async function findByHealthId(page, healthId) {
  await page.getByRole("link", { name: "Patients" }).click();
  await page.getByLabel("Health ID").fill(healthId);
  await page.getByRole("button", { name: "Find" }).click();
}

test("a nurse records vitals, the card is previewed and printed, the lab reports an order, and an administrator reads who opened the record", async () => {
  const nurseCtx = await browser.newContext({ viewport: { width: 390, height: 844 } });
  const nurse = await nurseCtx.newPage();
  await signIn(nurse, server.url, "WB", "wb.nurse", "wb-demo-nurse-2026");
  await nurse.getByRole("link", { name: "Patients" }).click();
  const search = nurse.getByRole("search", { name: "Search by phone or name" });
  // A name typed in Bengali finds the patient registered in Latin letters.
  await search.getByLabel("Name").fill("লক্ষ্মী দেবী");
  await search.getByRole("button", { name: "Search" }).click();
  await search.getByRole("button", { name: /Lakshmi Devi/ }).waitFor();
  await search.getByLabel("Name").fill("");
  await search.getByLabel("Phone").fill("9830012345");
  await search.getByRole("button", { name: "Search" }).click();
  await search.getByRole("button", { name: /Lakshmi Devi/ }).click();
  // The search and the patient shown are in the address: a reload keeps both.
  await nurse.getByRole("img", { name: /^Card WB-/ }).waitFor();
  await nurse.reload();
  await search.getByRole("button", { name: /Lakshmi Devi/ }).waitFor();
  assert.equal(await search.getByLabel("Phone").inputValue(), "9830012345");

  // The card: a preview image and a PDF to print, both fetched with the session.
  const preview = nurse.getByRole("img", { name: /^Card WB-/ });
  await preview.waitFor();
  await nurse.waitForFunction(() => document.querySelector("img.card-preview")?.naturalWidth > 0);
  const healthId = (await preview.getAttribute("alt")).replace("Card ", "");
  const [popup] = await Promise.all([nurseCtx.waitForEvent("page"), nurse.getByRole("button", { name: "Print the card (PDF)" }).click()]);
  const head = await nurse.evaluate(async (href) => String.fromCharCode(...new Uint8Array(await (await fetch(href)).arrayBuffer()).slice(0, 5)), popup.url());
  assert.equal(head, "%PDF-", "the printed card is a PDF");
  await popup.close();
  assert.deepEqual(await axeViolations(nurse), [], "the patient screen has no serious accessibility violations");
  await shot(nurse, "patient-card-390");

  // Vitals in the visit in progress: an impossible SpO2 is refused at its field; unusual values are saved and flagged.
  await nurse.getByRole("link", { name: "Open health record" }).click();
  const vitals = nurse.locator("form", { has: nurse.getByRole("heading", { name: "Vitals" }) });
  await vitals.getByLabel("SpO₂ (%)").fill("150");
  await vitals.getByRole("button", { name: "Save vitals" }).click();
  await vitals.locator(".field--error").getByRole("alert").waitFor();
  await vitals.getByLabel("SpO₂ (%)").fill("");
  await vitals.getByRole("button", { name: "Save vitals" }).click();
  await vitals.getByRole("alert").filter({ hasText: "enter at least one measurement" }).waitFor();
  await vitals.getByLabel("SpO₂ (%)").fill("96");
  await vitals.getByLabel("Pulse (per minute)").fill("132");
  // Read in °F at the counter; kept in °C.
  await vitals.getByLabel("Unit").selectOption("F");
  await vitals.getByLabel("Temperature (°F)").fill("100.8");
  await vitals.getByRole("button", { name: "Save vitals" }).dblclick();
  await vitals.getByRole("status").filter({ hasText: "Vitals saved." }).waitFor();
  const flags = vitals.getByRole("list", { name: "Outside the usual range" });
  await flags.getByText("Pulse (per minute) high: 132 /min (usual 50–100)").waitFor();
  await flags.getByText(/Temperature \(°C\) high: 38\.2 °C/).waitFor();
  await nurse.locator(".history").getByText(/SpO₂ 96%/).waitFor();
  assert.equal(await nurse.locator(".history li").filter({ hasText: "SpO₂ 96%" }).count(), 1, "one vitals entry after a double click");
  await shot(nurse, "record-vitals-390");
  await nurseCtx.close();

  // The lab technician reports the visit's open order; the flag comes from the range.
  const labCtx = await browser.newContext();
  const lab = await labCtx.newPage();
  await signIn(lab, server.url, "WB", "wb.lab", "wb-demo-lab-2026");
  await findByHealthId(lab, healthId);
  await lab.getByRole("link", { name: "Open health record" }).click();
  const results = lab.getByRole("region", { name: "Lab results to report" });
  await results.getByLabel("Platelet count: result").fill("90000");
  await results.getByLabel("Platelet count: unit").fill("/µL");
  await results.getByLabel("Platelet count: reference low").fill("150000");
  await results.getByLabel("Platelet count: reference high").fill("450000");
  await results.getByLabel("Dengue NS1 antigen: result").fill("Positive");
  await results.getByRole("button", { name: "Report the results" }).click();
  await results.getByRole("status").filter({ hasText: "Results reported." }).waitFor();
  await lab.locator(".history .abnormal").filter({ hasText: "Platelet count: 90000 /µL (150000–450000) low" }).waitFor();
  await results.getByText("No lab orders are waiting for results.").waitFor();
  assert.deepEqual(await axeViolations(lab), [], "the lab screen has no serious accessibility violations");
  await shot(lab, "record-lab-result");
  await labCtx.close();

  // The administrator sees who opened the record, and why.
  const adminCtx = await browser.newContext();
  const admin = await adminCtx.newPage();
  await signIn(admin, server.url, "WB", "wb.admin", "wb-demo-admin-2026");
  await findByHealthId(admin, healthId);
  await admin.getByRole("link", { name: "Who opened this record" }).click();
  await admin.getByRole("heading", { level: 1, name: "Access log: Lakshmi Devi" }).waitFor();
  await admin.getByRole("cell", { name: "Sister Rekha Mondal" }).first().waitFor();
  await admin.getByRole("cell", { name: "Pradip Sarkar" }).first().waitFor();
  assert.deepEqual(await axeViolations(admin), [], "the access log has no serious accessibility violations");
  await shot(admin, "access-log");
  await adminCtx.close();
});

test("an administrator browses facilities, edits one (a stale edit is refused), and adds a unit to the tree", async () => {
  const ctx = await browser.newContext();
  const page = await ctx.newPage();
  await signIn(page, server.url, "WB", "wb.admin", "wb-demo-admin-2026");
  await page.getByRole("link", { name: "Facilities" }).click();
  await page.getByLabel("Words of the name").fill("krishnanagar");
  await page.getByRole("button", { name: "Search" }).click();
  await page.getByRole("link", { name: "Krishnanagar District Hospital" }).click();
  await page.getByRole("heading", { level: 1, name: /Krishnanagar District Hospital/ }).waitFor();
  await page.getByText("Dr. Sunita Ghosh").waitFor();
  assert.deepEqual(await axeViolations(page), [], "the facility page has no serious accessibility violations");

  // A second administrator's tab edits first; this tab's older copy then gets a conflict.
  const otherCtx = await browser.newContext();
  const other = await otherCtx.newPage();
  await signIn(other, server.url, "WB", "wb.admin", "wb-demo-admin-2026");
  await other.goto(page.url());
  await page.getByRole("button", { name: "Edit the facility" }).click();
  await other.getByRole("button", { name: "Edit the facility" }).click();
  await other.getByLabel("Facility phone").fill("03472 252211");
  await other.getByRole("button", { name: "Save" }).click();
  await other.getByRole("status").filter({ hasText: "The facility was saved." }).waitFor();
  await otherCtx.close();
  await page.getByLabel("General beds").fill("260");
  await page.getByRole("button", { name: "Save" }).click();
  await page.getByRole("alert").filter({ hasText: "Someone else changed this facility" }).waitFor();
  await page.reload();
  await page.getByText("+913472252211").waitFor();
  await page.getByRole("button", { name: "Edit the facility" }).click();
  await page.getByLabel("General beds").fill("260");
  await page.getByRole("button", { name: "Save" }).click();
  await page.getByRole("status").filter({ hasText: "The facility was saved." }).waitFor();
  await page.getByText(/General beds: 260/).waitFor();
  await shot(page, "facility");

  // The professionals registry, filtered by kind.
  await page.getByRole("link", { name: "Professionals" }).click();
  await page.getByLabel("Kind", { exact: true }).selectOption("LAB_TECHNICIAN");
  await page.getByRole("button", { name: "Search" }).click();
  await page.getByRole("cell", { name: "Pradip Sarkar" }).waitFor();
  assert.equal(await page.getByRole("cell", { name: "Dr. Sunita Ghosh" }).count(), 0, "only lab technicians are listed");
  assert.deepEqual(await axeViolations(page), [], "the professionals registry has no serious accessibility violations");

  await page.getByRole("link", { name: "Units" }).click();
  // The state and its districts start open; a sub-division opens to show its blocks.
  await page.locator(".tree summary", { hasText: "Krishnanagar Sadar" }).click();
  await page.getByText("Krishnanagar-I", { exact: true }).waitFor();
  await page.getByLabel("Under").selectOption({ label: "Krishnanagar Sadar (Sub-division)" });
  await page.getByText("The new unit will be a Block.").waitFor();
  await page.getByLabel("Name", { exact: true }).fill("Krishnanagar-II");
  await page.getByRole("button", { name: "Add", exact: true }).dblclick();
  await page.getByRole("status").filter({ hasText: "Krishnanagar-II was added under Krishnanagar Sadar." }).waitFor();
  await page.locator(".tree").getByText("Krishnanagar-II", { exact: true }).waitFor();
  assert.equal(await page.getByRole("alert").count(), 0, "a double click adds once, with no error for a second");
  assert.deepEqual(await axeViolations(page), [], "the unit tree has no serious accessibility violations");
  await shot(page, "units");
  await ctx.close();
});

test("a surveyor on a phone records a household with its location, enrols its members and prints a card", async () => {
  const ctx = await browser.newContext({ viewport: { width: 360, height: 740 }, geolocation: { latitude: 23.41234, longitude: 88.49876 }, permissions: ["geolocation"] });
  const page = await ctx.newPage();
  await signIn(page, server.url, "WB", "wb.surveyor", "wb-demo-surveyor-2026");
  const stat = page.locator(".stat", { hasText: "People you registered today" }).locator(".stat__value");
  const before = Number(await stat.textContent());

  await page.getByRole("link", { name: "Household survey" }).first().click();
  await page.getByRole("heading", { level: 1, name: "Household survey" }).waitFor();
  const place = page.getByLabel("Block or area");
  await place.locator("option").nth(1).waitFor({ state: "attached" });
  await place.selectOption({ label: "Nadia › Krishnanagar Sadar › Krishnanagar-I" });
  await page.getByLabel("House and street, or landmark").fill("Ward 7, near the Kali temple, Krishnanagar");
  await page.getByRole("button", { name: "Use my location" }).click();
  await page.getByRole("status").filter({ hasText: "Location: 23.41234, 88.49876" }).waitFor();
  assert.deepEqual(await axeViolations(page), [], "the survey screen has no serious accessibility violations");
  // (Saving without a network is e2e/outbox.test.mjs's.)
  await page.getByRole("button", { name: "Save the household" }).dblclick();

  const household = page.getByRole("region", { name: "Ward 7, near the Kali temple, Krishnanagar" });
  await household.getByText("Nobody is enrolled in this household yet.").waitFor();
  const enrol = household.locator("form", { has: page.getByRole("heading", { name: "Enrol a member" }) });
  await enrol.getByLabel("Given name").fill("Gopal");
  await enrol.getByLabel("Family name").fill("Mondal");
  await enrol.getByLabel("Name in local script").fill("গোপাল মণ্ডল");
  await enrol.getByLabel("Sex").selectOption("MALE");
  await enrol.getByLabel("Age in years (if the date is not known)").fill("52");
  assert.equal(await enrol.getByLabel("Head of the household").isChecked(), true, "the first member is the head by default");
  await enrol.getByRole("button", { name: "Enrol a member" }).click();
  await household.locator(".members").getByText("Gopal Mondal").waitFor();
  await enrol.getByLabel("Given name").fill("Mita");
  await enrol.getByLabel("Family name").fill("Mondal");
  await enrol.getByLabel("Sex").selectOption("FEMALE");
  await enrol.getByLabel("Age in years (if the date is not known)").fill("9");
  assert.equal(await enrol.getByLabel("Head of the household").isChecked(), false);
  await enrol.getByRole("button", { name: "Enrol a member" }).click();
  await household.locator(".members").getByText("Mita Mondal").waitFor();
  await household.locator(".members li", { hasText: "Gopal Mondal" }).getByText("head").waitFor();
  const width = await page.evaluate(() => document.documentElement.scrollWidth);
  assert.ok(width <= 360, `no sideways scrolling at 360 px (${width})`);
  await shot(page, "survey-household-360");

  const [popup] = await Promise.all([ctx.waitForEvent("page"), household.getByRole("button", { name: "Print Mita's card" }).click()]);
  const head = await page.evaluate(async (href) => String.fromCharCode(...new Uint8Array(await (await fetch(href)).arrayBuffer()).slice(0, 5)), popup.url());
  assert.equal(head, "%PDF-", "the card is a PDF");
  await popup.close();

  // The double click made one household.
  await page.getByRole("button", { name: "All households" }).click();
  await page.getByText("Ward 7, near the Kali temple, Krishnanagar").first().waitFor();
  assert.equal(await page.getByText("Ward 7, near the Kali temple, Krishnanagar").count(), 1, "one household after a double click");

  await page.getByRole("link", { name: "Dashboard" }).click();
  await page.locator(".stat", { hasText: "People you registered today" }).getByText(String(before + 2)).waitFor();
  await ctx.close();
});

test("a link opened in a new tab keeps the session, each screen has its title and focus, and a slow screen keeps the frame", async () => {
  const ctx = await browser.newContext();
  const page = await ctx.newPage();
  await signIn(page, server.url, "WB", "wb.admin", "wb-demo-admin-2026");
  // A skip link first, then the menu.
  await page.keyboard.press("Tab");
  assert.equal(await page.evaluate(() => document.activeElement?.textContent), "Skip to the content");

  await page.getByRole("link", { name: "Patients" }).click();
  await page.waitForFunction(() => document.title === "Find a patient · Arogya");
  assert.equal(await page.evaluate(() => document.activeElement?.tagName), "H1", "focus moves to the new screen's heading");

  // A new tab of the same browser shares the session: no second sign-in.
  const second = await ctx.newPage();
  await second.goto(`${server.url}/registry/facilities`);
  await second.getByRole("heading", { level: 1, name: "Health facilities" }).waitFor();
  assert.equal(await second.getByLabel("Password").count(), 0, "no sign-in form in the new tab");

  // A screen whose code arrives slowly: the menu stays, progress shows in the content.
  await page.route("**/assets/Units-*.js", async (route) => {
    await new Promise((r) => setTimeout(r, 1500));
    await route.continue();
  });
  await page.getByRole("link", { name: "Units" }).click();
  await page.locator("main [aria-busy=true]").waitFor();
  assert.ok(await page.getByRole("navigation", { name: "Main menu" }).isVisible(), "the frame stays while the screen loads");
  await page.getByRole("heading", { level: 1, name: "Administrative units" }).waitFor();
  assert.equal(await page.title(), "Administrative units · Arogya");

  // Signing out in one tab signs the other out too.
  await second.getByRole("button", { name: "Sign out" }).click();
  await page.getByLabel("Password").waitFor();
  await ctx.close();
});

test("an administrator manages users and roles, adds a facility and a professional, runs an import, and exports the audit trail", async () => {
  const ctx = await browser.newContext({ acceptDownloads: true });
  const page = await ctx.newPage();
  await signIn(page, server.url, "WB", "wb.admin", "wb-demo-admin-2026");

  // A user, a role granted then revoked (after confirming), the account disabled.
  await page.getByRole("link", { name: "Users" }).click();
  const form = page.locator("form", { has: page.getByRole("heading", { name: "Add a user" }) });
  await form.getByLabel("Username").fill("wb.nurse2");
  await form.getByLabel("Full name").fill("Sister Mala Roy");
  await form.getByLabel("First password").fill("a long first password");
  await form.getByLabel("Role").selectOption("NURSE");
  await form.getByRole("button", { name: "Add the user" }).dblclick();
  const row = page.getByRole("listitem", { name: "Sister Mala Roy" });
  await row.waitFor();
  assert.equal(await page.getByRole("listitem", { name: "Sister Mala Roy" }).count(), 1, "one account after a double click");
  await row.getByText("Roles, password and access").click();
  await row.getByLabel("Role").selectOption("SURVEYOR");
  await row.getByRole("button", { name: "Grant the role" }).click();
  await row.getByText("Surveyor ·").waitFor();
  await row.getByRole("button", { name: "Revoke Surveyor from Sister Mala Roy" }).click();
  await row.getByRole("alertdialog").getByRole("button", { name: "Revoke" }).click();
  await row.locator(".chips li", { hasText: "Surveyor" }).waitFor({ state: "detached", timeout: 5000 }).catch(async (e) => {
    throw new Error(`revoke did not take: ${await row.innerText()} ${e}`);
  });
  await row.getByRole("button", { name: "Disable the account" }).click();
  await row.getByRole("alertdialog").getByRole("button", { name: "Disable the account" }).click();
  await row.getByText("Disabled").waitFor();
  // A look-alike of that name (a Cyrillic "а" for the Latin "a") is flagged; the
  // administrator may still create it, on purpose.
  await form.getByLabel("Username").fill("wb.nurse3");
  await form.getByLabel("Full name").fill("Sister M\u0430la Roy");
  await form.getByLabel("First password").fill("a long first password");
  await form.getByRole("button", { name: "Add the user" }).click();
  await form.getByText("This display name looks like another account's name.").waitFor();
  assert.equal(await page.getByRole("listitem", { name: "Sister M\u0430la Roy" }).count(), 0, "not created before confirming");
  await form.getByRole("button", { name: "Create it anyway" }).click();
  await page.getByRole("listitem", { name: "Sister M\u0430la Roy" }).waitFor();
  assert.deepEqual(await axeViolations(page), [], "the users screen has no serious accessibility violations");

  // A facility and a professional added by hand.
  await page.getByRole("link", { name: "Facilities" }).click();
  await page.getByText("Add a facility").click();
  await page.getByLabel("Name", { exact: true }).fill("Chakdaha State General Hospital");
  await page.getByLabel("Type", { exact: true }).selectOption("STATE_GENERAL_HOSPITAL");
  await page.getByLabel("Where it lies").selectOption({ label: "· · · Krishnanagar-I" });
  await page.getByRole("button", { name: "Add the facility" }).click();
  await page.getByRole("status").filter({ hasText: "Chakdaha State General Hospital was added." }).waitFor();
  await page.getByRole("link", { name: "Professionals" }).click();
  await page.getByText("Add a professional").click();
  await page.getByLabel("Full name").fill("Dr. Ishita Paul");
  await page.getByLabel("Council", { exact: true }).fill("West Bengal Medical Council");
  await page.getByLabel("Registration number", { exact: true }).fill("WBMC-77321");
  await page.getByLabel("Registered on", { exact: true }).fill("2020-05-01");
  await page.getByRole("button", { name: "Add the professional" }).click();
  await page.getByRole("status").filter({ hasText: "Dr. Ishita Paul was added" }).waitFor();

  // A CSV import with a mistake: nothing imported, the row and column named.
  await page.getByRole("link", { name: "Imports" }).click();
  await page.getByLabel("What the file holds").selectOption("facilities");
  const csv = "name,type,ownership,unit_lgd_code\nRanaghat Hospital,not_a_type,public,333\n";
  await page.getByLabel("CSV file").setInputFiles({ name: "facilities.csv", mimeType: "text/csv", buffer: Buffer.from(csv) });
  await page.getByRole("button", { name: "Check and import" }).click();
  await page.getByRole("status").filter({ hasText: "Imported: 0." }).waitFor();
  await page.getByRole("cell", { name: "type", exact: true }).first().waitFor();

  // The audit trail: a family of actions, and a CSV download of what is shown.
  await page.getByRole("link", { name: "Audit trail" }).click();
  await page.getByLabel("Kind of action").selectOption("user.");
  await page.getByRole("search").getByRole("button", { name: "Search" }).click();
  await page.getByRole("cell", { name: "user.create" }).first().waitFor();
  assert.equal(await page.getByRole("cell", { name: /^auth\./ }).count(), 0, "only user actions");
  const [download] = await Promise.all([page.waitForEvent("download"), page.getByRole("button", { name: "Download as CSV" }).click()]);
  const text = readFileSync(await download.path(), "utf8");
  assert.ok(text.startsWith("occurredAt,actor,actorKind,action"), text.slice(0, 80));
  assert.ok(text.includes("user.create") && !text.includes(",auth."), "the CSV has the filtered rows");
  await ctx.close();
});
