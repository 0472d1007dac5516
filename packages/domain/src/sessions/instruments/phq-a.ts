import type { ScreeningDefinition } from "../screening";

/**
 * PHQ-A, the PHQ-9 modified for adolescents (Johnson, Harris, Spitzer & Williams 2002), one of
 * Pfizer's PHQ screeners. It is data, not code (DOMAIN.md): the nine scored items, their 0–3
 * answers, the PHQ-9 severity bands, the positive screen at 10 and item 9 (thoughts of death or
 * self-harm) as a critical item that needs same-day review at any answer above "Not at all".
 * The PHQ-A form's extra unscored questions (past year, difficulty, suicide attempts) are not here.
 * The English follows the adolescent form; the Indonesian and Vietnamese are Lentera's working
 * translations, not the publisher's validated ones, so `translationsValidated` is false.
 */
export const PHQ_A: ScreeningDefinition = {
  code: "phq-a",
  version: 1,
  name: {
    en: "PHQ-A: depression screening for adolescents",
    id: "PHQ-A: skrining depresi untuk remaja",
    vi: "PHQ-A: sàng lọc trầm cảm ở thanh thiếu niên",
  },
  instructions: {
    en: "How often have you been bothered by each of the following symptoms during the past two weeks?",
    id: "Selama dua minggu terakhir, seberapa sering kamu terganggu oleh setiap keluhan berikut?",
    vi: "Trong hai tuần vừa qua, mỗi triệu chứng dưới đây đã làm bạn khó chịu thường xuyên đến mức nào?",
  },
  source:
    "PHQ-A, the PHQ-9 modified for adolescents: Johnson JG, Harris ES, Spitzer RL, Williams JBW (2002), " +
    "'The Patient Health Questionnaire for Adolescents', Journal of Adolescent Health 30(3):196–204. " +
    "One of Pfizer's PHQ family of screeners (phqscreeners.com). Severity bands are the PHQ-9 bands " +
    "(Kroenke, Spitzer & Williams 2001): 0–4 none or minimal, 5–9 mild, 10–14 moderate, 15–19 moderately severe, 20–27 severe.",
  termsOfUse:
    "The publisher states that no permission is required to reproduce, translate, display or distribute the PHQ screeners " +
    "(phqscreeners.com). Agencies should check the current terms there before use. The Indonesian and Vietnamese wording " +
    "here is Lentera's own working translation, not the publisher's.",
  translationsValidated: false,
  options: [
    { value: 0, label: { en: "Not at all", id: "Tidak sama sekali", vi: "Không ngày nào" } },
    { value: 1, label: { en: "Several days", id: "Beberapa hari", vi: "Vài ngày" } },
    { value: 2, label: { en: "More than half the days", id: "Lebih dari separuh jumlah hari", vi: "Hơn một nửa số ngày" } },
    { value: 3, label: { en: "Nearly every day", id: "Hampir setiap hari", vi: "Gần như ngày nào cũng vậy" } },
  ],
  items: [
    {
      id: "down_irritable",
      label: {
        en: "Feeling down, depressed, irritable, or hopeless",
        id: "Merasa sedih, murung, mudah marah, atau putus asa",
        vi: "Cảm thấy buồn, chán nản, dễ cáu gắt hoặc tuyệt vọng",
      },
    },
    {
      id: "little_interest",
      label: {
        en: "Little interest or pleasure in doing things",
        id: "Kurang tertarik atau kurang merasa senang saat melakukan berbagai hal",
        vi: "Ít hứng thú hoặc không thấy vui khi làm mọi việc",
      },
    },
    {
      id: "sleep",
      label: {
        en: "Trouble falling asleep, staying asleep, or sleeping too much",
        id: "Sulit tertidur, sering terbangun, atau tidur terlalu banyak",
        vi: "Khó đi vào giấc ngủ, ngủ không liền giấc, hoặc ngủ quá nhiều",
      },
    },
    {
      id: "appetite",
      label: {
        en: "Poor appetite, weight loss, or overeating",
        id: "Nafsu makan berkurang, berat badan turun, atau makan berlebihan",
        vi: "Ăn không ngon miệng, sụt cân, hoặc ăn quá nhiều",
      },
    },
    {
      id: "tired",
      label: {
        en: "Feeling tired, or having little energy",
        id: "Merasa lelah atau kurang bertenaga",
        vi: "Cảm thấy mệt mỏi hoặc thiếu sức lực",
      },
    },
    {
      id: "feeling_bad_about_self",
      label: {
        en: "Feeling bad about yourself – or feeling that you are a failure, or that you have let yourself or your family down",
        id: "Merasa buruk tentang dirimu sendiri – atau merasa bahwa kamu orang yang gagal, atau telah mengecewakan dirimu sendiri atau keluargamu",
        vi: "Cảm thấy tệ về bản thân – hoặc cảm thấy mình là người thất bại, hay đã làm bản thân hoặc gia đình thất vọng",
      },
    },
    {
      id: "concentration",
      label: {
        en: "Trouble concentrating on things like school work, reading, or watching TV",
        id: "Sulit berkonsentrasi pada sesuatu, seperti mengerjakan tugas sekolah, membaca, atau menonton TV",
        vi: "Khó tập trung vào việc gì đó, như làm bài tập ở trường, đọc sách hoặc xem TV",
      },
    },
    {
      id: "slow_or_restless",
      label: {
        en:
          "Moving or speaking so slowly that other people could have noticed, or the opposite – " +
          "being so fidgety or restless that you were moving around a lot more than usual",
        id:
          "Bergerak atau berbicara begitu lambat sampai orang lain bisa menyadarinya, atau sebaliknya – " +
          "begitu gelisah atau tidak bisa diam sehingga kamu jauh lebih banyak bergerak daripada biasanya",
        vi:
          "Đi lại hoặc nói năng chậm chạp đến mức người khác có thể nhận thấy, hoặc ngược lại – " +
          "bồn chồn, đứng ngồi không yên đến mức bạn đi lại, cử động nhiều hơn hẳn bình thường",
      },
    },
    {
      id: "self_harm_thoughts",
      label: {
        en: "Thoughts that you would be better off dead, or of hurting yourself in some way",
        id: "Pikiran bahwa lebih baik kamu mati, atau pikiran untuk menyakiti dirimu sendiri dengan cara apa pun",
        vi: "Có ý nghĩ rằng thà mình chết đi thì hơn, hoặc ý nghĩ tự làm hại bản thân theo cách nào đó",
      },
      // Any answer above "Not at all" needs same-day review, whatever the total (DOMAIN.md).
      criticalAtOrAbove: 1,
    },
  ],
  bands: [
    { key: "minimal", upTo: 4, label: { en: "None or minimal", id: "Tidak ada atau minimal", vi: "Không có hoặc tối thiểu" } },
    { key: "mild", upTo: 9, label: { en: "Mild", id: "Ringan", vi: "Nhẹ" } },
    { key: "moderate", upTo: 14, label: { en: "Moderate", id: "Sedang", vi: "Trung bình" } },
    { key: "moderately_severe", upTo: 19, label: { en: "Moderately severe", id: "Cukup berat", vi: "Khá nặng" } },
    { key: "severe", upTo: 27, label: { en: "Severe", id: "Berat", vi: "Nặng" } },
  ],
  positiveAtOrAbove: 10,
};
