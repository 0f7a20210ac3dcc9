// Starts the real `arogya serve --demo` on a fresh SQLite database in a temporary
// folder, serving the built web app, on a free port.
import { execFile, spawn } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { createServer } from "node:net";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";

const root = resolve(import.meta.dirname, "../..");

function freePort() {
  return new Promise((ok, fail) => {
    const s = createServer();
    s.once("error", fail);
    s.listen(0, "127.0.0.1", () => {
      const { port } = s.address();
      s.close(() => ok(port));
    });
  });
}

export async function startServer() {
  const dir = mkdtempSync(join(tmpdir(), "arogya-e2e-"));
  const port = await freePort();
  const bin = process.env.AROGYA_BIN ?? join(root, "target/debug/arogya");
  const env = {
    ...process.env,
    AROGYA_BIND: `127.0.0.1:${port}`,
    AROGYA_DATABASE_URL: `sqlite://${dir}/arogya.db?mode=rwc`,
    AROGYA_OBJECT_STORE_DIR: join(dir, "objects"),
    AROGYA_JWT_KEYS_DIR: join(dir, "keys"),
    AROGYA_PII_KEY_FILE: join(dir, "pii.key"),
    AROGYA_WEB_DIR: join(root, "frontend/dist"),
    AROGYA_LOG_FILTER: "warn",
  };
  const child = spawn(bin, ["serve", "--demo"], {
    env,
    stdio: ["ignore", "ignore", "inherit"],
  });
  const url = `http://127.0.0.1:${port}`;
  for (let i = 0; i < 300; i++) {
    if (child.exitCode !== null) throw new Error(`arogya exited with ${child.exitCode}`);
    try {
      if ((await fetch(`${url}/readyz`)).ok) break;
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 200));
  }
  return {
    url,
    /** Run another `arogya` command on the same database (e.g. `outbox`), giving its output. */
    cli(args) {
      return new Promise((ok, fail) => execFile(bin, args, { env }, (err, stdout) => (err ? fail(err) : ok(stdout))));
    },
    async stop() {
      child.kill("SIGTERM");
      await new Promise((r) => (child.exitCode !== null ? r() : child.once("exit", r)));
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
