/**
 * Test harness: the real router on a real database (fresh PGlite per file, or TEST_DATABASE_URL),
 * with a movable clock and a cookie jar standing in for the browser.
 */
import { randomBytes, randomUUID } from "node:crypto";
import { auditEvents, desc, eq, type DbHandle } from "@lentera/db";
import { createTestDb, makeUser } from "@lentera/db/testing";
import type { Role } from "@lentera/domain";
import { createContext, type ApiDeps, type ApiLogger, type SessionCookieJar } from "./context";
import { defaultApiSettings, type ApiSettings } from "./settings";
import { createCallerFactory } from "./trpc";
import { appRouter } from "./root";
import { createSession } from "./auth/sessions";
import { validateKeyring, type Keyring } from "./protect/field-crypto";

const createCaller = createCallerFactory(appRouter);

/** Fresh random keys per test run. */
export const testKeyring: Keyring = validateKeyring({
  activeKeyId: "test",
  encryptionKeys: new Map([["test", randomBytes(32)]]),
  hmacKey: randomBytes(32),
});

export class TestCookieJar implements SessionCookieJar {
  token: string | null = null;
  expiresAt: Date | null = null;
  set(token: string, expiresAt: Date) {
    this.token = token;
    this.expiresAt = expiresAt;
  }
  clear() {
    this.token = null;
    this.expiresAt = null;
  }
}

export interface LogLine {
  level: "info" | "warn" | "error";
  object: object;
  message?: string | undefined;
}

export async function createTestApi(settings: Partial<ApiSettings> = {}) {
  const handle: DbHandle = await createTestDb();
  let now = new Date();
  const logs: LogLine[] = [];
  const logger: ApiLogger = {
    info: (object, message) => logs.push({ level: "info", object, message }),
    warn: (object, message) => logs.push({ level: "warn", object, message }),
    error: (object, message) => logs.push({ level: "error", object, message }),
  };
  const deps: ApiDeps = {
    db: handle.db,
    keyring: testKeyring,
    settings: { ...defaultApiSettings, ...settings },
    logger,
    clock: () => now,
  };

  /** A caller as a browser holding `sessionToken` would be. */
  function caller(sessionToken: string | null = null, jar = new TestCookieJar(), userAgent = "TestBrowser/1.0") {
    jar.token = sessionToken;
    const api = createCaller(
      createContext(deps, { requestId: randomUUID(), ip: "127.0.0.1", userAgent, sessionToken, cookies: jar }),
    );
    return { api, jar };
  }

  /** A user with a live session, without going through sign-in (fast). */
  async function signedInUser(input: { agencyId: string; roles: Role[]; teamIds?: string[] }) {
    const user = await makeUser(handle.db, input);
    const { token } = await createSession(handle.db, deps, user.id);
    return { user, token, api: caller(token).api };
  }

  async function auditFor(entityId: string) {
    return handle.db
      .select()
      .from(auditEvents)
      .where(eq(auditEvents.entityId, entityId))
      .orderBy(desc(auditEvents.id));
  }

  /** A new session for an existing user (after the clock moved past the old one). */
  async function signInAgain(userId: string) {
    const { token } = await createSession(handle.db, deps, userId);
    return caller(token).api;
  }

  /** Every audit event of a case (its own and its client's, consents…), newest first. */
  async function auditForCase(caseId: string) {
    return handle.db.select().from(auditEvents).where(eq(auditEvents.caseId, caseId)).orderBy(desc(auditEvents.id));
  }

  return {
    db: handle.db,
    auditForCase,
    signInAgain,
    handle,
    deps,
    logs,
    caller,
    signedInUser,
    auditFor,
    advanceClock: (ms: number) => {
      now = new Date(now.getTime() + ms);
    },
    close: () => handle.close(),
  };
}

export type TestApi = Awaited<ReturnType<typeof createTestApi>>;
