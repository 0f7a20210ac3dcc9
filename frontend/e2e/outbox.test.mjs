// End-to-end, work done without a network: a surveyor's household and its members,
// an oxygen officer's readings. Saved on the phone (sealed with the password), kept
// when the page is closed, sent by themselves in order when the network returns and
// recorded exactly once, even when an answer is lost on the way; a likely duplicate
// and a reading entered meanwhile on another device are put to the person, not
// dropped. On a 360 px phone on a slow network (CDP: 400 kbit/s, 400 ms), in headless
// Chromium against the real server with demo data.
import { after, before, test } from "node:test";
import assert from "node:assert/strict";
import { startServer } from "./server.mjs";
import { api, installed, launch, shot, signIn, slowNetwork, token } from "./browser.mjs";

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

const band = (page) => page.locator(".outbox-status");

const HOUSEHOLDS = "{ households(first: 100) { nodes { id addressLine members { givenName familyName ageYears sex } } } }";

test("a household and its members enrolled without a network are sent once, and a likely duplicate is put to the surveyor", async () => {
  const PASSWORD = "wb-demo-surveyor-2026";
  const surveyor = await token(server.url, "WB", "wb.surveyor", PASSWORD);
  const existing = (await api(server.url, HOUSEHOLDS, {}, surveyor)).households.nodes.flatMap((h) => h.members)[0];
  assert.ok(existing, "the demo has a surveyed household with members");

  const context = await browser.newContext({ viewport: { width: 360, height: 740 } });
  let page = await context.newPage();
  await slowNetwork(context, page);
  await signIn(page, server.url, "WB", "wb.surveyor", PASSWORD);
  await installed(page);
  await page.getByRole("link", { name: "Household survey" }).first().click();
  await page.getByRole("heading", { level: 1, name: "Household survey" }).waitFor();
  const place = page.getByLabel("Block or area");
  await place.locator("option").nth(1).waitFor({ state: "attached" });
  await page.getByRole("button", { name: /12 Station Road/ }).first().waitFor();

  // The first household goes while the network is up, but its answer is lost on the
  // way back: the server has it, the phone does not know. It is queued with the same
  // key and sent again: the server answers what it answered the first time.
  const ADDRESS = `Lost answer lane ${Date.now()}`;
  let dropped = 0;
  await page.route("**/graphql", async (route) => {
    if (dropped === 0 && (route.request().postData() ?? "").includes(ADDRESS)) {
      const response = await route.fetch();
      const body = await response.text();
      if (body.includes('"createHousehold"')) {
        dropped += 1; // the server took it, and its answer never arrives
        return route.abort("connectionreset");
      }
      return route.fulfill({ response, body }); // (the server asking for the query's text)
    }
    return route.continue();
  });
  await place.selectOption({ label: "Nadia › Krishnanagar Sadar › Krishnanagar-I" });
  await page.getByLabel("House and street, or landmark").fill(ADDRESS);
  await page.getByRole("button", { name: "Save the household" }).dblclick();
  await page.getByRole("region", { name: ADDRESS }).waitFor();
  await page.getByRole("region", { name: ADDRESS }).getByText("Nobody is enrolled in this household yet.").waitFor();
  await page.unroute("**/graphql");
  assert.equal(dropped, 1);

  // Now no network at all: a second household and two members.
  await page.getByRole("button", { name: "All households" }).click();
  await context.setOffline(true);
  const OFFLINE = `Offline lane ${Date.now()}`;
  await place.selectOption({ label: "Nadia › Krishnanagar Sadar › Krishnanagar-I" });
  await page.getByLabel("House and street, or landmark").fill(OFFLINE);
  await page.getByRole("button", { name: "Save the household" }).dblclick();
  const household = page.getByRole("region", { name: OFFLINE });
  await household.waitFor();
  await household.getByText("Waiting to be sent").first().waitFor();
  const enrol = household.locator("form", { has: page.getByRole("heading", { name: "Enrol a member" }) });
  await enrol.getByLabel("Given name").fill("Tapas");
  await enrol.getByLabel("Family name").fill("Offline");
  await enrol.getByLabel("Sex").selectOption("MALE");
  await enrol.getByLabel("Age in years (if the date is not known)").fill("34");
  await enrol.getByRole("button", { name: "Enrol a member" }).dblclick();
  await enrol.getByRole("status").filter({ hasText: "It will be sent by itself" }).waitFor();
  // Someone already registered, typed again by mistake.
  await enrol.getByLabel("Given name").fill(existing.givenName);
  await enrol.getByLabel("Family name").fill(existing.familyName ?? "");
  await enrol.getByLabel("Sex").selectOption(existing.sex);
  await enrol.getByLabel("Age in years (if the date is not known)").fill(String(existing.ageYears));
  await enrol.getByRole("button", { name: "Enrol a member" }).click();
  await band(page).getByText("3 waiting to be sent").waitFor();
  await household.getByRole("list", { name: "Waiting to be sent" }).getByText("Tapas Offline").waitFor();
  const width = await page.evaluate(() => document.documentElement.scrollWidth);
  assert.ok(width <= 360, `no sideways scrolling at 360 px (${width})`);
  await shot(page, "outbox-survey-offline-360");

  // Nothing readable is left on the phone: the queue is sealed.
  const raw = await page.evaluate(
    () =>
      new Promise((resolve) => {
        const req = indexedDB.open("arogya-offline");
        req.onsuccess = () => {
          const get = req.result.transaction("items").objectStore("items").getAll();
          get.onsuccess = () => resolve(JSON.stringify(get.result));
        };
      }),
  );
  assert.ok(!raw.includes("Tapas") && !raw.includes(OFFLINE), "names and addresses are sealed");

  // The phone is put away: the browser closes, and with it the session. Opened again
  // in the village, with no network, the surveyor signs in to this phone's copy: the
  // password opens it, another does not.
  await page.close();
  page = await context.newPage();
  await page.goto(`${server.url}/survey`);
  await page.getByLabel("Username or e-mail").fill("wb.surveyor");
  await page.getByLabel("Password", { exact: true }).fill("not my password");
  await page.getByRole("button", { name: "Sign in" }).click();
  await page.getByRole("alert").filter({ hasText: "only someone who has signed in on this phone before" }).waitFor();
  await page.getByLabel("Password", { exact: true }).fill(PASSWORD);
  await page.getByRole("button", { name: "Sign in" }).click();
  await band(page).getByText("Working without a network").waitFor();
  await band(page).getByText("3 waiting to be sent").waitFor();
  await page.getByRole("link", { name: "Household survey" }).first().click();
  await page.getByRole("button", { name: OFFLINE }).waitFor();
  await page.getByRole("button", { name: /12 Station Road/ }).first().waitFor(); // the server's list, from the phone's copy

  // The network returns: one sign-in, and everything goes by itself, in order.
  await context.setOffline(false);
  await slowNetwork(context, page);
  await band(page).getByRole("button", { name: "Sign in to send" }).click();
  await page.getByLabel("Password", { exact: true }).fill(PASSWORD);
  await page.getByRole("button", { name: "Sign in" }).click();
  await band(page).getByText("1 need your attention").waitFor({ timeout: 60_000 });
  await band(page).getByRole("link", { name: "Show them" }).click();
  await page.getByRole("heading", { level: 1, name: "Saved on this phone" }).waitFor();
  const dup = page.locator(".outbox-item", { hasText: "Needs attention" });
  await dup.getByText("looks like someone already registered").waitFor();
  await dup.getByText(existing.givenName, { exact: false }).first().waitFor();
  assert.equal(await page.locator(".outbox-item", { hasText: "Sent" }).count(), 3, "the households and the first member went");
  await shot(page, "outbox-duplicate-360");
  // The surveyor knows them apart: enrol anyway.
  await dup.getByRole("button", { name: "Not the same person: enrol" }).click();
  await page.locator(".outbox-item", { hasText: "Needs attention" }).waitFor({ state: "detached", timeout: 30_000 });
  await band(page).waitFor({ state: "detached" });

  // Exactly once each, whatever the retries.
  const after = (await api(server.url, HOUSEHOLDS, {}, surveyor)).households.nodes;
  assert.equal(after.filter((h) => h.addressLine === ADDRESS).length, 1, "the household whose answer was lost exists once");
  const offline = after.filter((h) => h.addressLine === OFFLINE);
  assert.equal(offline.length, 1, "the offline household exists once");
  assert.deepEqual(offline[0].members.map((m) => m.givenName).sort(), [existing.givenName, "Tapas"].sort(), "each member once");

  // Signing out wipes the phone's copy.
  await page.getByRole("button", { name: "Sign out" }).click();
  await page.getByLabel("Tenant code").waitFor();
  const left = await page.evaluate(
    () =>
      new Promise((resolve) => {
        const req = indexedDB.open("arogya-offline");
        req.onsuccess = () => {
          const tx = req.result.transaction(["items", "vaults", "cache"]);
          Promise.all(["items", "vaults", "cache"].map((n) => new Promise((r) => (tx.objectStore(n).count().onsuccess = (e) => r(e.target.result))))).then(resolve);
        };
      }),
  );
  assert.deepEqual(left, [0, 0, 0], "queue, key and saved screens are gone");
  await context.close();
});

