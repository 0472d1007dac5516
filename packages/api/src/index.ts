import type { inferRouterInputs, inferRouterOutputs } from "@trpc/server";
import type { AppRouter } from "./root";

export { appRouter, type AppRouter } from "./root";
export { createCallerFactory } from "./trpc";
export { createContext, type ApiDeps, type ApiLogger, type Context, type RequestInfo, type SessionCookieJar } from "./context";
export { defaultApiSettings, type ApiSettings } from "./settings";
export { hashPassword } from "./auth/passwords";
export { databaseUnavailableCode, describeError } from "./errors";
export { generateKey, validateKeyring, type Keyring } from "./protect/field-crypto";
export { sealIdentity } from "./protect/identity";
export { sealAnswers, sealNoteBody, sealAddendum, type NoteBody } from "./sessions/body";
export { calendarFeed } from "./appointments/feed";
export { countToRotate, rotateKeys, SEALED_COLUMNS, type RotationProgress } from "./protect/rotate";
export { cliRunContext, dueCases as dueRetentionCases, runRetention } from "./retention/anonymize";

export type RouterInputs = inferRouterInputs<AppRouter>;
export type RouterOutputs = inferRouterOutputs<AppRouter>;
