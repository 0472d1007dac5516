/**
 * Anonymized statistics against a data set built here, where every number is known by hand: only
 * cases opened in the period whose reporting consent is in force today count; cells under 5 leave
 * the server as null (with a complementary cell where the total would give one away); other teams'
 * cases stay out; nothing identifying is ever in a response.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { agencies, cases, clients, eq } from "@lentera/db";
import type { ConsentScope, HarmType, ReferralSource, Sex, StatisticDimension, Statistics } from "@lentera/domain";
import { expectCode } from "./expect-error";
import { workWorld, type Actor, type WorkWorld } from "./my-work-fixture";

let w: WorkWorld;

/** Today in the agency's zone (Asia/Jakarta, UTC+7) is 2026-04-15; the period is the first quarter. */
const TODAY = new Date("2026-04-15T03:00:00Z");
const TOMORROW = new Date("2026-04-16T03:00:00Z");
const PERIOD = { from: "2026-01-01", to: "2026-03-31" };

interface ConsentSpec {
  scope?: ConsentScope;
  givenOn: string;
  expiresOn?: string;
  withdrawnOn?: string;
}
interface CaseSpec {
  /** The opening instant (UTC); the agency's day is 7 hours later. */
  at: string;
  team?: "A" | "B";
  birthDate?: string;
  estimatedAge?: number;
  /** Neither a birth date nor an estimated age (an imported record). */
  ageUnknown?: boolean;
  sex: Sex;
  province: "DKI Jakarta" | "Jawa Barat" | "Bali" | null;
  referral: ReferralSource;
  harm: HarmType[];
  consents: ConsentSpec[];
}

const reporting = (givenOn: string, more: Partial<ConsentSpec> = {}): ConsentSpec => ({ givenOn, ...more });

/** Team A, counted: every one has a reporting consent in force on 2026-04-15. */
const INCLUDED: CaseSpec[] = [
  // 2026-01-01 00:00 in Jakarta, still 2025-12-31 in UTC: inside the period, in January.
  { at: "2025-12-31T17:00:00Z", estimatedAge: 16, sex: "female", province: "DKI Jakarta", referral: "school", harm: ["grooming"], consents: [reporting("2026-01-01")] },
  // 12th birthday on the opening day in Jakarta (the day before in UTC): 12-14.
  { at: "2026-01-09T17:30:00Z", birthDate: "2014-01-10", sex: "female", province: "DKI Jakarta", referral: "school", harm: ["grooming", "sextortion"], consents: [reporting("2026-01-10")] },
  // 12th birthday the day after the opening: 0-11.
  { at: "2026-01-10T03:00:00Z", birthDate: "2014-01-11", sex: "female", province: "DKI Jakarta", referral: "police", harm: ["grooming"], consents: [reporting("2026-01-10")] },
  // Expires tomorrow: still in force today.
  { at: "2026-01-15T03:00:00Z", estimatedAge: 13, sex: "male", province: "DKI Jakarta", referral: "police", harm: ["sextortion"], consents: [reporting("2026-01-15", { expiresOn: "2026-04-16" })] },
  { at: "2026-01-20T03:00:00Z", estimatedAge: 13, sex: "male", province: "Jawa Barat", referral: "police", harm: ["sextortion", "ncii"], consents: [reporting("2026-01-20")] },
  { at: "2026-01-25T03:00:00Z", estimatedAge: 16, sex: "female", province: null, referral: "school", harm: ["grooming"], consents: [reporting("2026-01-25")] },
  // Given today: in force.
  { at: "2026-02-03T03:00:00Z", estimatedAge: 13, sex: "female", province: "DKI Jakarta", referral: "school", harm: ["grooming"], consents: [reporting("2026-04-15")] },
  // Withdrawn from tomorrow: still in force today.
  { at: "2026-02-10T03:00:00Z", estimatedAge: 16, sex: "male", province: "Jawa Barat", referral: "police", harm: ["sextortion"], consents: [reporting("2026-02-10", { withdrawnOn: "2026-04-16" })] },
  // An expired reporting consent and a current one: counted once.
  {
    at: "2026-02-14T03:00:00Z",
    estimatedAge: 13,
    sex: "female",
    province: "DKI Jakarta",
    referral: "hotline",
    harm: ["grooming", "ncii"],
    consents: [reporting("2026-02-14", { expiresOn: "2026-03-01" }), reporting("2026-03-01")],
  },
  // 18th birthday the day after the opening: 15-17. Two consents in force: counted once.
  {
    at: "2026-02-20T03:00:00Z",
    birthDate: "2008-02-21",
    sex: "male",
    province: "Jawa Barat",
    referral: "school",
    harm: ["sextortion"],
    consents: [{ scope: "services", givenOn: "2026-02-20" }, reporting("2026-02-20")],
  },
  { at: "2026-02-27T03:00:00Z", ageUnknown: true, sex: "female", province: null, referral: "police", harm: ["grooming"], consents: [reporting("2026-02-27")] },
  // 2026-03-31 23:59 in Jakarta: the period's last minute.
  { at: "2026-03-31T16:59:00Z", estimatedAge: 16, sex: "male", province: "DKI Jakarta", referral: "school", harm: ["sextortion"], consents: [reporting("2026-03-31")] },
];