const READINGS = "query($f: ID!) { oxygenReadings(facilityId: $f) { readingAt tanks { percent } } }";

/** "2026-12-07T09:30" for a datetime-local field, `minutes` ago, in the browser's own time. */
async function localTime(page, minutes) {
  return page.evaluate((m) => {
    const d = new Date(Date.now() - m * 60_000);
    d.setMinutes(d.getMinutes() - d.getTimezoneOffset());
    return d.toISOString().slice(0, 16);
  }, minutes);
}

async function fillReading(page, at, percent) {
  await page.getByLabel("Read at").fill(at);
  await page.getByLabel("Tank level (%)").fill(String(percent));
  await page.getByLabel("Full", { exact: true }).fill("20");
  await page.getByLabel("In use", { exact: true }).fill("4");
  await page.getByLabel("Empty", { exact: true }).fill("16");
  await page.getByLabel("Hours run since the last reading").fill("0");
}

test("oxygen readings made offline are sent in order, once; one entered meanwhile on another phone is shown as a conflict", async () => {
  const PASSWORD = "o2-officer-demo-2026";
  const context = await browser.newContext({ viewport: { width: 360, height: 780 } });
  let page = await context.newPage();
  await slowNetwork(context, page);
  await signIn(page, server.url, "WB", "o2.officer", PASSWORD);
  await installed(page);
  await page.goto(`${server.url}/oxygen/entry`);
  await page.getByLabel("Tank level (%)").waitFor();
  const facility = new URL(page.url()).searchParams.get("facility");
  const officer = await token(server.url, "WB", "o2.officer", PASSWORD);
  const before = (await api(server.url, READINGS, { f: facility }, officer)).oxygenReadings;
  const last = before.at(-1).tanks[0].percent;
  assert.ok(last > 3, "room for three lower readings");

  // Without a network: two readings, a few minutes apart, after the last one on record
  // (the demo's reading of today is five minutes before the server started when that
  // is before 08:00 in India, so "twelve minutes ago" is not always after it).
  await context.setOffline(true);
  const sinceLast = Math.floor((Date.now() - Date.parse(before.at(-1).readingAt)) / 60_000);
  assert.ok(sinceLast >= 3, `room for two readings since the last (${sinceLast} min)`);
  const first = await localTime(page, Math.min(12, Math.floor((2 * sinceLast) / 3)));
  const second = await localTime(page, Math.min(6, Math.floor(sinceLast / 3)));
  await fillReading(page, first, last - 1);
  await page.getByRole("button", { name: "Save the reading" }).dblclick();
  await page.getByRole("status").filter({ hasText: "It will be sent by itself" }).waitFor();
  await fillReading(page, second, last - 2);
  await page.getByRole("button", { name: "Save the reading" }).click();
  await band(page).getByText("2 waiting to be sent").waitFor();

  // Meanwhile a colleague on another phone, with a network, enters the second reading.
  const other = await browser.newContext();
  const desk = await other.newPage();
  await signIn(desk, server.url, "WB", "o2.officer", PASSWORD);
  await desk.goto(`${server.url}/oxygen/entry?facility=${facility}`);
  await desk.getByLabel("Tank level (%)").waitFor();
  await fillReading(desk, second, last - 2);
  await desk.getByRole("button", { name: "Save the reading" }).click();
  await desk.getByRole("status").filter({ hasText: /Saved: .* Nm³ held/ }).waitFor();
  await other.close();

  // The phone is closed and opened again, still offline: the form opens from the
  // phone's copy. Then the network returns and the officer signs in.
  await page.close();
  page = await context.newPage();
  await page.goto(`${server.url}/oxygen/entry?facility=${facility}`);
  await page.getByLabel("Username or e-mail").fill("o2.officer");
  await page.getByLabel("Password", { exact: true }).fill(PASSWORD);
  await page.getByRole("button", { name: "Sign in" }).click();
  await band(page).getByText("2 waiting to be sent").waitFor();
  await page.getByLabel("Tank level (%)").waitFor(); // the form, from the phone's copy
  await context.setOffline(false);
  await band(page).getByRole("button", { name: "Sign in to send" }).click();
  await page.getByLabel("Password", { exact: true }).fill(PASSWORD);
  await page.getByRole("button", { name: "Sign in" }).click();
  await band(page).getByText("1 need your attention").waitFor({ timeout: 60_000 });
  await page.goto(`${server.url}/outbox`);
  const conflict = page.locator(".outbox-item", { has: page.locator(".outbox-problem") });
  await conflict.getByText("The record changed on the server while this waited.").waitFor();
  await conflict.getByText(/already has a reading at that time/).waitFor();
  assert.equal(await page.locator(".outbox-item", { hasText: "Sent" }).count(), 1);
  // In Bengali too.
  await page.getByLabel("Language").selectOption("bn");
  await conflict.getByText("মনোযোগ দরকার").waitFor();
  await page.getByLabel(/Language|ভাষা/).selectOption("en");
  await shot(page, "outbox-conflict-360");
  // The officer sees the colleague's reading is right and discards theirs.
  await conflict.getByRole("button", { name: "Discard" }).click();
  await conflict.getByRole("button", { name: "Discard" }).last().click();
  await page.locator(".outbox-item", { hasText: "Needs attention" }).waitFor({ state: "detached" });

  const afterList = (await api(server.url, READINGS, { f: facility }, officer)).oxygenReadings;
  assert.equal(afterList.length, before.length + 2, "the first offline reading once, the colleague's once");
  assert.deepEqual(afterList.slice(-2).map((r) => r.tanks[0].percent), [last - 1, last - 2]);
  await context.close();
});
