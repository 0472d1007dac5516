import type { RouterOutputs } from "@lentera/api";

/** One assessment of a case as `outcomes.byCase` lists it (oldest first, with stored domain scores). */
export type Assessment = RouterOutputs["outcomes"]["byCase"][number];
/** An instrument definition the agency can use (built in, or its own). */
export type Instrument = RouterOutputs["outcomes"]["instruments"][number];
export type StoredDomainScore = Assessment["scores"][number];
