import { fileURLToPath } from "node:url";
import { z } from "zod";

/** The only place that reads process.env: every setting, validated, with its default. */
const booleanFlag = z.enum(["true", "false", "1", "0"]).transform((value) => value === "true" || value === "1");

const envSchema = z
  .object({
    NODE_ENV: z.enum(["development", "production", "test"]).default("development"),
    PORT: z.coerce.number().int().min(1).max(65_535).default(3000),
    HOST: z.string().min(1).optional(),
    DATABASE_URL: z.url({ protocol: /^postgres(ql)?$/ }).optional(),
    DATABASE_POOL_SIZE: z.coerce.number().int().min(1).max(200).default(10),
    /** The schema owner, for migrations and the demo seed; DATABASE_URL is then the application's login role. */
    DATABASE_MIGRATION_URL: z.url({ protocol: /^postgres(ql)?$/ }).optional(),
    LENTERA_DATA_DIR: z.string().min(1).optional(),
    LENTERA_WEB_DIST: z.string().min(1).optional(),
    LENTERA_SEED_DEMO: booleanFlag.optional(),
    LOG_LEVEL: z.enum(["fatal", "error", "warn", "info", "debug", "trace", "silent"]).default("info"),
    SESSION_IDLE_MINUTES: z.coerce.number().int().min(1).max(24 * 60).default(30),
    SESSION_ABSOLUTE_HOURS: z.coerce.number().int().min(1).max(7 * 24).default(12),
    LOCKOUT_ATTEMPTS: z.coerce.number().int().min(1).max(100).default(5),
    LOCKOUT_MINUTES: z.coerce.number().int().min(1).max(24 * 60).default(15),
    SIGN_IN_RATE_LIMIT_PER_MINUTE: z.coerce.number().int().min(1).max(10_000).default(20),
    BODY_LIMIT_BYTES: z.coerce.number().int().min(1024).max(50 * 1024 * 1024).default(1024 * 1024),
    TRUST_PROXY: booleanFlag.default(false),
    /** `id1:base64key,id2:base64key`; every key that may still be needed to read old values. */
    LENTERA_ENCRYPTION_KEYS: z.string().min(1).optional(),
    /** Which key encrypts new values; the last listed by default. */
    LENTERA_ENCRYPTION_ACTIVE_KEY: z.string().min(1).optional(),
    LENTERA_HMAC_KEY: z.string().min(1).optional(),
    FOLLOW_UP_MONTHS: z
      .string()
      .regex(/^\d{1,2}(,\d{1,2})*$/, { error: "a comma-separated list of months, e.g. 6,12" })
      .default("6,12")
      .transform((list) => list.split(",").map(Number)),
  })
  .transform((env) => ({
    ...env,
    // Bind to every interface only when asked (containers set HOST=0.0.0.0).
    HOST: env.HOST ?? "127.0.0.1",
    LENTERA_DATA_DIR:
      env.LENTERA_DATA_DIR ?? fileURLToPath(new URL("../../../.data/", import.meta.url)),
    LENTERA_WEB_DIST:
      env.LENTERA_WEB_DIST ?? fileURLToPath(new URL("../../web/dist/", import.meta.url)),
    // Demo accounts with a published password must never exist in production.
    LENTERA_SEED_DEMO: env.NODE_ENV === "production" ? false : (env.LENTERA_SEED_DEMO ?? true),
  }));

export type Env = z.output<typeof envSchema>;

export function parseEnv(source: Record<string, string | undefined>): Env {
  // An empty variable means "not set", as in most shells' `VAR= cmd`.
  const cleaned = Object.fromEntries(Object.entries(source).filter(([, value]) => value !== ""));
  const result = envSchema.safeParse(cleaned);
  if (!result.success) {
    const fields = z.flattenError(result.error).fieldErrors;
    throw new Error(`Invalid environment: ${JSON.stringify(fields)}`);
  }
  return result.data;
}

export function readEnv(): Env {
  return parseEnv(process.env);
}
