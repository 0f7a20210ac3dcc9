// Subscription delivery to watching officials: WATCHERS connections (200 by default),
// each subscribed to admissionsChanged with the state administrator's token, for
// SECONDS; every event's delay is the time it arrived minus its `at` (stamped by the
// server when the change was announced, inside the writing transaction).
// Usage: node scripts/bench/watchers.mjs <http base> <token> [seconds] [watchers]
import { createRequire } from "node:module";
const require = createRequire(new URL("../../frontend/package.json", import.meta.url));
const { createClient } = require("graphql-ws");
const WebSocket = require("ws");

const [base, token, seconds = "15", watchers = "200"] = process.argv.slice(2);
const url = base.replace(/^http/, "ws") + "/graphql/ws";
const delays = [];
let ready = 0;
const clients = [];
const QUERY = "subscription { admissionsChanged { admissionId action at } }";

await Promise.all(
  Array.from({ length: Number(watchers) }, () => {
    const client = createClient({ url, webSocketImpl: WebSocket, connectionParams: { Authorization: `Bearer ${token}` }, lazy: false });
    clients.push(client);
    return new Promise((resolve) => {
      client.on("connected", () => {
        ready += 1;
        resolve();
      });
      client.subscribe(
        { query: QUERY },
        {
          next: (m) => delays.push(Date.now() - Date.parse(m.data.admissionsChanged.at)),
          error: (e) => console.error("subscription error", e),
          complete: () => {},
        },
      );
    });
  }),
);
console.log(`READY ${ready} watchers`);
await new Promise((r) => setTimeout(r, Number(seconds) * 1000));
for (const c of clients) await c.dispose();
delays.sort((a, b) => a - b);
const at = (p) => delays[Math.min(delays.length - 1, Math.floor((p / 100) * delays.length))] ?? NaN;
console.log(`RESULT watchers=${ready} deliveries=${delays.length} p50_ms=${at(50)} p99_ms=${at(99)} max_ms=${delays.at(-1) ?? NaN}`);
process.exit(0);
