export function IncomingReferralsPage() {
  return null;
}
