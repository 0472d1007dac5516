import type { ScreeningDefinition } from "../screening";

/**
 * CRIES-8, the eight-item Children's Revised Impact of Event Scale (Perrin, Meiser-Stedman & Smith
 * 2005), from the Children and War Foundation. It is data, not code (DOMAIN.md): eight items
 * answered 0, 1, 3 or 5, a total of 0–40 and a positive screen for post-traumatic stress at 17.
 * Items 1, 3, 6 and 7 measure intrusion, items 2, 4, 5 and 8 avoidance; the schema has no
 * sub-scales, so only the total is scored. The Foundation keeps official translations: the
 * Indonesian and Vietnamese here are Lentera's working translations, so `translationsValidated`
 * is false.
 */
export const CRIES_8: ScreeningDefinition = {
  code: "cries-8",
  version: 1,
  name: {
    en: "CRIES-8: Children's Revised Impact of Event Scale",
    id: "CRIES-8: Skala Dampak Peristiwa untuk Anak (revisi)",
    vi: "CRIES-8: Thang đo tác động của sự kiện ở trẻ em (bản sửa đổi)",
  },
  instructions: {
    en:
      "Here are some things that children and young people say after a frightening event. Think about the frightening " +
      "event that happened to you. For each sentence, choose how often it has been true for you during the past seven " +
      "days. If it has not happened in that time, choose 'Not at all'.",
    id:
      "Berikut beberapa hal yang sering diungkapkan anak dan remaja setelah mengalami peristiwa yang menakutkan. " +
      "Ingatlah peristiwa menakutkan yang kamu alami. Untuk setiap kalimat, pilih seberapa sering hal itu kamu alami " +
      "selama tujuh hari terakhir. Jika tidak terjadi dalam waktu tersebut, pilih 'Tidak sama sekali'.",
    vi:
      "Dưới đây là một số điều trẻ em và thanh thiếu niên thường chia sẻ sau khi trải qua một sự việc đáng sợ. " +
      "Hãy nghĩ về sự việc đáng sợ đã xảy ra với bạn. Với mỗi câu, hãy chọn mức độ thường xuyên mà điều đó đúng " +
      "với bạn trong bảy ngày qua. Nếu điều đó không xảy ra trong thời gian này, hãy chọn 'Hoàn toàn không'.",
  },
  source:
    "Children's Revised Impact of Event Scale, 8 items (CRIES-8): Perrin S, Meiser-Stedman R, Smith P (2005), " +
    "'The Children's Revised Impact of Event Scale (CRIES): validity as a screening instrument for PTSD', " +
    "Behavioural and Cognitive Psychotherapy 33(4):487–498. Distributed by the Children and War Foundation " +
    "(childrenandwar.org). Intrusion items 1, 3, 6, 7; avoidance items 2, 4, 5, 8; a total of 17 or more is a positive screen.",
  termsOfUse:
    "The Children and War Foundation makes the CRIES free for use by clinicians and researchers (childrenandwar.org). " +
    "The Foundation keeps official translations and asks users to use them: the Indonesian and Vietnamese wording here " +
    "is Lentera's own working translation, so agencies should use the Foundation's translation where one exists and " +
    "check the current terms.",
  translationsValidated: false,
  options: [
    { value: 0, label: { en: "Not at all", id: "Tidak sama sekali", vi: "Hoàn toàn không" } },
    { value: 1, label: { en: "Rarely", id: "Jarang", vi: "Hiếm khi" } },
    { value: 3, label: { en: "Sometimes", id: "Kadang-kadang", vi: "Thỉnh thoảng" } },
    { value: 5, label: { en: "Often", id: "Sering", vi: "Thường xuyên" } },
  ],
  items: [
    {
      id: "thinks_unintentionally",
      label: {
        en: "Do you think about it even when you don't mean to?",
        id: "Apakah kamu memikirkannya meskipun kamu tidak bermaksud memikirkannya?",
        vi: "Bạn có nghĩ về chuyện đó ngay cả khi bạn không cố ý nghĩ tới không?",
      },
    },
    {
      id: "removes_from_memory",
      label: {
        en: "Do you try to remove it from your memory?",
        id: "Apakah kamu berusaha menghapusnya dari ingatanmu?",
        vi: "Bạn có cố xóa chuyện đó khỏi trí nhớ của mình không?",
      },
    },
    {
      id: "waves_of_feeling",
      label: {
        en: "Do you have waves of strong feelings about it?",
        id: "Apakah kamu tiba-tiba dilanda perasaan yang kuat tentang peristiwa itu?",
        vi: "Có lúc nào những cảm xúc mạnh về chuyện đó bất chợt ùa đến với bạn không?",
      },
    },
    {
      id: "avoids_reminders",
      label: {
        en: "Do you stay away from reminders of it (e.g. places or situations)?",
        id: "Apakah kamu menjauhi hal-hal yang mengingatkanmu pada peristiwa itu (misalnya tempat atau situasi tertentu)?",
        vi: "Bạn có tránh xa những thứ gợi nhớ về chuyện đó (ví dụ như nơi chốn hoặc tình huống) không?",
      },
    },
    {
      id: "avoids_talking",
      label: {
        en: "Do you try not to talk about it?",
        id: "Apakah kamu berusaha untuk tidak membicarakannya?",
        vi: "Bạn có cố gắng không nói về chuyện đó không?",
      },
    },
    {
      id: "pictures_pop_up",
      label: {
        en: "Do pictures about it pop into your mind?",
        id: "Apakah gambaran tentang peristiwa itu tiba-tiba muncul di pikiranmu?",
        vi: "Hình ảnh về chuyện đó có bất chợt hiện lên trong đầu bạn không?",
      },
    },
    {
      id: "things_remind",
      label: {
        en: "Do other things keep making you think about it?",
        id: "Apakah hal-hal lain terus membuatmu teringat pada peristiwa itu?",
        vi: "Những điều khác có cứ khiến bạn nghĩ về chuyện đó không?",
      },
    },
    {
      id: "avoids_thinking",
      label: {
        en: "Do you try not to think about it?",
        id: "Apakah kamu berusaha untuk tidak memikirkannya?",
        vi: "Bạn có cố gắng không nghĩ về chuyện đó không?",
      },
    },
  ],
  bands: [
    {
      key: "below_cutoff",
      upTo: 16,
      label: { en: "Below the cut-off", id: "Di bawah batas skrining", vi: "Dưới ngưỡng sàng lọc" },
    },
    {
      key: "above_cutoff",
      upTo: 40,
      label: { en: "At or above the cut-off", id: "Mencapai atau melewati batas skrining", vi: "Bằng hoặc vượt ngưỡng sàng lọc" },
    },
  ],
  positiveAtOrAbove: 17,
};
