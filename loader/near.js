// Lazy loading: a widget asks for its article only when the reader comes near.

/** How near the viewport, in px above or below it, counts as near. */
const MARGIN = 800;

/**
 * Calls `then` now (loading="eager", no IntersectionObserver, or `element`
 * near the viewport already), or once `element` comes within MARGIN px of
 * the viewport; returns a function that cancels the wait.
 * @param {Element} element
 * @param {() => void} then
 * @returns {() => void}
 */
export function whenNear(element, then) {
  if (element.getAttribute('loading') === 'eager' || !('IntersectionObserver' in window) || nearNow(element)) {
    then();
    return () => {};
  }
  const observer = new IntersectionObserver(
    (entries) => {
      if (!entries.some((entry) => entry.isIntersecting)) return;
      observer.disconnect();
      then();
    },
    { rootMargin: `${MARGIN}px 0px` },
  );
  observer.observe(element);
  return () => observer.disconnect();
}

/**
 * Whether `element` is near the viewport now. Asked at once because an
 * IntersectionObserver's first report waits for the page's first rendering,
 * and a widget in view should not: its module starts downloading now. Only
 * at the top level: in a frame, the viewport that counts is the top page's,
 * which a frame of another origin cannot see (the observer can).
 * @param {Element} element
 */
function nearNow(element) {
  if (window.top !== window || element.getClientRects().length === 0) return false;
  const box = element.getBoundingClientRect();
  return box.bottom >= -MARGIN && box.top <= innerHeight + MARGIN;
}
