import type { FastifyInstance, FastifyRequest } from "fastify";
import helmet from "@fastify/helmet";
import rateLimit from "@fastify/rate-limit";
import { databaseUnavailableCode } from "@lentera/api";

export const CSRF_HEADER = "x-lentera-csrf";

/** Security headers: a CSP with no inline script or style, no framing, no referrer. */
export async function registerSecurityHeaders(app: FastifyInstance): Promise<void> {
  await app.register(helmet, {
    contentSecurityPolicy: {
      useDefaults: false,
      directives: {
        defaultSrc: ["'self'"],
        scriptSrc: ["'self'"],
        styleSrc: ["'self'"],
        imgSrc: ["'self'", "data:"],
        fontSrc: ["'self'"],
        connectSrc: ["'self'"],
        objectSrc: ["'none'"],
        baseUri: ["'none'"],
        formAction: ["'self'"],
        frameAncestors: ["'none'"],
      },
    },
    referrerPolicy: { policy: "no-referrer" },
    crossOriginEmbedderPolicy: false,
  });
}

/**
 * Cross-site request forgery: besides the SameSite cookie, every state-changing API request must
 * carry a custom header (which a cross-site form cannot send, and a cross-site script cannot
 * without a CORS pre-flight that this server never grants) and, when the browser sends an
 * Origin, it must be this server's.
 */
export function registerCsrfCheck(app: FastifyInstance): void {
  app.addHook("onRequest", async (request, reply) => {
    if (!request.url.startsWith("/trpc") || request.method === "GET" || request.method === "HEAD") return;
    const origin = request.headers.origin;
    const sameOrigin = origin === undefined || origin === `${request.protocol}://${request.host}`;
    if (request.headers[CSRF_HEADER] !== "1" || !sameOrigin) {
      await reply.code(403).send({ error: "csrf_check_failed" });
    }
  });
}

// The password and the second factor are both guessable secrets: one per-address limit covers both.
const RATE_LIMITED_PROCEDURES = ["auth.signIn", "auth.verifySecondFactor"];

function isSignInRequest(request: FastifyRequest): boolean {
  return (
    request.method === "POST" &&
    request.url.startsWith("/trpc/") &&
    RATE_LIMITED_PROCEDURES.some((procedure) => request.url.includes(procedure))
  );
}

/** Thrown by the rate limiter; the error handler sends its tRPC-shaped body. */
export class SignInRateLimitedError extends Error {
  readonly statusCode = 429;
  constructor(readonly body: unknown) {
    super("rate_limited");
  }
}

/**
 * Limits sign-in attempts per address (account lockout limits them per account). The answer is
 * shaped like a tRPC error so the web app can translate it.
 */
export async function registerSignInRateLimit(app: FastifyInstance, maxPerMinute: number): Promise<void> {
  await app.register(rateLimit, {
    global: true,
    max: maxPerMinute,
    timeWindow: 60_000,
    allowList: (request) => !isSignInRequest(request),
    errorResponseBuilder: (request) => {
      const error = {
        json: {
          message: "rate_limited",
          code: -32029,
          data: { code: "TOO_MANY_REQUESTS", httpStatus: 429, domainCode: "rate_limited", zodError: null },
        },
      };
      const batched = (request.query as Record<string, unknown>).batch === "1";
      return new SignInRateLimitedError(batched ? [{ error }] : { error });
    },
  });
  app.setErrorHandler(async (error, request, reply) => {
    if (error instanceof SignInRateLimitedError) return reply.code(429).send(error.body);
    // Outside tRPC (the calendar feed): a database that is down is 503, as in the API, logged by its code only.
    const unavailable = databaseUnavailableCode(error);
    if (unavailable) {
      request.log.warn({ code: unavailable }, "database unavailable");
      return reply.code(503).send({ error: "database_unavailable" });
    }
    return reply.send(error);
  });
}
