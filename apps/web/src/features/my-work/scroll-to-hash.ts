/** How long to wait for the target of an address like /cases/…#case-plan-heading to appear. */
const WAIT_MS = 15_000;

/**
 * Scrolls to the element an address's hash names and moves focus there, as a browser does for a
 * static page: My work links to a section of the case page (its plan, appointments, follow-ups).
 * The page's parts arrive over the network, so this waits until the element is there and nothing
 * above it is still loading (a loading message would push it down). Returns a function that stops
 * waiting (the reader went elsewhere). Loaded only when an address has a hash: not first-screen code.
 */
export function scrollToHash(hash: string): () => void {
  const id = decodeURIComponent(hash.slice(1));
  const arrive = (): boolean => {
    const target = document.getElementById(id);
    if (!target || document.querySelector("main .status")) return false;
    if (!target.hasAttribute("tabindex")) target.setAttribute("tabindex", "-1");
    target.focus({ preventScroll: true });
    target.scrollIntoView({ block: "start" });
    return true;
  };
  if (!id || arrive()) return () => undefined;
  const observer = new MutationObserver(() => {
    if (arrive()) stop();
  });
  const timer = window.setTimeout(() => stop(), WAIT_MS);
  function stop() {
    observer.disconnect();
    window.clearTimeout(timer);
  }
  observer.observe(document.body, { childList: true, subtree: true });
  return stop;
}
