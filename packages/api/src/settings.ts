/** Settings the API needs from the host; the server reads them from its validated environment. */
export interface ApiSettings {
  /** A session ends after this long without a request. */
  sessionIdleMinutes: number;
  /** A session ends this long after sign-in, however active. */
  sessionAbsoluteHours: number;
  /** Failed sign-ins in a row that lock an account. */
  lockoutAttempts: number;
  lockoutMinutes: number;
  /** Follow-up visits after a case closes, in months. */
  followUpMonths: readonly number[];
}

export const defaultApiSettings: ApiSettings = {
  sessionIdleMinutes: 30,
  sessionAbsoluteHours: 12,
  lockoutAttempts: 5,
  lockoutMinutes: 15,
  followUpMonths: [6, 12],
};
