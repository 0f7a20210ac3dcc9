// End-to-end, administration: verifications, tenants and the audit trail, a private
// hospital's sign-up and application, facilities and units, users, imports. The real
// server and the built web app in headless Chromium.
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
