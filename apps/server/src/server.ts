import { randomUUID } from "node:crypto";
import { existsSync } from "node:fs";
import type { Writable } from "node:stream";
import Fastify, { type FastifyInstance, type FastifyReply } from "fastify";
import cookie from "@fastify/cookie";
import fastifyStatic from "@fastify/static";
import { fastifyTRPCPlugin, type FastifyTRPCPluginOptions } from "@trpc/server/adapters/fastify";
import {
  appRouter,
  createContext,
  describeError,
  type ApiDeps,
  type AppRouter,
  type Keyring,
  type SessionCookieJar,
} from "@lentera/api";
import { loadKeyring } from "./keys";
import { migrationsApplied, sql, type DbHandle } from "@lentera/db";
import { asSchemaOwner, openDatabase } from "./database";
import type { Env } from "./env";
import { registerCsrfCheck, registerSecurityHeaders, registerSignInRateLimit } from "./security";
import { seedDemoIfEmpty } from "./seed";
import { seedDemoCases } from "./demo-cases";
import { loggablePath, registerCalendarFeed } from "./calendar-feed";

export const SESSION_COOKIE = "lentera_session";

export interface ServerOptions {
  env: Env;
  /** An already open database (tests); otherwise one is opened from the environment. */
  db?: DbHandle;
  /** Where logs go (tests capture them); standard output by default. */
  logStream?: Writable;
  clock?: () => Date;
  /** Keys for identifying data (tests); otherwise loaded from the environment. */
  keyring?: Keyring;
}

export interface LenteraServer {
  app: FastifyInstance;
  db: DbHandle;
  start: () => Promise<string>;
  stop: () => Promise<void>;
}

export async function createServer(options: ServerOptions): Promise<LenteraServer> {
  const { env } = options;
  const db = options.db ?? (await openDatabase(env));
  // A server that connects as the application's login role cannot migrate: it starts on a schema
  // already migrated by the owner (DATABASE_MIGRATION_URL, or `npm run db:migrate` as the owner).
  if (!(await migrationsApplied(db))) await db.migrate();
  const seeded = env.LENTERA_SEED_DEMO ? await asSchemaOwner(env, db, seedDemoIfEmpty) : false;

  const app = Fastify({
    logger: {
      level: env.LOG_LEVEL,
      ...(options.logStream ? { stream: options.logStream } : {}),
      // Never log credentials or session cookies, wherever they appear.
      redact: {
        paths: ["req.headers.cookie", "req.headers.authorization", "res.headers['set-cookie']", "*.password"],
        censor: "[redacted]",
      },
      serializers: {
        // The path only: a query string can carry a procedure's input (a search for a name), and
        // a calendar feed's path carries its secret token.
        req: (request: { method: string; url: string; id: string }) => ({
          method: request.method,
          path: loggablePath(request.url),
          requestId: request.id,
        }),
      },
    },
    genReqId: () => randomUUID(),
    requestIdHeader: false,
    bodyLimit: env.BODY_LIMIT_BYTES,
    trustProxy: env.TRUST_PROXY,
    routerOptions: { maxParamLength: 5000 },
  });

  app.addHook("onSend", async (request, reply) => {
    reply.header("x-request-id", request.id);
  });

  await registerSecurityHeaders(app);
  await registerSignInRateLimit(app, env.SIGN_IN_RATE_LIMIT_PER_MINUTE);
  registerCsrfCheck(app);
  await app.register(cookie);

  const deps: ApiDeps = {
    db: db.db,
    keyring: options.keyring ?? (await loadKeyring(env)),
    logger: app.log,
    clock: options.clock ?? (() => new Date()),
    settings: {
      sessionIdleMinutes: env.SESSION_IDLE_MINUTES,
      sessionAbsoluteHours: env.SESSION_ABSOLUTE_HOURS,
      lockoutAttempts: env.LOCKOUT_ATTEMPTS,
      lockoutMinutes: env.LOCKOUT_MINUTES,
      followUpMonths: env.FOLLOW_UP_MONTHS,
    },
  };
  // Seeded through the API, so it needs the API's dependencies (keys, clock).
  if (seeded) await seedDemoCases(deps);

  await app.register(fastifyTRPCPlugin, {
    prefix: "/trpc",
    trpcOptions: {
      router: appRouter,
      createContext: ({ req, res }) =>
        createContext(deps, {
          requestId: req.id,
          ip: req.ip,
          userAgent: req.headers["user-agent"] ?? null,
          sessionToken: req.cookies[SESSION_COOKIE] ?? null,
          cookies: sessionCookieJar(res, req.protocol === "https"),
        }),
      onError: ({ error, path }) => {
        if (error.code === "INTERNAL_SERVER_ERROR") {
          app.log.error({ error: describeError(error.cause ?? error), path }, "trpc error");
        }
      },
    } satisfies FastifyTRPCPluginOptions<AppRouter>["trpcOptions"],
  });

  registerCalendarFeed(app, deps);
  app.get("/healthz", () => ({ status: "ok" }));
  app.get("/readyz", async (_request, reply) => {
    const ready = await databaseReady(db);
    return reply.code(ready ? 200 : 503).send({ status: ready ? "ready" : "not_ready" });
  });

  await serveWebApp(app, env.LENTERA_WEB_DIST);

  let address = "";
  return {
    app,
    db,
    start: async () => {
      address = await app.listen({ port: env.PORT, host: env.HOST });
      if (seeded) app.log.info("demo agency and users seeded");
      return address;
    },
    stop: async () => {
      await app.close();
      if (!options.db) await db.close();
    },
  };
}

