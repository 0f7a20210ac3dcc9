import { defineConfig } from "vite";
import react from "@vitejs/plugin-react";

// `npm run dev` proxies the API to a local `arogya serve` (default port 8080).
const api = process.env.AROGYA_API ?? "http://127.0.0.1:8080";

export default defineConfig({
  plugins: [react()],
  // The manifest lists every built file for the service worker (public/sw.js) to keep.
  build: { outDir: "dist", sourcemap: false, target: "es2020", manifest: "asset-manifest.json" },
  server: {
    proxy: {
      "/graphql": { target: api, ws: true },
      "/cards": api,
      "/prescriptions": api,
      "/storage": api,
    },
  },
  test: { environment: "jsdom", include: ["src/**/*.test.ts", "src/**/*.test.tsx"] },
});
