import { initTRPC, TRPCError } from "@trpc/server";
import superjson from "superjson";
import { z } from "zod";
import { can, DomainError, type Action } from "@lentera/domain";
import type { Context, SessionUser } from "./context";
import { databaseUnavailableCode, describeError, toTRPCError } from "./errors";
import { loadSession } from "./auth/sessions";
import { inDbScope } from "./db-scope";

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

export const publicProcedure = t.procedure.use(mapDomainErrors);

/** Requires a live session; narrows `ctx.user` to the signed-in user. */
export const authedProcedure = publicProcedure
  .use(async ({ ctx, next }) => {
    const session = ctx.sessionToken ? await loadSession(ctx, ctx.sessionToken) : null;
    if (!session) {
      if (ctx.sessionToken) ctx.cookies.clear();
      throw new DomainError("unauthenticated");
    }
    return next({ ctx: { ...ctx, user: session.user, sessionTokenHash: session.tokenHash } });
  })
  // The procedure's work in one transaction as lentera_app, scoped to the user (db-scope.ts);
  // an error result rolls it back.
  .use(({ ctx, next }) =>
    inDbScope(ctx.db, { agencyId: ctx.user.agencyId, userId: ctx.user.id, now: ctx.clock() }, (db) => next({ ctx: { db } }), (result) => result.ok),
  );

/** Requires a permission from `can()`; everyone else gets FORBIDDEN. */
export function permittedProcedure(action: Action) {
  return authedProcedure.use(({ ctx, next }) => {
    if (!can(ctx.user, action)) throw new DomainError("forbidden");
    return next();
  });
}

export type AuthedContext = Context & { user: SessionUser; sessionTokenHash: string };
