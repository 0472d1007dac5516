import { defineConfig } from "vitest/config";
import react from "@vitejs/plugin-react";

const apiServer = "http://localhost:3000";

export default defineConfig({
  plugins: [react()],
  build: {
    // The polyfill is an inline script, which the Content-Security-Policy (script-src 'self') refuses.
    modulePreload: { polyfill: false },
    rolldownOptions: {
      output: {
        // Libraries change less often than the app: a separate chunk stays cached across releases,
        // which matters on slow mobile connections.
        codeSplitting: { groups: [{ name: "vendor", test: /node_modules/ }] },
      },
    },
    // The vendor chunk (React, router, query, tRPC, zod, i18next) is about 180 kB gzipped.
    chunkSizeWarningLimit: 650,
  },
  server: {
    port: 5173,
    proxy: {
      "/trpc": apiServer,
      "/healthz": apiServer,
    },
  },
  test: {
    environment: "node",
    include: ["src/**/*.test.ts"],
  },
});
