// Bytes a phone sends and receives for the GraphQL calls of typical screens, in
// headless Chromium against the real server with demo data (`scripts/bench/bytes`):
//
// - before: every call carries its query text (the page's calls rewritten on their
//   way out, the text put back) and answers are counted at their decoded size;
// - first visit: the web app as it is, in a fresh browser (the text goes once, with
//   its hash; answers compressed as the browser accepts);
// - warm: the same screen opened again after a reload (hashes only).
//
// Request bytes are the bodies sent (the headers are the same either way); response
// bytes are what the answers took on the wire, headers included (Chromium's count).
import { startServer } from "./server.mjs";
import { launch, signIn, api, token } from "./browser.mjs";

const SCREENS = [
  { name: "home (doctor)", user: ["wb.doctor", "wb-demo-doctor-2026"], path: "/" },
  { name: "patient record (doctor)", user: ["wb.doctor", "wb-demo-doctor-2026"], path: "RECORD" },
  { name: "inpatients (doctor)", user: ["wb.doctor", "wb-demo-doctor-2026"], path: "/inpatients" },
  { name: "oxygen dashboard (district committee)", user: ["o2.nadia", "o2-committee-demo-2026"], path: "/oxygen" },
  { name: "stock on hand (pharmacist)", user: ["pharmacist", "pharmacist-demo-2026"], path: "/stores" },
];

const server = await startServer();
const browser = await launch();
const rows = [];
try {
  const doctor = await token(server.url, "WB", "wb.doctor", "wb-demo-doctor-2026");
  const found = await api(server.url, 'query { searchPatients(input: { phone: "9433012345" }) { healthId } }', {}, doctor);
  const record = `/patients/${found.searchPatients[0].healthId}/record`;
  for (const s of SCREENS) {
    const path = s.path === "RECORD" ? record : s.path;
    const before = await measure(s, path, "before");
    const after = await measure(s, path, "after");
    rows.push({ screen: s.name, before, first: after.first, warm: after.warm });
  }
} finally {
  await browser.close();
  await server.stop();
}

const kb = (n) => (n / 1024).toFixed(1);
console.log("| screen | calls | before: sent / received KB | first visit | warm (after reload) | warm ÷ before |");
console.log("|---|---:|---|---|---|---:|");
for (const r of rows) {
  const total = (x) => x.sent + x.received;
  console.log(
    `| ${r.screen} | ${r.before.calls} | ${kb(r.before.sent)} / ${kb(r.before.received)} | ${kb(r.first.sent)} / ${kb(r.first.received)} | ${kb(r.warm.sent)} / ${kb(r.warm.received)} | ${(total(r.warm) / total(r.before)).toFixed(2)} |`,
  );
}

/** Sign in, open the screen, count its GraphQL bytes; in "after" mode open it again after a reload. */
async function measure(screen, path, mode) {
  const context = await browser.newContext({ viewport: { width: 360, height: 740 } });
  const page = await context.newPage();
  await signIn(page, server.url, "WB", ...screen.user);
  const texts = new Map();
  const rewritten = new Map();
  if (mode === "before") {
    await page.route("**/graphql", async (route) => {
      const req = route.request();
      const body = JSON.parse(req.postData() ?? "{}");
      const hash = body.extensions?.persistedQuery?.sha256Hash;
      if (hash && body.query) texts.set(hash, body.query);
      const plain = JSON.stringify({ query: body.query ?? texts.get(hash), variables: body.variables });
      rewritten.set(req, Buffer.byteLength(plain));
      await route.continue({ postData: plain });
    });
  }
  // Chromium's count of the bytes each GraphQL answer took on the wire (headers, and
  // the body as encoded) and of its body once decoded: "before" is counted as if it
  // came uncompressed (Chromium will not let a page ask for that itself).
  const cdp = await context.newCDPSession(page);
  await cdp.send("Network.enable");
  const answers = new Map();
  let wire = 0;
  cdp.on("Network.requestWillBeSent", (e) => {
    if (e.request.url.endsWith("/graphql") && e.request.method === "POST") answers.set(e.requestId, { body: 0, decoded: 0 });
  });
  cdp.on("Network.dataReceived", (e) => {
    const a = answers.get(e.requestId);
    if (a) {
      a.body += e.encodedDataLength;
      a.decoded += e.dataLength;
    }
  });
  cdp.on("Network.loadingFinished", (e) => {
    const a = answers.get(e.requestId);
    if (a) wire += mode === "before" ? e.encodedDataLength - a.body + a.decoded : e.encodedDataLength;
  });
  const count = async () => {
    const seen = [];
    const onFinished = (req) => {
      if (req.url().endsWith("/graphql") && req.method() === "POST") seen.push(req);
    };
    page.on("requestfinished", onFinished);
    wire = 0;
    await page.goto(`${server.url}${path}`);
    await page.waitForLoadState("networkidle");
    page.off("requestfinished", onFinished);
    let sent = 0;
    for (const req of seen) sent += rewritten.get(req) ?? Buffer.byteLength(req.postData() ?? "");
    return { calls: seen.length, sent, received: wire };
  };
  const first = await count();
  const warm = mode === "after" ? await count() : null;
  await context.close();
  return mode === "before" ? first : { first, warm };
}