// A load balancer asks often and must hear "not ready" promptly, not wait out a connect timeout.
const READY_TIMEOUT_MS = 2_000;

async function databaseReady(db: DbHandle): Promise<boolean> {
  let timer: NodeJS.Timeout | undefined;
  const timedOut = new Promise<false>((resolve) => {
    timer = setTimeout(() => resolve(false), READY_TIMEOUT_MS);
  });
  const checked = (async () => {
    await db.db.execute(sql`select 1`);
    return await migrationsApplied(db);
  })().catch(() => false);
  try {
    return await Promise.race([checked, timedOut]);
  } finally {
    clearTimeout(timer);
  }
}

function sessionCookieJar(reply: FastifyReply, secure: boolean): SessionCookieJar {
  const base = { httpOnly: true, sameSite: "lax", secure, path: "/" } as const;
  return {
    set: (token, expiresAt) => {
      reply.setCookie(SESSION_COOKIE, token, { ...base, expires: expiresAt });
    },
    clear: () => {
      reply.clearCookie(SESSION_COOKIE, base);
    },
  };
}

/** Serves the built SPA; unknown paths outside the API get index.html (client-side routes). */
async function serveWebApp(app: FastifyInstance, distDir: string): Promise<void> {
  const hasBuild = existsSync(`${distDir}/index.html`);
  if (hasBuild) {
    await app.register(fastifyStatic, {
      root: distDir,
      wildcard: false,
      index: ["index.html"],
      // The build writes .br and .gz beside each file: no compression work per request.
      preCompressed: true,
      // Our own cache-control below, not the plugin's max-age=0.
      cacheControl: false,
      setHeaders: (response, path) => {
        // Vite's asset names carry a content hash, so they never change; pages must be revalidated.
        const immutable = path.includes("/assets/");
        response.setHeader("cache-control", immutable ? "public, max-age=31536000, immutable" : "no-cache");
      },
    });
  }
  app.setNotFoundHandler(async (request, reply) => {
    const wantsPage = request.method === "GET" && !request.url.startsWith("/trpc") && request.headers.accept?.includes("text/html");
    if (!wantsPage) return reply.code(404).send({ error: "not_found" });
    if (!hasBuild) return reply.code(503).type("text/plain").send("The web app is not built: run `npm run build`.");
    return reply.type("text/html").header("cache-control", "no-cache").sendFile("index.html");
  });
}
