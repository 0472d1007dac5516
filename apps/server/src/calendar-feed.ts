import type { FastifyInstance } from "fastify";
import { calendarFeed, type ApiDeps } from "@lentera/api";

/** The feed's path holds its secret token; logs see only this. */
export const CALENDAR_PATH_PREFIX = "/calendar/";
const FEED_FILE = /^([A-Za-z0-9_-]{20,128})\.ics$/;

/** A request path fit for the logs: a calendar feed's token is replaced. */
export function loggablePath(url: string): string {
  const path = url.split("?")[0] ?? "";
  return path.startsWith(CALENDAR_PATH_PREFIX) ? `${CALENDAR_PATH_PREFIX}[redacted]` : path;
}

/**
 * GET /calendar/<token>.ics: a user's personal iCalendar feed (case number and kind only). The
 * token is the only credential, so an unknown, malformed or revoked one is a plain 404.
 */
export function registerCalendarFeed(app: FastifyInstance, deps: Pick<ApiDeps, "db" | "clock">): void {
  app.get<{ Params: { file: string } }>(`${CALENDAR_PATH_PREFIX}:file`, async (request, reply) => {
    const token = FEED_FILE.exec(request.params.file)?.[1];
    const ics = token ? await calendarFeed(deps, token) : null;
    if (ics === null) return reply.code(404).type("text/plain").send("not found");
    return reply.type("text/calendar; charset=utf-8").header("cache-control", "private, no-store").send(ics);
  });
}
