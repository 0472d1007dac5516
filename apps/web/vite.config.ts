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
        // The framework every screen needs changes less often than the app: its own chunk stays
        // cached across releases, which matters on slow mobile connections. Other libraries (forms,
        // zod) go with the lazily loaded pages that use them.
        codeSplitting: {
          groups: [
            {
              name: "framework",
              test: /node_modules[\\/](react|react-dom|scheduler|react-router|@tanstack|@trpc|superjson|i18next|react-i18next|copy-anything|is-what)[\\/]/,
            },
          ],
        },
      },
    },
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
