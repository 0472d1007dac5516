/**
 * Any call answered "unauthenticated" means the session is gone. The query client reports it
 * here; the auth guard (which can reach the router) listens and sends the user to sign in.
 */
const target = new EventTarget();
const EVENT = "session-expired";

export function notifySessionExpired(): void {
  target.dispatchEvent(new Event(EVENT));
}

export function onSessionExpired(listener: () => void): () => void {
  target.addEventListener(EVENT, listener);
  return () => target.removeEventListener(EVENT, listener);
}