/**
 * Everything else is a 30-year-old intersex client from Bali referred by an NGO for trafficking: if
 * any of them leaked into team A's statistics, a 25+, intersex, Bali, ngo or trafficking cell would
 * not be zero.
 */
const stranger = (at: string, consents: ConsentSpec[], team: "A" | "B" = "A"): CaseSpec => ({
  at,
  team,
  estimatedAge: 30,
  sex: "intersex",
  province: "Bali",
  referral: "ngo",
  harm: ["trafficking"],
  consents,
});

/** Team A, in the period, left out: no reporting consent in force today. */
const EXCLUDED: CaseSpec[] = [
  stranger("2026-01-12T03:00:00Z", [reporting("2026-01-12", { expiresOn: "2026-04-15" })]), // expires today
  stranger("2026-02-12T03:00:00Z", [reporting("2026-02-12", { withdrawnOn: "2026-04-15" })]), // withdrawn today
  stranger("2026-03-05T03:00:00Z", [reporting("2026-04-16")]), // given tomorrow
  stranger("2026-03-10T03:00:00Z", [{ scope: "services", givenOn: "2026-03-10" }]), // another scope only
  stranger("2026-03-20T03:00:00Z", []), // no consent at all
];

/** Team A, outside the period (with or without consent): in neither total. */
const OUTSIDE: CaseSpec[] = [
  stranger("2025-12-31T16:59:00Z", [reporting("2025-12-31")]), // 2025-12-31 23:59 in Jakarta
  stranger("2026-03-31T17:00:00Z", [reporting("2026-03-31")]), // 2026-04-01 00:00 in Jakarta
  stranger("2025-11-20T03:00:00Z", []),
];

/** Team B, counted for team B only. */
const TEAM_B: CaseSpec[] = ["02", "03", "04", "05", "06"].map((dayOfMonth) => stranger(`2026-02-${dayOfMonth}T03:00:00Z`, [reporting("2026-02-01")], "B"));

/** Every legal name, alias and phone number created: none may appear in a statistics response. */
const identifying: string[] = [];

function setClock(at: Date) {
  w.t.advanceClock(at.getTime() - w.now().getTime());
}

async function createCase(spec: CaseSpec, index: number) {
  const owner: Actor = spec.team === "B" ? w.swB : w.sw;
  setClock(new Date(spec.at));
  const legalName = `Legal Name ${index} Kusumawati`;
  const alias = `Statistik ${index} Anggrek`;
  const phone = `+62 812 5550 ${String(1000 + index)}`;
  identifying.push(legalName, alias, phone);
  const created = await owner.api.cases.create({
    client: {
      alias,
      sex: spec.sex,
      ...(spec.birthDate ? { birthDate: spec.birthDate } : { estimatedAge: spec.estimatedAge ?? 16 }),
      address: { country: "ID", province: spec.province },
    },
    identity: { legalName, phone },
    harmTypes: spec.harm,
    referralSource: spec.referral,
    riskLevel: "medium",
  });
  for (const consent of spec.consents) {
    const recorded = await owner.api.cases.consents.record({
      caseId: created.id,
      scope: consent.scope ?? "reporting",
      givenBy: "guardian",
      givenOn: consent.givenOn,
      expiresOn: consent.expiresOn ?? null,
    });
    if (consent.withdrawnOn) {
      await owner.api.cases.consents.withdraw({ consentId: recorded.id, version: recorded.version, withdrawnOn: consent.withdrawnOn });
    }
  }
  if (spec.ageUnknown) {
    // The intake form asks for one of the two; a record imported from paper may have neither.
    const [row] = await w.t.db.select({ clientId: cases.clientId }).from(cases).where(eq(cases.id, created.id));
    await w.t.db.update(clients).set({ birthDate: null, estimatedAge: null }).where(eq(clients.id, row?.clientId ?? ""));
  }
}

