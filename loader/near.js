// Lazy loading: a widget asks for its article only when the reader comes near.

/**
 * Calls `then` now (loading="eager", or no IntersectionObserver), or once
 * `element` is within 800 px of the viewport; returns a function that
 * cancels the wait.
 * @param {Element} element
 * @param {() => void} then
 * @returns {() => void}
 */
export function whenNear(element, then) {
  if (element.getAttribute('loading') === 'eager' || !('IntersectionObserver' in window)) {
    then();
    return () => {};
  }
  const observer = new IntersectionObserver(
    (entries) => {
      if (!entries.some((entry) => entry.isIntersecting)) return;
      observer.disconnect();
      then();
    },
    { rootMargin: '800px 0px' },
  );
  observer.observe(element);
  return () => observer.disconnect();
}
