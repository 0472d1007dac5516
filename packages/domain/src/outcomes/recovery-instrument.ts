import type { InstrumentDefinition } from "./instrument";

/**
 * Lentera's recovery-domain instrument. Its structure follows the outcome research DOMAIN.md cites:
 * IJM's Assessment of Survivor Outcomes (six domains, sub-domains scored 1–4 from most to least
 * vulnerable, a domain's score the mean of its sub-domains) and the Child Status Index (1–2 marks
 * the child at risk in that domain). The wording of every domain, sub-domain and answer is our own,
 * written for children and women recovering from online sexual exploitation; it is not the ASO or
 * CSI text and carries no validation claim.
 */
export const RECOVERY_INSTRUMENT: InstrumentDefinition = {
  code: "lentera-recovery",
  version: 1,
  name: {
    en: "Recovery outcomes (Lentera)",
    id: "Hasil pemulihan (Lentera)",
    vi: "Kết quả phục hồi (Lentera)",
  },
  description: {
    en: "Rate each area from what you have seen and heard in the last month: 1 most vulnerable, 4 stable and able to cope.",
    id: "Nilai setiap bidang dari apa yang Anda lihat dan dengar dalam sebulan terakhir: 1 paling rentan, 4 stabil dan mampu mengatasi.",
    vi: "Đánh giá từng lĩnh vực theo những gì bạn thấy và nghe trong tháng qua: 1 dễ tổn thương nhất, 4 ổn định và tự ứng phó được.",
  },
  source:
    "Structure after IJM's Assessment of Survivor Outcomes and the Child Status Index (MEASURE Evaluation); wording by the Lentera team.",
  termsOfUse: "Free to use and adapt within Lentera installations.",
  translationsValidated: false,
  scale: [
    { value: 1, label: { en: "Most vulnerable", id: "Sangat rentan", vi: "Rất dễ tổn thương" } },
    { value: 2, label: { en: "Vulnerable", id: "Rentan", vi: "Dễ tổn thương" } },
    { value: 3, label: { en: "Building stability", id: "Mulai stabil", vi: "Đang dần ổn định" } },
    { value: 4, label: { en: "Stable and able to cope", id: "Stabil dan mampu mengatasi", vi: "Ổn định và tự ứng phó được" } },
  ],
  scoring: "mean",
  atRiskAtOrBelow: 2,
  bands: [
    { key: "at_risk", upTo: 2, label: { en: "At risk", id: "Berisiko", vi: "Có nguy cơ" } },
    { key: "building", upTo: 3, label: { en: "Building", id: "Berkembang", vi: "Đang cải thiện" } },
    { key: "stable", upTo: 4, label: { en: "Stable", id: "Stabil", vi: "Ổn định" } },
  ],
  domains: [
    {
      id: "safety",
      planDomain: "safety",
      label: { en: "Safety", id: "Keamanan", vi: "An toàn" },
      items: [
        {
          id: "safe_from_exploiters",
          label: {
            en: "Free from contact with, or threats from, the people who exploited her or him",
            id: "Bebas dari kontak atau ancaman orang-orang yang mengeksploitasinya",
            vi: "Không còn bị những kẻ bóc lột liên lạc hay đe dọa",
          },
        },
        {
          id: "safe_home",
          label: {
            en: "Lives where she or he is safe and cared for",
            id: "Tinggal di tempat yang aman dan terurus",
            vi: "Sống ở nơi an toàn và được chăm sóc",
          },
        },
        {
          id: "safe_online",
          label: {
            en: "Can keep accounts, contacts and images safe online",
            id: "Mampu menjaga akun, kontak, dan foto tetap aman di internet",
            vi: "Biết giữ an toàn tài khoản, danh bạ và hình ảnh trên mạng",
          },
        },
      ],
    },
    {
      id: "legal_protection",
      planDomain: "legal",
      label: { en: "Legal protection", id: "Perlindungan hukum", vi: "Bảo vệ pháp lý" },
      items: [
        {
          id: "civil_documents",
          label: {
            en: "Has the identity and civil documents she or he needs",
            id: "Memiliki dokumen identitas dan kependudukan yang dibutuhkan",
            vi: "Có đủ giấy tờ tùy thân và hộ tịch cần thiết",
          },
        },
        {
          id: "knows_rights",
          label: {
            en: "Understands her or his rights and where the legal process stands",
            id: "Memahami hak-haknya dan perkembangan proses hukum",
            vi: "Hiểu quyền của mình và tiến trình pháp lý hiện tại",
          },
        },
        {
          id: "supported_in_justice",
          label: {
            en: "Has support to take part in the legal process safely",
            id: "Mendapat pendampingan untuk mengikuti proses hukum dengan aman",
            vi: "Được hỗ trợ để tham gia quá trình tố tụng một cách an toàn",
          },
        },
      ],
    },
    {
      id: "mental_wellbeing",
      planDomain: "psychological",
      label: { en: "Mental wellbeing", id: "Kesejahteraan mental", vi: "Sức khỏe tinh thần" },
      items: [
        {
          id: "copes_with_distress",
          label: {
            en: "Copes with fear, shame and distress in daily life",
            id: "Mampu mengatasi rasa takut, malu, dan tertekan dalam kehidupan sehari-hari",
            vi: "Đối phó được với sợ hãi, xấu hổ và căng thẳng trong cuộc sống hằng ngày",
          },
        },
        {
          id: "self_worth",
          label: {
            en: "Sees worth in herself or himself and hope for the future",
            id: "Menghargai diri sendiri dan punya harapan akan masa depan",
            vi: "Thấy giá trị của bản thân và có hy vọng vào tương lai",
          },
        },
        {
          id: "daily_routine",
          label: {
            en: "Sleeps, eats and keeps a daily routine",
            id: "Tidur, makan, dan menjalani rutinitas harian dengan baik",
            vi: "Ngủ, ăn uống và duy trì sinh hoạt hằng ngày",
          },
        },
      ],
    },
    {
      id: "education_livelihood",
      planDomain: "education",
      label: { en: "Education and livelihood", id: "Pendidikan dan penghidupan", vi: "Học tập và sinh kế" },
      items: [
        {
          id: "learning",
          label: {
            en: "Attends school or training regularly",
            id: "Bersekolah atau mengikuti pelatihan secara teratur",
            vi: "Đi học hoặc tham gia đào tạo đều đặn",
          },
        },
        {
          id: "skills_income",
          label: {
            en: "Has skills or an income suited to her or his age",
            id: "Memiliki keterampilan atau penghasilan yang sesuai dengan usianya",
            vi: "Có kỹ năng hoặc thu nhập phù hợp với lứa tuổi",
          },
        },
      ],
    },
    {
      id: "social_support",
      planDomain: "social",
      label: { en: "Social support", id: "Dukungan sosial", vi: "Hỗ trợ xã hội" },
      items: [
        {
          id: "family_bond",
          label: {
            en: "Has a caring relationship with family or caregivers",
            id: "Memiliki hubungan yang penuh kasih dengan keluarga atau pengasuh",
            vi: "Có mối quan hệ yêu thương với gia đình hoặc người chăm sóc",
          },
        },
        {
          id: "trusted_people",
          label: {
            en: "Has people she or he trusts to turn to",
            id: "Memiliki orang yang dipercaya untuk dimintai bantuan",
            vi: "Có người tin cậy để tìm đến khi cần",
          },
        },
        {
          id: "belonging",
          label: {
            en: "Takes part in community, faith or peer activities without stigma",
            id: "Ikut kegiatan masyarakat, keagamaan, atau teman sebaya tanpa stigma",
            vi: "Tham gia sinh hoạt cộng đồng, tôn giáo hoặc nhóm bạn mà không bị kỳ thị",
          },
        },
      ],
    },
    {
      id: "physical_wellbeing",
      planDomain: "physical",
      label: { en: "Physical wellbeing", id: "Kesejahteraan fisik", vi: "Sức khỏe thể chất" },
      items: [
        {
          id: "health_care",
          label: {
            en: "Gets the health care she or he needs, sexual and reproductive health included",
            id: "Mendapat layanan kesehatan yang dibutuhkan, termasuk kesehatan seksual dan reproduksi",
            vi: "Được chăm sóc y tế cần thiết, kể cả sức khỏe tình dục và sinh sản",
          },
        },
        {
          id: "basic_needs",
          label: {
            en: "Has enough food, clothing and rest",
            id: "Cukup makan, pakaian, dan istirahat",
            vi: "Có đủ thức ăn, quần áo và được nghỉ ngơi",
          },
        },
      ],
    },
  ],
};

/** The instruments every agency has; an agency's own are stored in the database. */
export const BUILT_IN_INSTRUMENTS: readonly InstrumentDefinition[] = [RECOVERY_INSTRUMENT];
