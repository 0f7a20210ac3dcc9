// Chromium from Debian, driven by playwright-core; axe-core for accessibility.
import { chromium } from "playwright-core";
import { createRequire } from "node:module";
import { mkdirSync, readFileSync } from "node:fs";
import { resolve } from "node:path";

const require = createRequire(import.meta.url);
const AXE = readFileSync(require.resolve("axe-core/axe.min.js"), "utf8");
export const SHOTS = resolve(import.meta.dirname, "../test-results");
mkdirSync(SHOTS, { recursive: true });

export function launch() {
  return chromium.launch({
    executablePath: process.env.CHROMIUM ?? "/usr/bin/chromium",
    headless: true,
    args: ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync"],
  });
}

/** Serious or critical axe-core violations on the page as it is now. */
export async function axeViolations(page) {
  // Evaluated over the DevTools protocol, which the app's CSP (no inline scripts) does not block.
  await page.evaluate(AXE);
  const result = await page.evaluate(async () => {
    // eslint-disable-next-line no-undef
    const r = await axe.run(document, { runOnly: { type: "tag", values: ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"] } });
    return r.violations.map((v) => ({ id: v.id, impact: v.impact, nodes: v.nodes.map((n) => n.target.join(" ")).slice(0, 5) }));
  });
  return result.filter((v) => v.impact === "serious" || v.impact === "critical");
}

export async function shot(page, name) {
  await page.screenshot({ path: resolve(SHOTS, `${name}.png`), fullPage: true });
}

/** Sign in through the form. */
export async function signIn(page, url, tenant, login, password) {
  await page.goto(url);
  await page.getByLabel("Tenant code").fill(tenant);
  await page.getByLabel("Username or e-mail").fill(login);
  await page.getByLabel("Password", { exact: true }).fill(password);
  await page.getByRole("button", { name: "Sign in" }).click();
  await page.getByRole("heading", { level: 1, name: /Welcome/ }).waitFor();
}

/** A GraphQL call straight to the API (for setting up what a test needs). */
export async function api(url, query, variables = {}, token) {
  const res = await fetch(`${url}/graphql`, {
    method: "POST",
    headers: { "content-type": "application/json", ...(token ? { authorization: `Bearer ${token}` } : {}) },
    body: JSON.stringify({ query, variables }),
  });
  const body = await res.json();
  if (body.errors) throw new Error(JSON.stringify(body.errors));
  return body.data;
}

export async function token(url, tenantCode, login, password) {
  const d = await api(url, "mutation($i: LoginInput!) { login(input: $i) { accessToken } }", { i: { tenantCode, login, password } });
  return d.login.accessToken;
}

/** About 3G in a village: 400 kbit/s each way and 400 ms of latency. */
export async function slowNetwork(context, page) {
  const cdp = await context.newCDPSession(page);
  const bytesPerSecond = (400 * 1024) / 8;
  await cdp.send("Network.emulateNetworkConditions", { offline: false, latency: 400, downloadThroughput: bytesPerSecond, uploadThroughput: bytesPerSecond });
}

/** Wait for the service worker to hold the page, so it opens again without a network. */
export async function installed(page) {
  await page.evaluate(async () => {
    await navigator.serviceWorker.ready;
    if (!navigator.serviceWorker.controller) await new Promise((r) => navigator.serviceWorker.addEventListener("controllerchange", r, { once: true }));
  });
}
