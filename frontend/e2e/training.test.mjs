// End-to-end, training: the demo nurse trains the infection prevention refresher and
// corrects the day's attendance on a 360 px phone on a slow network, then without one:
// the marks wait on the phone, survive the page being closed, and are sent once when
// the network returns; the register prints. The state administrator schedules a
// training and nominates a trainee. Headless Chromium against the real server with
// demo data.
import { after, before, test } from "node:test";
import assert from "node:assert/strict";
import { startServer } from "./server.mjs";
import { api, axeViolations, installed, launch, shot, signIn, slowNetwork, token } from "./browser.mjs";

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

const NURSE = "wb-demo-nurse-2026";
const IPC = "Infection prevention and control refresher";
const band = (page) => page.locator(".outbox-status");
const REGISTER = "query($id: ID!) { trainingRegister(id: $id) { lines { name cells { mark version } } } }";

/** A nominee's two buttons on the day's marking. */
/** Choose the option of a list that reads `text` (once the search has filled it). */
async function choose(select, text) {
  const option = select.locator("option", { hasText: text }).first();
  await option.waitFor({ state: "attached" });
  await select.selectOption(await option.getAttribute("value"));
}

const marks = (page, name) => page.getByRole("group", { name, exact: true });

test("the trainer corrects the day's attendance without a network and it is sent once", async () => {
  const context = await browser.newContext({ viewport: { width: 360, height: 780 } });
  let page = await context.newPage();
  await slowNetwork(context, page);
  await signIn(page, server.url, "WB", "wb.nurse", NURSE);
  await installed(page);
  await page.getByRole("link", { name: "Training" }).first().click();
  await page.getByRole("heading", { level: 1, name: "Training" }).waitFor();
  await page.getByRole("link", { name: IPC }).click();
  await page.getByRole("heading", { level: 2, name: /^Attendance on / }).waitFor();
  const id = new URL(page.url()).pathname.split("/").pop();
  // Day one from the demo: five present, the ASHA facilitator absent.
  await page.getByText("Present: 5 of 6").waitFor();
  assert.equal(await marks(page, "Rina Pramanik").getByRole("button", { name: "Absent" }).getAttribute("aria-pressed"), "true");
  assert.deepEqual(await axeViolations(page), [], "the register has no serious accessibility violations");

  // She came late after all, and Sabina Khatun left before the session: without a network.
  await context.setOffline(true);
  await marks(page, "Rina Pramanik").getByRole("button", { name: "Present" }).click();
  await marks(page, "Sabina Khatun").getByRole("button", { name: "Absent" }).click();
  await page.getByRole("button", { name: "Save marks (2)" }).dblclick();
  await page.getByRole("status").filter({ hasText: "It will be sent by itself" }).waitFor();
  await band(page).getByText("1 waiting to be sent").waitFor();
  await page.locator(".attendance li", { hasText: "Rina Pramanik" }).getByText("waiting to be sent").waitFor();
  const width = await page.evaluate(() => document.documentElement.scrollWidth);
  assert.ok(width <= 360, `no sideways scrolling at 360 px (${width})`);
  await shot(page, "training-offline-360");

  // The phone is closed and opened again, still offline: the register opens from the
  // phone's copy with the marks waiting. Then the network returns.
  await page.close();
  page = await context.newPage();
  await page.goto(`${server.url}/training/${id}`);
  await page.getByLabel("Username or e-mail").fill("wb.nurse");
  await page.getByLabel("Password", { exact: true }).fill(NURSE);
  await page.getByRole("button", { name: "Sign in" }).click();
  await band(page).getByText("1 waiting to be sent").waitFor();
  await page.locator(".attendance li", { hasText: "Sabina Khatun" }).getByText("waiting to be sent").waitFor();
  assert.equal(await marks(page, "Sabina Khatun").getByRole("button", { name: "Absent" }).getAttribute("aria-pressed"), "true");
  await context.setOffline(false);
  await band(page).getByRole("button", { name: "Sign in to send" }).click();
  await page.getByLabel("Password", { exact: true }).fill(NURSE);
  await page.getByRole("button", { name: "Sign in" }).click();
  await page.getByRole("heading", { level: 1, name: IPC }).waitFor();
  await band(page).waitFor({ state: "detached", timeout: 60_000 });

  // On the server once: each corrected cell is at its second version.
  const nurse = await token(server.url, "WB", "wb.nurse", NURSE);
  const day1 = async () => Object.fromEntries((await api(server.url, REGISTER, { id }, nurse)).trainingRegister.lines.map((l) => [l.name, l.cells[0]]));
  for (let i = 0; i < 100 && (await day1())["Rina Pramanik"].version < 2; i++) await page.waitForTimeout(200);
  const cells = await day1();
  assert.deepEqual(cells["Rina Pramanik"], { mark: "PRESENT", version: 2 });
  assert.deepEqual(cells["Sabina Khatun"], { mark: "ABSENT", version: 2 });
  assert.deepEqual(cells["Mita Biswas"], { mark: "PRESENT", version: 1 }, "untouched cells are not rewritten");
  await page.goto(`${server.url}/training/${id}`);
  await page.getByText("Present: 5 of 6").waitFor();

  // The register prints as a PDF; the page reads in Bengali; Back returns to the list.
  const [popup] = await Promise.all([page.waitForEvent("popup"), page.getByRole("button", { name: "Print the register" }).click()]);
  assert.match(popup.url(), /^blob:/);
  await popup.close();
  await page.getByLabel("Language").selectOption("bn");
  await page.getByRole("heading", { level: 2, name: "উপস্থিতি রেজিস্টার" }).waitFor();
  await page.getByLabel(/Language|ভাষা/).selectOption("en");
  await page.getByRole("link", { name: "← Training" }).click();
  await page.getByRole("heading", { level: 1, name: "Training" }).waitFor();
  await page.goBack();
  await page.getByRole("heading", { level: 1, name: IPC }).waitFor();
  await context.close();
});

