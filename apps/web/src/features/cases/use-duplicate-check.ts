import { useCallback, useRef, useState } from "react";
import { useTRPCClient } from "../../lib/trpc";
import { isUnauthenticated } from "../../lib/api-errors";
import { notifySessionExpired } from "../../lib/session-expiry";
import type { PossibleDuplicate } from "./case-types";

const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;

export interface DuplicateCheckFields {
  legalName: string;
  birthDate: string | null | undefined;
  identityNumbers: readonly string[];
}

/**
 * Asks the server whether the client may already have a case, when the user leaves the legal name,
 * birth date or an ID number. Called directly (not through the query cache) so that the name and
 * numbers are not kept in a cache key; the answer names only case numbers and teams.
 */
export function useDuplicateCheck() {
  const client = useTRPCClient();
  const [duplicates, setDuplicates] = useState<PossibleDuplicate[]>([]);
  const lastAsked = useRef("");
  const latest = useRef(0);

  const check = useCallback(
    async (fields: DuplicateCheckFields) => {
      const legalName = fields.legalName.trim();
      if (!legalName || legalName.length > 200) {
        lastAsked.current = "";
        setDuplicates([]);
        return;
      }
      const input = {
        legalName,
        birthDate: fields.birthDate && ISO_DATE.test(fields.birthDate) ? fields.birthDate : null,
        identityNumbers: fields.identityNumbers
          .map((number) => number.trim())
          .filter((number) => number && number.length <= 64)
          .slice(0, 6),
      };
      const asked = JSON.stringify(input);
      if (asked === lastAsked.current) return;
      lastAsked.current = asked;
      const request = ++latest.current;
      try {
        const found = await client.cases.checkDuplicates.query(input);
        if (request === latest.current) setDuplicates(found);
      } catch (error) {
        // Only advice: a failed check does not stop the intake, and is asked again next time.
        lastAsked.current = "";
        if (isUnauthenticated(error)) notifySessionExpired();
      }
    },
    [client],
  );

  return { duplicates, check };
}
