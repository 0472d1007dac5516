import type { ClientProfile } from "@lentera/domain";

/** The client's non-identifying profile as table columns (the address flattened). */
export function clientColumns(client: ClientProfile) {
  const { address } = client;
  return {
    alias: client.alias,
    birthDate: client.birthDate ?? null,
    estimatedAge: client.estimatedAge ?? null,
    sex: client.sex,
    gender: client.gender ?? null,
    languages: client.languages,
    disability: client.disability ?? null,
    guardianRelationship: client.guardianRelationship ?? null,
    country: address.country,
    province: address.province,
    regencyCity: address.country === "ID" ? (address.regencyCity ?? null) : null,
    district: address.country === "ID" ? (address.district ?? null) : null,
  };
}

export type ClientColumns = ReturnType<typeof clientColumns>;