test("the state administrator schedules a training and nominates a trainee", async () => {
  const context = await browser.newContext({ viewport: { width: 1024, height: 800 } });
  const page = await context.newPage();
  await signIn(page, server.url, "WB", "wb.admin", "wb-demo-admin-2026");
  await page.getByRole("link", { name: "Training" }).first().click();
  await page.getByRole("heading", { level: 1, name: "Training" }).waitFor();
  await page.getByRole("link", { name: "Oxygen therapy and high-flow nasal cannula" }).waitFor();
  const form = page.locator("form", { has: page.getByRole("heading", { name: "Schedule a training" }) });
  // A title too short is refused with its reason, and nothing is lost from the form.
  await form.getByLabel("Title").fill("TB");
  await form.getByLabel("Subject").selectOption({ label: "Disease surveillance" });
  await form.getByLabel("Find the facility (type part of its name)").fill("Krishnanagar");
  await choose(form.getByLabel("Where it is held"), "Krishnanagar District Hospital");
  await form.getByLabel("Find the trainer (type part of the name)").fill("Sunita");
  await choose(form.getByLabel("Trainer", { exact: true }), "Dr. Sunita Ghosh");
  await form.getByRole("button", { name: "Schedule" }).click();
  await form.getByText("give the title in 3 to 200 characters").waitFor();
  await form.getByLabel("Title").fill("IDSP case definitions for ANMs");
  await form.getByRole("button", { name: "Schedule" }).dblclick();
  await page.getByRole("heading", { level: 1, name: "IDSP case definitions for ANMs" }).waitFor();
  await page.getByText("Trainer: Dr. Sunita Ghosh").waitFor();
  await page.getByText("Nobody is nominated yet.").waitFor();

  await page.getByLabel("Find the professional (type part of the name)").fill("Sabina");
  await choose(page.getByLabel("Trainee", { exact: true }), "Sabina Khatun");
  await page.getByRole("button", { name: "Nominate" }).click();
  await page.getByRole("rowheader", { name: /Sabina Khatun/ }).waitFor();
  await page.getByText("Nominees: 1").waitFor();
  assert.deepEqual(await axeViolations(page), [], "the training page has no serious accessibility violations");
  await shot(page, "training-admin-1024");

  const admin = await token(server.url, "WB", "wb.admin", "wb-demo-admin-2026");
  const today = new Date(Date.now() + 330 * 60_000).toISOString().slice(0, 10);
  const list = (await api(server.url, "query($f: NaiveDate!) { trainingSessions(from: $f, to: $f) { title nominees } }", { f: today }, admin)).trainingSessions;
  assert.deepEqual(list.filter((s) => s.title.startsWith("IDSP")), [{ title: "IDSP case definitions for ANMs", nominees: 1 }], "scheduled once despite the double click");
  await context.close();
});
