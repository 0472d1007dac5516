import { clients } from "@lentera/db";
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

/** The client's profile as selected for reading (the same columns, never identifying data). */
export const clientProfileSelection = {
  alias: clients.alias,
  birthDate: clients.birthDate,
  estimatedAge: clients.estimatedAge,
  sex: clients.sex,
  gender: clients.gender,
  languages: clients.languages,
  disability: clients.disability,
  guardianRelationship: clients.guardianRelationship,
  country: clients.country,
  province: clients.province,
  regencyCity: clients.regencyCity,
  district: clients.district,
};