/** A breakdown's cells as key → published count, in the response's order. */
function cellsOf(statistics: Statistics, dimension: StatisticDimension): Record<string, number | null> {
  const breakdown = statistics.breakdowns.find((candidate) => candidate.dimension === dimension);
  if (!breakdown) throw new Error(`no ${dimension} breakdown`);
  return Object.fromEntries(breakdown.cells.map((cell) => [cell.key, cell.count]));
}
const keysOf = (statistics: Statistics, dimension: StatisticDimension) => Object.keys(cellsOf(statistics, dimension));

const responses: Statistics[] = [];
async function statisticsFor(who: Actor, filter: { teamId?: string; workerId?: string; agencyWide?: boolean } = {}) {
  const result = await who.api.dashboard.statistics({ filter: { ...PERIOD, ...filter } });
  responses.push(result);
  return result;
}

beforeAll(async () => {
  w = await workWorld();
  let index = 0;
  for (const spec of [...INCLUDED, ...EXCLUDED, ...OUTSIDE, ...TEAM_B]) await createCase(spec, index++);
  setClock(TODAY);
}, 120_000);
afterAll(() => w.t.close());

describe("statistics for team A's supervisor", () => {
  let stats: Statistics;
  beforeAll(async () => {
    stats = await statisticsFor(w.supervisor);
  });

  it("counts the cases opened in the period with a reporting consent in force today, and those left out", () => {
    expect(stats.from).toBe(PERIOD.from);
    expect(stats.to).toBe(PERIOD.to);
    expect(stats.includedCases).toBe(12);
    expect(stats.excludedCases).toBe(5);
    expect(stats.breakdowns.map((breakdown) => breakdown.dimension)).toEqual(["month", "harm_type", "age_group", "sex", "province", "referral_source", "takedown_platform_kind"]);
  });

  it("by month of opening in the agency's zone: January 6, February 5 and March 1 — March under 5, February suppressed with it", () => {
    expect(cellsOf(stats, "month")).toEqual({ "2026-01": 6, "2026-02": null, "2026-03": null });
    expect(keysOf(stats, "month")).toEqual(["2026-01", "2026-02", "2026-03"]);
  });

  it("by harm type, a case in each of its types: grooming 7, sextortion 6, ncii 2 (no complementary cell: types overlap)", () => {
    expect(cellsOf(stats, "harm_type")).toEqual({
      online_sexual_exploitation: 0,
      online_prostitution: 0,
      ncii: null,
      csam: 0,
      sextortion: 6,
      grooming: 7,
      trafficking: 0,
      other: 0,
    });
  });

  it("by age at opening (birth date, else estimated age): 0-11 1, 12-14 5, 15-17 5, unknown 1 — two small cells, no complementary one", () => {
    expect(cellsOf(stats, "age_group")).toEqual({ "0-11": null, "12-14": 5, "15-17": 5, "18-24": 0, "25+": 0, unknown: null });
  });

  it("by sex: female 7, male 5, nothing suppressed, zeros stay zero", () => {
    expect(cellsOf(stats, "sex")).toEqual({ female: 7, male: 5, intersex: 0, unknown: 0 });
  });

  it("by province: only the provinces of counted cases, then unknown: DKI Jakarta 7, Jawa Barat 3, none recorded 2", () => {
    expect(keysOf(stats, "province")).toEqual(["DKI Jakarta", "Jawa Barat", "unknown"]);
    expect(cellsOf(stats, "province")).toEqual({ "DKI Jakarta": 7, "Jawa Barat": null, unknown: null });
  });

  it("by referral source: school 6, police 5, hotline 1 — hotline under 5, police suppressed with it", () => {
    expect(cellsOf(stats, "referral_source")).toEqual({
      police: null,
      hotline: null,
      school: 6,
      health_facility: 0,
      ngo: 0,
      platform_report: 0,
      self: 0,
      family: 0,
    });
  });

  it("narrowed to a worker on none of the cases: every count zero, none suppressed", async () => {
    const none = await statisticsFor(w.supervisor, { workerId: w.swSameTeam.user.id });
    expect(none.includedCases).toBe(0);
    expect(none.excludedCases).toBe(0);
    for (const breakdown of none.breakdowns) {
      for (const cell of breakdown.cells) expect(cell.count, `${breakdown.dimension} ${cell.key}`).toBe(0);
    }
    expect(keysOf(none, "province")).toEqual(["unknown"]);
  });
});

