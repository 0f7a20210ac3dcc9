// End-to-end, the app as a whole: sign-in and the session (reload, deep links, new
// tabs, sign-out), languages, titles and focus. The real server and the built web app
// in headless Chromium.
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

test("a link opened in a new tab keeps the session, each screen has its title and focus, and a slow screen keeps the frame", async () => {
  // The offline worker caches the screens' code once it is installed, and a
  // request it answers never reaches page.route; without it the slow screen
  // below is slow every time, not only when the worker is not ready yet.
  const ctx = await browser.newContext({ serviceWorkers: "block" });
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
