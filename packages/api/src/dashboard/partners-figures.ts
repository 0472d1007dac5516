/**
 * Partner and online-harm figures: referrals by status and partner with the days to acceptance,
 * items reported for takedown vs removed with the days to removal, cases by legal stage — and the
 * list behind each, read from the same source query (partners/*.ts) so a list's total is the figure.
 */
import type { FigureModule } from "./figure";
import { referralFigures, referralsList } from "./partners/referrals";
import { takedownFigures, takedownsList } from "./partners/takedowns";
import { legalStageFigures, legalStageList } from "./partners/legal-stages";

export const partnersFigures: FigureModule = {
  figures: async (env) => {
    const [referrals, takedowns, legalStages] = await Promise.all([referralFigures(env), takedownFigures(env), legalStageFigures(env)]);
    return { ...referrals, ...takedowns, ...legalStages };
  },
  lists: {
    referrals: referralsList,
    takedowns: takedownsList,
    legal_stage: legalStageList,
  },
};
