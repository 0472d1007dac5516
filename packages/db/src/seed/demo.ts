import { count } from "drizzle-orm";
import type { PartnerKind, Role } from "@lentera/domain";
import type { Database } from "../client";
import { agencies, partners, teamMemberships, teams, users } from "../schema";

export const DEMO_PASSWORD = "lentera-demo-2026";

export interface DemoUser {
  email: string;
  displayName: string;
  roles: Role[];
  team: "mawar" | "melati" | null;
}

/** One user per role, plus a second social worker in the other team (for access checks). */
export const DEMO_USERS: readonly DemoUser[] = [
  { email: "social.worker@example.org", displayName: "Sari Wulandari", roles: ["social_worker"], team: "mawar" },
  { email: "counselor@example.org", displayName: "Budi Santoso", roles: ["counselor"], team: "mawar" },
  { email: "supervisor@example.org", displayName: "Dewi Lestari", roles: ["supervisor"], team: "mawar" },
  { email: "admin@example.org", displayName: "Agus Pratama", roles: ["admin"], team: null },
  { email: "social.worker2@example.org", displayName: "Rina Putri", roles: ["social_worker"], team: "melati" },
];

/** A few partner organizations, so plan goals and services can name one. */
export const DEMO_PARTNERS: readonly { name: string; kind: PartnerKind }[] = [
  { name: "Puskesmas Harapan", kind: "health" },
  { name: "LBH Kota Harapan", kind: "legal_aid" },
  { name: "Unit PPA Polres Harapan", kind: "police_unit" },
  { name: "SMP Negeri 3 Harapan", kind: "school" },
  { name: "Rumah Aman Pelangi", kind: "shelter" },
];

/**
 * Seeds the demo agency when the database has no agency yet; returns whether it did.
 * The caller passes the hash of DEMO_PASSWORD so that this package needs no hashing library.
 */
export async function seedDemoData(db: Database, passwordHash: string): Promise<boolean> {
  return db.transaction(async (tx) => {
    const [existing] = await tx.select({ n: count() }).from(agencies);
    if ((existing?.n ?? 0) > 0) return false;
    const [agency] = await tx
      .insert(agencies)
      // Demo mode: the shared demo supervisor and administrator sign in with the password alone
      // (a new agency requires two-factor sign-in of them; the demo's users can turn it on themselves).
      .values({ name: "UPTD PPA Kota Harapan (demo)", country: "ID", caseNumberPrefix: "LNT", requireTwoFactor: false })
      .returning({ id: agencies.id });
    if (!agency) throw new Error("demo agency was not created");
    const teamRows = await tx
      .insert(teams)
      .values([
        { agencyId: agency.id, name: "Tim Mawar" },
        { agencyId: agency.id, name: "Tim Melati" },
      ])
      .returning({ id: teams.id, name: teams.name });
    const teamIdByKey = {
      mawar: teamRows.find((team) => team.name === "Tim Mawar")?.id,
      melati: teamRows.find((team) => team.name === "Tim Melati")?.id,
    };
    await tx.insert(partners).values(DEMO_PARTNERS.map((partner) => ({ ...partner, agencyId: agency.id })));
    for (const demoUser of DEMO_USERS) {
      const [user] = await tx
        .insert(users)
        .values({
          agencyId: agency.id,
          email: demoUser.email,
          displayName: demoUser.displayName,
          passwordHash,
          roles: demoUser.roles,
          locale: "en",
        })
        .returning({ id: users.id });
      const teamId = demoUser.team ? teamIdByKey[demoUser.team] : undefined;
      if (user && teamId) await tx.insert(teamMemberships).values({ teamId, userId: user.id });
    }
    return true;
  });
}
