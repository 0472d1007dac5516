// @ts-check
import js from "@eslint/js";
import tseslint from "typescript-eslint";

const processEnvRule = {
  selector: "MemberExpression[object.name='process'][property.name='env']",
  message: "Read settings through the validated env.ts, not process.env.",
};

/** Only @lentera/db talks to the database drivers. */
const driversOnlyInDb = {
  group: ["drizzle-orm", "drizzle-orm/*", "postgres", "@electric-sql/*"],
  message: "Only @lentera/db talks to the database drivers.",
};

/** One rule entry per area: a later block would replace, not extend, an earlier one's patterns. */
function restrictImports(...patterns) {
  return { "@typescript-eslint/no-restricted-imports": ["error", { patterns }] };
}

export default tseslint.config(
  { ignores: ["**/dist/**", "**/node_modules/**", "**/.turbo/**", "**/drizzle/**", ".data/**", "apps/e2e/artifacts/**"] },
  js.configs.recommended,
  ...tseslint.configs.recommendedTypeChecked,
  {
    languageOptions: {
      parserOptions: {
        projectService: { allowDefaultProject: ["eslint.config.js", "*.config.ts", "*.config.js"] },
        tsconfigRootDir: import.meta.dirname,
      },
    },
    rules: {
      "@typescript-eslint/consistent-type-imports": ["error", { fixStyle: "inline-type-imports" }],
      "@typescript-eslint/no-floating-promises": "error",
      "@typescript-eslint/no-misused-promises": "error",
      "@typescript-eslint/no-non-null-assertion": "error",
      "@typescript-eslint/no-unused-vars": ["error", { argsIgnorePattern: "^_", varsIgnorePattern: "^_" }],
      "@typescript-eslint/no-explicit-any": "error",
      "no-restricted-syntax": ["error", processEnvRule],
    },
  },
  {
    // Settings come from the environment in exactly these places.
    // (process.ts hands the parent's environment to the server it starts.)
    files: ["**/src/env.ts", "apps/server/src/process.ts", "**/testing.ts", "**/test-global-setup.ts", "apps/e2e/**", "packages/bench/**"],
    rules: { "no-restricted-syntax": "off" },
  },
  {
    // MUST (ARCHITECTURE.md): the web app never reaches the database layer, and takes only types from the API.
    files: ["apps/web/**"],
    rules: restrictImports(
      { group: ["@lentera/db", "@lentera/db/*"], message: "The web app must not import the database package." },
      { group: ["@lentera/api", "@lentera/api/*"], allowTypeImports: true, message: "The web app imports only types from the API." },
      { group: ["@lentera/server", "@lentera/server/*"], message: "The web app must not import the server." },
      driversOnlyInDb,
    ),
  },
  {
    // MUST: the domain package is pure and imports no other workspace.
    files: ["packages/domain/**"],
    rules: restrictImports({ group: ["@lentera/*"], message: "@lentera/domain imports no other workspace." }, driversOnlyInDb),
  },
  {
    // SQL lives in the db package and the api's services; hosts and tests go through them.
    files: ["apps/e2e/**"],
    rules: restrictImports(driversOnlyInDb),
  },
  {
    files: ["**/*.js", "**/*.mjs"],
    extends: [tseslint.configs.disableTypeChecked],
    // Build and CI scripts run on Node.
    languageOptions: { globals: { console: "readonly", process: "readonly", URL: "readonly" } },
  },
);
