import type { ScreeningDefinition } from "../screening";

/** The numbers 1–9 between the two labelled ends: a number reads the same in every language. */
const between = Array.from({ length: 9 }, (_, index) => {
  const text = String(index + 1);
  return { value: index + 1, label: { en: text, id: text, vi: text } };
});

/**
 * A single 0–10 distress rating after the idea of the NCCN Distress Thermometer: one question,
 * asked of children and women alike, that a counselor can repeat at every session. It is data,
 * not code (DOMAIN.md), so an agency can replace the wording or the bands with its own. The
 * wording is the Lentera team's, not the NCCN's; nothing here is validated for this population.
 */
export const DISTRESS_SCALE: ScreeningDefinition = {
  code: "distress",
  version: 1,
  name: {
    en: "Distress rating (0–10)",
    id: "Penilaian tekanan batin (0–10)",
    vi: "Thang đánh giá mức độ căng thẳng (0–10)",
  },
  instructions: {
    en:
      "How much distress have you felt in the past week, including today? By distress we mean feeling upset, worried, " +
      "afraid or sad. Choose a number from 0 (no distress) to 10 (extreme distress).",
    id:
      "Seberapa besar tekanan batin yang Anda rasakan dalam seminggu terakhir, termasuk hari ini? Tekanan batin " +
      "artinya perasaan gelisah, cemas, takut, atau sedih. Pilih angka dari 0 (tidak ada tekanan batin) sampai 10 " +
      "(tekanan batin yang sangat berat).",
    vi:
      "Trong tuần qua, kể cả hôm nay, bạn cảm thấy căng thẳng đến mức nào? Căng thẳng ở đây là cảm giác bất an, " +
      "lo lắng, sợ hãi hoặc buồn bã. Hãy chọn một số từ 0 (không căng thẳng) đến 10 (căng thẳng cực độ).",
  },
  source:
    "A single-item 0–10 rating after the idea of the NCCN Distress Thermometer (National Comprehensive Cancer Network, " +
    "Guidelines for Distress Management); the wording and the bands (0–3 low, 4–6 moderate, 7–10 high) are the Lentera " +
    "team's, not the NCCN's. The positive screen at 4 follows the NCCN's usual cut-off for distress that needs follow-up; " +
    "it has not been validated for this population or these languages.",
  termsOfUse: "Lentera's own wording: free to use and adapt. The NCCN Distress Thermometer itself is not reproduced here.",
  translationsValidated: false,
  options: [
    { value: 0, label: { en: "No distress", id: "Tidak ada tekanan batin", vi: "Không căng thẳng" } },
    ...between,
    { value: 10, label: { en: "Extreme distress", id: "Tekanan batin sangat berat", vi: "Căng thẳng cực độ" } },
  ],
  items: [
    {
      id: "distress",
      label: {
        en: "Distress in the past week, including today",
        id: "Tekanan batin dalam seminggu terakhir, termasuk hari ini",
        vi: "Mức độ căng thẳng trong tuần qua, kể cả hôm nay",
      },
    },
  ],
  bands: [
    { key: "low", upTo: 3, label: { en: "Low", id: "Rendah", vi: "Thấp" } },
    { key: "moderate", upTo: 6, label: { en: "Moderate", id: "Sedang", vi: "Trung bình" } },
    { key: "high", upTo: 10, label: { en: "High", id: "Tinggi", vi: "Cao" } },
  ],
  positiveAtOrAbove: 4,
};
