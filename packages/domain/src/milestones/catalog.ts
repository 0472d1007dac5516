import type { Localized } from "../outcomes/instrument";
import type { MilestoneDomain } from "./vocabulary";

/** One kind of reintegration milestone (tonggak reintegrasi, mốc tái hòa nhập) an agency tracks. */
export interface MilestoneCatalogEntry {
  key: string;
  domain: MilestoneDomain;
  label: Localized;
}

/**
 * The milestones every agency starts with (DOMAIN.md, "Reintegration milestone"; issue 7): what a
 * survivor getting a life back looks like, by area. An agency adds its own kinds beside these
 * (table `milestone_catalog`); these keys are reserved and never change meaning, because the
 * milestones on cases keep the key, not the words.
 */
export const DEFAULT_MILESTONE_CATALOG = [
  // Family
  {
    key: "returned_to_family",
    domain: "family",
    label: { en: "Returned to family", id: "Kembali ke keluarga", vi: "Trở về với gia đình" },
  },
  {
    key: "kinship_or_foster_placement",
    domain: "family",
    label: {
      en: "Placed in kinship or foster care",
      id: "Ditempatkan di pengasuhan kerabat atau keluarga asuh",
      vi: "Được nhận chăm sóc bởi người thân hoặc gia đình thay thế",
    },
  },
  // Education
  {
    key: "enrolled_in_school",
    domain: "education",
    label: { en: "Enrolled in school", id: "Terdaftar di sekolah", vi: "Đã nhập học" },
  },
  {
    key: "attending_school_regularly",
    domain: "education",
    label: { en: "Attending school regularly", id: "Bersekolah secara teratur", vi: "Đi học đều đặn" },
  },
  {
    key: "completed_school_level",
    domain: "education",
    label: { en: "Completed a school level", id: "Menyelesaikan satu jenjang sekolah", vi: "Hoàn thành một cấp học" },
  },
  // Livelihood
  {
    key: "vocational_training",
    domain: "livelihood",
    label: { en: "Enrolled in vocational training", id: "Mengikuti pelatihan keterampilan kerja", vi: "Tham gia học nghề" },
  },
  {
    key: "first_income",
    domain: "livelihood",
    label: { en: "Earned a first income", id: "Memperoleh penghasilan pertama", vi: "Có thu nhập đầu tiên" },
  },
  {
    key: "stable_job",
    domain: "livelihood",
    label: { en: "Has a stable job", id: "Memiliki pekerjaan tetap", vi: "Có việc làm ổn định" },
  },
  // Housing
  {
    key: "safe_stable_housing",
    domain: "housing",
    label: { en: "Lives in safe, stable housing", id: "Tinggal di hunian yang aman dan layak", vi: "Có chỗ ở an toàn, ổn định" },
  },
  // Health
  {
    key: "treatment_completed",
    domain: "health",
    label: { en: "Completed treatment", id: "Menyelesaikan pengobatan", vi: "Hoàn thành điều trị" },
  },
  // Legal
  {
    key: "statement_given",
    domain: "legal",
    label: {
      en: "Gave a statement to the authorities",
      id: "Memberikan keterangan kepada aparat penegak hukum",
      vi: "Đã khai báo với cơ quan chức năng",
    },
  },
  {
    key: "legal_case_filed",
    domain: "legal",
    label: { en: "Legal case filed", id: "Perkara hukum telah diajukan", vi: "Vụ án đã được khởi tố" },
  },
  {
    key: "verdict_reached",
    domain: "legal",
    label: { en: "Verdict reached", id: "Putusan pengadilan telah dijatuhkan", vi: "Tòa án đã tuyên án" },
  },
  {
    key: "restitution_received",
    domain: "legal",
    label: { en: "Restitution received", id: "Restitusi telah diterima", vi: "Đã nhận được bồi thường" },
  },
  // Community
  {
    key: "joined_community_group",
    domain: "community",
    label: { en: "Joined a community group", id: "Bergabung dengan kelompok masyarakat", vi: "Tham gia một nhóm cộng đồng" },
  },
  {
    key: "peer_support",
    domain: "community",
    label: { en: "Takes part in peer support", id: "Mengikuti kelompok dukungan sebaya", vi: "Tham gia nhóm hỗ trợ đồng đẳng" },
  },
  // Online safety
  {
    key: "harmful_content_reported",
    domain: "online_safety",
    label: {
      en: "Harmful content reported to the platforms",
      id: "Konten berbahaya telah dilaporkan ke platform",
      vi: "Đã báo cáo nội dung độc hại cho các nền tảng",
    },
  },
  {
    key: "harmful_content_taken_down",
    domain: "online_safety",
    label: { en: "Harmful content taken down", id: "Konten berbahaya telah diturunkan", vi: "Nội dung độc hại đã được gỡ bỏ" },
  },
  {
    key: "accounts_secured",
    domain: "online_safety",
    label: { en: "Online accounts secured", id: "Akun daring telah diamankan", vi: "Các tài khoản trực tuyến đã được bảo mật" },
  },
] as const satisfies readonly MilestoneCatalogEntry[];

export type DefaultMilestoneKey = (typeof DEFAULT_MILESTONE_CATALOG)[number]["key"];

const DEFAULT_KEYS: ReadonlySet<string> = new Set(DEFAULT_MILESTONE_CATALOG.map((entry) => entry.key));

/** Whether a key belongs to the default catalog (an agency cannot reuse it for its own entry). */
export function isDefaultMilestoneKey(key: string): key is DefaultMilestoneKey {
  return DEFAULT_KEYS.has(key);
}

/** The default entry of a key, if it is one. */
export function defaultMilestoneEntry(key: string): MilestoneCatalogEntry | undefined {
  return DEFAULT_MILESTONE_CATALOG.find((entry) => entry.key === key);
}

/**
 * A catalog key made from an English label when the agency gives none: lower case, words joined
 * by "_", at most 40 characters, starting with a letter ("Got a driving licence" → "got_a_driving_licence").
 */
export function milestoneKeyFromLabel(english: string): string {
  const words = english
    .normalize("NFKD")
    .replace(/[\u0300-\u036f]/g, "")
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, "_")
    .replace(/^_+|_+$/g, "");
  const key = words === "" ? "milestone" : /^[a-z]/.test(words) ? words : `m_${words}`;
  return key.slice(0, 40).replace(/_+$/, "");
}
