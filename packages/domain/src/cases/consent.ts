import type { ConsentScope } from "./vocabulary";

export interface ConsentRecord {
  scope: ConsentScope;
  givenOn: string;
  expiresOn: string | null;
  withdrawnOn: string | null;
}

/** A consent is in force from the day it is given until it expires or is withdrawn. */
export function consentInForce(consent: ConsentRecord, today: string): boolean {
  if (consent.givenOn > today) return false;
  if (consent.expiresOn && consent.expiresOn <= today) return false;
  if (consent.withdrawnOn && consent.withdrawnOn <= today) return false;
  return true;
}

/** The scopes with at least one consent in force today. */
export function scopesInForce(consents: readonly ConsentRecord[], today: string): ConsentScope[] {
  return [...new Set(consents.filter((consent) => consentInForce(consent, today)).map((consent) => consent.scope))];
}
