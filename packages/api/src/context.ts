import type { Database } from "@lentera/db";
import type { Role, Locale } from "@lentera/domain";
import type { ApiSettings } from "./settings";
import type { Keyring } from "./protect/field-crypto";

/** The structured logger the host provides (pino's shape). Never log identifying data. */
export interface ApiLogger {
  info: (object: object, message?: string) => void;
  warn: (object: object, message?: string) => void;
  error: (object: object, message?: string) => void;
}

/** How a procedure sets or clears the session cookie without knowing the HTTP framework. */
export interface SessionCookieJar {
  set: (token: string, expiresAt: Date) => void;
  clear: () => void;
}

export interface SessionUser {
  id: string;
  agencyId: string;
  email: string;
  displayName: string;
  roles: Role[];
  locale: Locale;
  /** The teams the user belongs to (a supervisor supervises these). */
  teamIds: string[];
}

export interface ApiDeps {
  db: Database;
  settings: ApiSettings;
  logger: ApiLogger;
  /** Keys for identifying data; never logged. */
  keyring: Keyring;
  /** Injected so tests can move time (lockout and session expiry). */
  clock: () => Date;
}

export interface RequestInfo {
  requestId: string;
  ip: string | null;
  /** The browser's User-Agent header, stored with a new session for the user's list of sessions. */
  userAgent?: string | null;
  /** The raw token from the session cookie, if any. */
  sessionToken: string | null;
  cookies: SessionCookieJar;
}

export type Context = ApiDeps & RequestInfo;

export function createContext(deps: ApiDeps, request: RequestInfo): Context {
  return { ...deps, ...request };
}
