// Time to the first usable screen on a slow phone network (CDP: 400 kbit/s each way,
// 400 ms latency, about 3G in a village), in headless Chromium against the real
// server with demo data (`scripts/bench/startup`). Three starts, each timed from the
// navigation to the screen being usable, five runs each, median and worst:
//
// - cold: the first visit ever (nothing cached) to the sign-in form;
// - installed: a new tab of the installed app (the service worker holds the shell) to
//   the sign-in form;
// - warm: the survey screen reloaded in a live session, to its list of households
//   (the shell from the service worker, the data from the server).
//
// Bytes are what the network carried for the page (Chromium's count, compressed).
import { startServer } from "./server.mjs";
import { launch, signIn } from "./browser.mjs";

const RUNS = Number(process.env.RUNS ?? 5);
const server = await startServer();
const browser = await launch();

async function throttle(context, page) {
  const cdp = await context.newCDPSession(page);
  await cdp.send("Network.enable");
  const bytesPerSecond = (400 * 1024) / 8;
  await cdp.send("Network.emulateNetworkConditions", { offline: false, latency: 400, downloadThroughput: bytesPerSecond, uploadThroughput: bytesPerSecond });
  let bytes = 0;
  cdp.on("Network.loadingFinished", (e) => (bytes += e.encodedDataLength));
  return () => bytes;
}

async function timed(page, go, ready) {
  const t0 = Date.now();
  await go();
  await ready.waitFor({ timeout: 120_000 });
  return Date.now() - t0;
}

const signInForm = (page) => page.getByRole("button", { name: "Sign in" });

async function cold() {
  const context = await browser.newContext({ viewport: { width: 360, height: 740 } });
  const page = await context.newPage();
  const bytes = await throttle(context, page);
  const ms = await timed(page, () => page.goto(server.url), signInForm(page));
  await context.close();
  return { ms, bytes: bytes() };
}

/** A context where the app is installed and the surveyor signed in (not timed). */
async function installedContext() {
  const context = await browser.newContext({ viewport: { width: 360, height: 740 } });
  const page = await context.newPage();
  await signIn(page, server.url, "WB", "wb.surveyor", "wb-demo-surveyor-2026");
  await page.evaluate(async () => {
    await navigator.serviceWorker.ready;
    if (!navigator.serviceWorker.controller) await new Promise((r) => navigator.serviceWorker.addEventListener("controllerchange", r, { once: true }));
  });
  // Every lazy screen the service worker keeps is fetched once here.
  await page.waitForFunction(async () => (await (await caches.open("arogya-shell-v1")).keys()).length > 20);
  return { context, page };
}

async function installed() {
  const { context, page: first } = await installedContext();
  // A new start: no other tab holds a session to share.
  const page = await context.newPage();
  await first.close();
  const bytes = await throttle(context, page);
  const ms = await timed(page, () => page.goto(server.url), signInForm(page));
  await context.close();
  return { ms, bytes: bytes() };
}

async function warm() {
  const { context, page } = await installedContext();
  await page.goto(`${server.url}/survey`);
  await page.getByRole("button", { name: /12 Station Road/ }).first().waitFor();
  const bytes = await throttle(context, page);
  const ms = await timed(page, () => page.reload(), page.getByRole("button", { name: /12 Station Road/ }).first());
  await context.close();
  return { ms, bytes: bytes() };
}

const rows = [];
try {
  for (const [name, run] of [
    ["cold: first visit → sign-in form", cold],
    ["installed: new tab → sign-in form", installed],
    ["warm: survey reloaded in a session → households listed", warm],
  ]) {
    const results = [];
    for (let i = 0; i < RUNS; i++) results.push(await run());
    const ms = results.map((r) => r.ms).sort((a, b) => a - b);
    const kb = results.map((r) => r.bytes / 1024).sort((a, b) => a - b);
    rows.push({ name, median: ms[Math.floor(ms.length / 2)], worst: ms[ms.length - 1], kb: kb[Math.floor(kb.length / 2)] });
  }
} finally {
  await browser.close();
  await server.stop();
}

console.log(`| start (400 kbit/s, 400 ms; ${RUNS} runs) | median | worst | KB over the network (median) |`);
console.log("|---|---:|---:|---:|");
for (const r of rows) console.log(`| ${r.name} | ${(r.median / 1000).toFixed(2)} s | ${(r.worst / 1000).toFixed(2)} s | ${r.kb.toFixed(1)} |`);
