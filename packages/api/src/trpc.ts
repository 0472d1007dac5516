import { initTRPC, TRPCError } from "@trpc/server";
import superjson from "superjson";
import { z } from "zod";
import { can, DomainError, SESSION_STAGES, type Action, type SessionStage } from "@lentera/domain";
import type { Context, SessionUser } from "./context";
import { databaseUnavailableCode, describeError, toTRPCError } from "./errors";
import { loadSession } from "./auth/sessions";
import { inDbScope } from "./db-scope";
import { unstorableInput } from "./input-guard";

// 1. Init: superjson on the wire; zod field errors and the domain code in every error's data.
const t = initTRPC.context<Context>().create({
  transformer: superjson,
  errorFormatter({ shape, error }) {
    const cause = error.cause;
    return {
      ...shape,
      // Never echo internal messages (they may name tables or values) for unexpected errors.
      message: error.code === "INTERNAL_SERVER_ERROR" ? "internal_error" : shape.message,
      data: {
        ...shape.data,
        stack: undefined,
        zodError: cause instanceof z.ZodError ? z.flattenError(cause) : null,
        domainCode: cause instanceof DomainError ? cause.code : null,
        domainDetails: cause instanceof DomainError ? cause.details : null,
      },
    };
  },
});

export const createTRPCRouter = t.router;
export const createCallerFactory = t.createCallerFactory;

// 2. Procedures.
const mapDomainErrors = t.middleware(async ({ next, ctx, path, type }) => {
  const result = await next();
  if (!result.ok) {
    const mapped = toTRPCError(result.error.cause ?? result.error);
    if (mapped instanceof TRPCError) {
      if (mapped.code === "SERVICE_UNAVAILABLE") {
        // The code only: a driver's message can quote a statement or its values.
        ctx.logger.warn({ code: databaseUnavailableCode(mapped.cause), path, type, requestId: ctx.requestId }, "database unavailable");
      }
      throw mapped;
    }
    if (result.error.code === "INTERNAL_SERVER_ERROR") {
      ctx.logger.error(
        { error: describeError(result.error.cause ?? result.error), path, type, requestId: ctx.requestId },
        "procedure failed",
      );
    }
  }
  return result;
});

/** Refuses text Postgres cannot hold and dates out of range, for every procedure (see input-guard.ts). */
const refuseUnstorableInput = t.middleware(async ({ getRawInput, next }) => {
  const reason = unstorableInput(await getRawInput());
  if (reason) throw new DomainError("invalid_input", reason);
  return next();
});

export const publicProcedure = t.procedure.use(mapDomainErrors).use(refuseUnstorableInput);

/**
 * The cookie's live session if its stage is one of `stages`. A session that has only passed the
 * password is not signed in (UNAUTHORIZED); one that must enrol first is refused everything else
 * (FORBIDDEN, so the web sends it to enrolment). The cookie is kept: the session may go on.
 */
async function sessionIn(ctx: Context, stages: readonly SessionStage[]) {
  const session = ctx.sessionToken ? await loadSession(ctx, ctx.sessionToken) : null;
  if (!session) {
    if (ctx.sessionToken) ctx.cookies.clear();
    throw new DomainError("unauthenticated");
  }
  if (!stages.includes(session.stage)) {
    if (session.stage === "enrollment") throw new DomainError("forbidden", "two_factor_enrollment_required");
    if (session.stage === "second_factor") throw new DomainError("unauthenticated");
    throw new DomainError("forbidden", "no_second_factor_pending");
  }
  return { user: session.user, sessionTokenHash: session.tokenHash, sessionId: session.sessionId, sessionStage: session.stage };
}

/** Requires a live, fully signed-in session; narrows `ctx.user` to the signed-in user. */
export const authedProcedure = publicProcedure
  .use(async ({ ctx, next }) => {
    return next({ ctx: { ...ctx, ...(await sessionIn(ctx, ["complete"])) } });
  })
  // The procedure's work in one transaction as lentera_app, scoped to the user (db-scope.ts);
  // an error result rolls it back.
  .use(({ ctx, next }) =>
    inDbScope(ctx.db, { agencyId: ctx.user.agencyId, userId: ctx.user.id, now: ctx.clock() }, (db) => next({ ctx: { db } }), (result) => result.ok),
  );

/** Only for a session that has passed the password and waits for a TOTP or recovery code. */
export const secondFactorProcedure = publicProcedure.use(async ({ ctx, next }) => {
  return next({ ctx: { ...ctx, ...(await sessionIn(ctx, ["second_factor"])) } });
});

/** Two-factor enrolment: a session that must enrol before anything else, or a signed-in one. */
export const enrollmentProcedure = publicProcedure.use(async ({ ctx, next }) => {
  return next({ ctx: { ...ctx, ...(await sessionIn(ctx, ["enrollment", "complete"])) } });
});

/** Any live session whatever its stage (signing out). */
export const anyStageProcedure = publicProcedure.use(async ({ ctx, next }) => {
  return next({ ctx: { ...ctx, ...(await sessionIn(ctx, SESSION_STAGES)) } });
});

/** Requires a permission from `can()`; everyone else gets FORBIDDEN. */
export function permittedProcedure(action: Action) {
  return authedProcedure.use(({ ctx, next }) => {
    if (!can(ctx.user, action)) throw new DomainError("forbidden");
    return next();
  });
}

export type AuthedContext = Context & {
  user: SessionUser;
  sessionTokenHash: string;
  /** The session's public handle (the user's list of sessions marks it as the current one). */
  sessionId?: string;
  /** Set by the session procedures; optional so a hand-built test context need not invent one. */
  sessionStage?: SessionStage;
};
