import { defineConfig } from "vitest/config";

// The typed client for other apps (client/), tested against the real server with demo
// data (started by e2e/server.mjs; AROGYA_BIN names the binary).
export default defineConfig({
  test: { environment: "node", include: ["client/**/*.test.ts"], testTimeout: 120_000, hookTimeout: 120_000 },
});
