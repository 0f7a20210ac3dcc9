// End-to-end, care: the helpline, patients and their records, the nurse's and the
// lab's work, the card, and the household survey. The real server and the built web
// app in headless Chromium.
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

/** Find a patient from the Patients screen by health ID. */
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