describe("the consent filter follows today", () => {
  it("tomorrow one consent has expired, one is withdrawn and one is given: 11 counted, 6 left out", async () => {
    setClock(TOMORROW);
    try {
      const stats = await statisticsFor(w.supervisor);
      expect(stats.includedCases).toBe(11);
      expect(stats.excludedCases).toBe(6);
      // The case given consent tomorrow is a 30-year-old's from Bali: now it counts.
      expect(cellsOf(stats, "age_group")["25+"]).toBeNull();
      expect(keysOf(stats, "province")).toEqual(["Bali", "DKI Jakarta", "Jawa Barat", "unknown"]);
    } finally {
      setClock(TODAY);
    }
  });
});

describe("scope", () => {
  it("team B's supervisor sees only team B's numbers", async () => {
    const stats = await statisticsFor(w.supervisorB);
    expect(stats.includedCases).toBe(5);
    expect(stats.excludedCases).toBe(0);
    expect(cellsOf(stats, "month")).toEqual({ "2026-01": 0, "2026-02": 5, "2026-03": 0 });
    expect(cellsOf(stats, "age_group")).toEqual({ "0-11": 0, "12-14": 0, "15-17": 0, "18-24": 0, "25+": 5, unknown: 0 });
    expect(cellsOf(stats, "sex")).toEqual({ female: 0, male: 0, intersex: 5, unknown: 0 });
    expect(cellsOf(stats, "province")).toEqual({ Bali: 5, unknown: 0 });
    expect(cellsOf(stats, "harm_type").trafficking).toBe(5);
    expect(cellsOf(stats, "referral_source").ngo).toBe(5);
  });

  it("refuses team B's supervisor team A's id, and team A's supervisor team B's", async () => {
    await expectCode(statisticsFor(w.supervisorB, { teamId: w.teamA }), "FORBIDDEN");
    await expectCode(statisticsFor(w.supervisor, { teamId: w.teamB }), "FORBIDDEN");
  });

  it("refuses an administrator, a social worker and another agency's supervisor", async () => {
    await expectCode(statisticsFor(w.admin), "FORBIDDEN");
    await expectCode(statisticsFor(w.sw), "FORBIDDEN");
    await expectCode(statisticsFor(w.outsider, { teamId: w.teamA }), "FORBIDDEN");
    await expectCode(w.admin.api.dashboard.exportStatistics({ filter: PERIOD }), "FORBIDDEN");
  });

  it("asking for the agency-wide view without the agency's grant gives the supervised teams only", async () => {
    const stats = await statisticsFor(w.supervisorB, { agencyWide: true });
    expect(stats.includedCases).toBe(5);
  });

  it("with the agency's grant to supervisors, the agency-wide view counts every team", async () => {
    await w.t.db.update(agencies).set({ agencyWideDashboardRoles: ["supervisor"] }).where(eq(agencies.id, w.agencyId));
    try {
      const all = await statisticsFor(w.supervisorB, { agencyWide: true });
      expect(all.includedCases).toBe(17);
      expect(all.excludedCases).toBe(5);
      expect(cellsOf(all, "province")).toEqual({ Bali: 5, "DKI Jakarta": 7, "Jawa Barat": null, unknown: null });
      const teamA = await statisticsFor(w.supervisorB, { agencyWide: true, teamId: w.teamA });
      expect(teamA.includedCases).toBe(12);
      // Still no administrator.
      await expectCode(statisticsFor(w.admin, { agencyWide: true }), "FORBIDDEN");
    } finally {
      await w.t.db.update(agencies).set({ agencyWideDashboardRoles: [] }).where(eq(agencies.id, w.agencyId));
    }
  });

  it("rejects a period that ends before it starts", async () => {
    await expectCode(w.supervisor.api.dashboard.statistics({ filter: { from: "2026-03-31", to: "2026-01-01" } }), "BAD_REQUEST");
  });
});

describe("no identifying data", () => {
  it("no response holds a legal name, an alias or a phone number created above", () => {
    expect(responses.length).toBeGreaterThan(5);
    const text = JSON.stringify(responses);
    for (const value of identifying) expect(text).not.toContain(value);
    // And no real count under 5 travels: every number is 0 or at least 5.
    for (const response of responses) {
      const numbers = [response.includedCases, response.excludedCases, ...response.breakdowns.flatMap((breakdown) => breakdown.cells.map((cell) => cell.count))];
      for (const count of numbers) if (count !== null) expect(count === 0 || count >= 5, String(count)).toBe(true);
    }
  });
});
