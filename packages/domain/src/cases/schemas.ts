import { z } from "zod";
import {
  CASE_STATUSES,
  CLOSURE_REASONS,
  CONSENT_GIVERS,
  CONSENT_SCOPES,
  HARM_TYPES,
  REFERRAL_SOURCES,
  RISK_LEVELS,
  SEXES,
} from "./vocabulary";
import { INDONESIA_PROVINCES, VIETNAM_PROVINCES } from "./regions";
import { isoDate, optionalText, text, version } from "../fields";

/**
 * The address in the clear: the levels used for statistics. Anything finer (village or commune,
 * street) is identifying and lives in the encrypted identity.
 */
export const clientAddressSchema = z.discriminatedUnion("country", [
  z.object({
    country: z.literal("ID"),
    province: z.enum(INDONESIA_PROVINCES, { error: "validation.province" }).nullable(),
    regencyCity: optionalText(120),
    district: optionalText(120),
  }),
  z.object({
    country: z.literal("VN"),
    province: z.enum(VIETNAM_PROVINCES, { error: "validation.province" }).nullable(),
  }),
]);
export type ClientAddress = z.infer<typeof clientAddressSchema>;

export const IDENTITY_NUMBER_KINDS = ["nik", "kk", "cccd", "passport", "birth_certificate", "other"] as const;

/** Identifying data: encrypted at rest, shown only to the care team on request, never logged. */
export const clientIdentitySchema = z.object({
  legalName: text(200),
  identityNumbers: z
    .array(z.object({ kind: z.enum(IDENTITY_NUMBER_KINDS), number: text(64) }))
    .max(6)
    .default([]),
  phone: optionalText(40),
  email: z.email({ error: "validation.email" }).nullable().optional().or(z.literal("").transform(() => null)),
  /** Village (ID) or commune (VN) and street: the exact address. */
  villageOrCommune: optionalText(120),
  streetAddress: optionalText(300),
  guardianName: optionalText(200),
  guardianContact: optionalText(120),
});
export type ClientIdentity = z.output<typeof clientIdentitySchema>;
export const IDENTIFYING_FIELDS = Object.keys(clientIdentitySchema.shape) as (keyof ClientIdentity)[];

export const clientProfileSchema = z
  .object({
    alias: text(60),
    birthDate: isoDate.nullable().optional(),
    estimatedAge: z.number().int().min(0).max(120).nullable().optional(),
    sex: z.enum(SEXES),
    gender: optionalText(60),
    languages: z.array(text(60)).max(10).default([]),
    disability: optionalText(300),
    guardianRelationship: optionalText(60),
    address: clientAddressSchema,
  })
  .refine((client) => Boolean(client.birthDate) || client.estimatedAge != null, {
    error: "validation.birthDateOrAge",
    path: ["birthDate"],
  });
export type ClientProfile = z.output<typeof clientProfileSchema>;

export const createCaseInput = z.object({
  client: clientProfileSchema,
  identity: clientIdentitySchema,
  harmTypes: z.array(z.enum(HARM_TYPES)).min(1, { error: "validation.atLeastOne" }).transform((list) => [...new Set(list)]),
  referralSource: z.enum(REFERRAL_SOURCES),
  riskLevel: z.enum(RISK_LEVELS),
  riskConcerns: optionalText(2000),
  safetyNotes: optionalText(4000),
  /** Which of the registering user's teams the case belongs to; their only team by default. */
  teamId: z.uuid().optional(),
});
export type CreateCaseInput = z.input<typeof createCaseInput>;

export const duplicateCheckInput = z.object({
  legalName: text(200),
  birthDate: isoDate.nullable().optional(),
  identityNumbers: z.array(text(64)).max(6).default([]),
});

export const updateCaseInput = z.object({
  caseId: z.uuid(),
  version,
  riskLevel: z.enum(RISK_LEVELS).optional(),
  riskConcerns: optionalText(2000),
  safetyNotes: optionalText(4000),
  harmTypes: z.array(z.enum(HARM_TYPES)).min(1, { error: "validation.atLeastOne" }).optional(),
  referralSource: z.enum(REFERRAL_SOURCES).optional(),
  client: clientProfileSchema.optional(),
  identity: clientIdentitySchema.optional(),
});
export type UpdateCaseInput = z.input<typeof updateCaseInput>;

export const caseIdInput = z.object({ caseId: z.uuid() });

export const LIST_SORTS = ["opened_desc", "opened_asc", "risk_desc", "case_number"] as const;
export const listCasesInput = z.object({
  scope: z.enum(["mine", "team"]).default("mine"),
  search: z.string().trim().max(60).optional(),
  status: z.array(z.enum(CASE_STATUSES)).optional(),
  riskLevel: z.array(z.enum(RISK_LEVELS)).optional(),
  harmType: z.enum(HARM_TYPES).optional(),
  workerId: z.uuid().optional(),
  sort: z.enum(LIST_SORTS).default("opened_desc"),
  limit: z.number().int().min(1).max(100).default(25),
  /** Opaque: the `nextCursor` of the previous page. */
  cursor: z.string().max(200).optional(),
});
export type ListCasesInput = z.input<typeof listCasesInput>;

export const statusChangeInput = z.object({
  caseId: z.uuid(),
  version,
  transition: z.enum(["activate", "hold", "resume"]),
  reason: optionalText(1000),
});

export const requestClosureInput = z.object({
  caseId: z.uuid(),
  version,
  reason: z.enum(CLOSURE_REASONS),
  note: optionalText(2000),
});

export const decideClosureInput = z.object({
  caseId: z.uuid(),
  version,
  decision: z.enum(["approve", "return"]),
  comment: optionalText(2000),
}).refine((input) => input.decision === "approve" || Boolean(input.comment), {
  error: "validation.commentRequiredToReturn",
  path: ["comment"],
});

export const reopenInput = z.object({ caseId: z.uuid(), version, reason: text(1000) });

export const breakGlassInput = z.object({
  caseNumber: z.string().trim().regex(/^[A-Za-z]{2,8}-\d{4}-\d{6}$/, { error: "validation.caseNumber" }),
  reason: text(500),
});

export const assignCareTeamInput = z.object({
  caseId: z.uuid(),
  version,
  primarySocialWorkerId: z.uuid(),
  counselorIds: z.array(z.uuid()).max(10).default([]),
  socialWorkerIds: z.array(z.uuid()).max(10).default([]),
});

export const recordConsentInput = z.object({
  caseId: z.uuid(),
  scope: z.enum(CONSENT_SCOPES),
  givenBy: z.enum(CONSENT_GIVERS),
  givenOn: isoDate,
  expiresOn: isoDate.nullable().optional(),
  note: optionalText(1000),
}).refine((input) => !input.expiresOn || input.expiresOn > input.givenOn, {
  error: "validation.expiryAfterGiven",
  path: ["expiresOn"],
});

export const withdrawConsentInput = z.object({
  consentId: z.uuid(),
  version,
  withdrawnOn: isoDate,
  reason: optionalText(1000),
});
