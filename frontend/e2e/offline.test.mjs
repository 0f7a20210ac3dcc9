// End-to-end, the installable app: it has a manifest with icons and a service worker;
// once opened, it opens again with the network cut (reload, back button), says it is
// offline and what can still be done, in the chosen language, and says nothing more
// once the network is back. Headless Chromium against the real server with demo data.
import { after, before, test } from "node:test";
import assert from "node:assert/strict";
import { startServer } from "./server.mjs";
import { launch, signIn } from "./browser.mjs";

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

test("the app is installable and opens without a network", async () => {
  const manifest = await (await fetch(`${server.url}/manifest.webmanifest`)).json();
  assert.equal(manifest.display, "standalone");
  assert.ok(manifest.icons.some((i) => i.sizes === "512x512"));
  for (const icon of manifest.icons) assert.equal((await fetch(`${server.url}${icon.src}`)).headers.get("content-type"), "image/png");

  const context = await browser.newContext({ viewport: { width: 360, height: 740 } });
  const page = await context.newPage();
  await signIn(page, server.url, "WB", "wb.admin", "wb-demo-admin-2026");
  // The service worker has installed, kept the shell and taken the page.
  await page.evaluate(async () => {
    await navigator.serviceWorker.ready;
    if (!navigator.serviceWorker.controller) await new Promise((r) => navigator.serviceWorker.addEventListener("controllerchange", r, { once: true }));
  });
  const kept = await page.evaluate(async () => (await (await caches.open("arogya-shell-v1")).keys()).map((r) => new URL(r.url).pathname));
  assert.ok(kept.some((p) => /^\/assets\/hi-.*\.js$/.test(p)), `the Hindi catalogue is kept: ${kept}`);
  await page.getByRole("link", { name: "Users" }).click();
  await page.getByRole("heading", { level: 1, name: "Users" }).waitFor();

  await context.setOffline(true);
  await page.getByRole("status").filter({ hasText: "No network." }).waitFor();
  await page.reload();
  // Still signed in, on the screen that was open.
  await page.getByRole("heading", { level: 1, name: "Users" }).waitFor();
  await page.getByRole("status").filter({ hasText: "saving and new lookups wait" }).waitFor();
  await page.goBack();
  await page.getByRole("status").filter({ hasText: "No network." }).waitFor();
  // In Hindi too.
  await page.getByLabel("Language").selectOption("hi");
  await page.getByRole("status").filter({ hasText: "नेटवर्क नहीं है।" }).waitFor();

  await context.setOffline(false);
  await page.getByRole("status").filter({ hasText: "नेटवर्क नहीं है।" }).waitFor({ state: "detached" });
  // Signing out forgets who was signed in: offline, the app then asks for a sign-in.
  await page.getByRole("button", { name: "साइन आउट" }).click();
  await page.getByLabel("Tenant code").or(page.getByLabel("टेनेंट कोड")).first().waitFor();
  assert.equal(await page.evaluate(() => localStorage.getItem("arogya.me")), null);
  await context.close();
});
