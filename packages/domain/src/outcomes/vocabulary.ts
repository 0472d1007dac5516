/** When an outcome assessment is taken (DOMAIN.md: intake, after 6 months, then yearly, and at closure). */
export const ASSESSMENT_TIMEPOINTS = ["intake", "six_months", "annual", "closure", "ad_hoc"] as const;
export type AssessmentTimepoint = (typeof ASSESSMENT_TIMEPOINTS)[number];

export const ASSESSMENT_STATUSES = ["draft", "completed"] as const;
export type AssessmentStatus = (typeof ASSESSMENT_STATUSES)[number];
