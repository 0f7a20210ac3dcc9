// The first screen's weight: the files index.html loads (entry script, its static
// imports, and styles), gzipped. Lazy route chunks are listed apart.
import { readFileSync, readdirSync } from "node:fs";
import { gzipSync } from "node:zlib";
import { join } from "node:path";

const dist = join(import.meta.dirname, "../dist");
const html = readFileSync(join(dist, "index.html"), "utf8");
const first = new Set([...html.matchAll(/(?:src|href)="\/(assets\/[^"]+)"/g)].map((m) => m[1]));
const gz = (f) => gzipSync(readFileSync(join(dist, f)), { level: 9 }).length;
let firstTotal = gz("index.html");
const lazy = [];
for (const f of readdirSync(join(dist, "assets"))) {
  const path = `assets/${f}`;
  if (first.has(path)) firstTotal += gz(path);
  else lazy.push(`${f} ${(gz(path) / 1024).toFixed(1)} KB`);
}
console.log(`first screen: ${(firstTotal / 1024).toFixed(1)} KB gzipped (${[...first].join(", ")} + index.html)`);
console.log(`lazy chunks: ${lazy.join("; ")}`);
if (firstTotal > 250 * 1024) {
  console.error("the first screen is over the 250 KB budget");
  process.exit(1);
}
