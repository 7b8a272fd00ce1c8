// The live view count: once the reader has seen the article, the view is
// told to the article's counter (`viewCounter`), and the module hears the
// count it answers. Seen, by the MRC's rule for a viewable impression: at
// least half of the widget (or half of the viewport, for a widget taller
// than two viewports) in view, on a visible page that is not prerendering,
// for one continuous second. A page restored from the back-forward cache
// was seen before: nothing is told again.
//
// Here and not in the module: in JavaScript this costs the widget's files a
// fraction of the bytes. The module starts it for each showing of an article
// (src/hooks/view_counter.rs) and stops it when the showing ends.

/** How long the article must stay seen, in milliseconds. */
const SEEN_MS = 1000;
/** How long the counter may take to answer, in milliseconds: past it, the article's own count stays. */
const PATIENCE_MS = 3000;
/** Fine steps: for a widget many viewports tall, half the viewport is a small share of it. */
const STEPS = Array.from({ length: 101 }, (_, i) => i / 100);

/**
 * A counter that failed once on this page is not asked again, so a counter
 * that is down costs each reader one failed request (and the console the
 * browser's one line) however many widgets and articles they see.
 */
let failed = false;

/**
 * Watches `root` until the reader has seen it, then tells the counter at
 * `url` of the view and calls `told` with the live count it answers
 * (never after `stop`). Nothing when the counter failed before, or the
 * browser cannot tell what is in view.
 * @param {Element} root  the widget's root element
 * @param {string} url  the article's counter
 * @param {(count: number) => void} told
 * @returns {() => void} stop: the showing ended
 */
export function watchViews(root, url, told) {
  if (failed || !('IntersectionObserver' in window)) return () => {};
  let inView = false;
  let over = false;
  let stopped = false;
  /** @type {ReturnType<typeof setTimeout> | undefined} */
  let timer;
  const update = () => {
    const seen = inView && !over && document.visibilityState === 'visible' && !('prerendering' in document && document.prerendering);
    if (seen && !timer) timer = setTimeout(count, SEEN_MS);
    if (!seen && timer) timer = void clearTimeout(timer);
  };
  /** @param {Event} event */
  const onPage = (event) => {
    if (/** @type {PageTransitionEvent} */ (event).persisted) over = true;
    update();
  };
  const observer = new IntersectionObserver(
    (entries) => {
      const entry = entries[entries.length - 1];
      const visible = entry.intersectionRect.height;
      const whole = entry.boundingClientRect.height;
      // A frame of another origin is not told the viewport's bounds: its own window is its viewport.
      const viewport = entry.rootBounds?.height ?? innerHeight;
      inView = entry.isIntersecting && visible > 0 && visible >= Math.min(whole, viewport) / 2;
      update();
    },
    { threshold: STEPS },
  );
  const watching = new AbortController();
  const listen = { signal: watching.signal };
  observer.observe(root);
  document.addEventListener('visibilitychange', onPage, listen);
  document.addEventListener('prerenderingchange', onPage, listen);
  addEventListener('pageshow', onPage, listen);
  const done = () => {
    over = true;
    clearTimeout(timer);
    observer.disconnect();
    watching.abort();
  };
  function count() {
    done();
    const partner = embeddingOrigin();
    // A simple CORS request (a text/plain body, no credentials): no preflight.
    // keepalive: a view told as the reader leaves still arrives.
    fetch(url, {
      method: 'POST',
      body: partner ? JSON.stringify({ partner }) : '',
      credentials: 'omit',
      keepalive: true,
      signal: AbortSignal.timeout(PATIENCE_MS),
    })
      .then((response) => (response.ok ? response.json() : Promise.reject(response.status)))
      .then((answer) => {
        const n = answer?.viewCount;
        if (!Number.isSafeInteger(n) || n < 0) return Promise.reject(n);
        if (!stopped) told(n);
      })
      .catch(() => (failed = true));
  }
  return () => {
    stopped = true;
    done();
  };
}

/**
 * The origin of the page that embeds this one, when the widget runs in a
 * frame (our frame pages, a WordPress embed): the partner, where the
 * request's own `Origin` is the frame's. Undefined at the top level.
 * @returns {string | undefined}
 */
function embeddingOrigin() {
  if (window.top === window) return undefined;
  // location.ancestorOrigins: not in Firefox; the referrer is the embedding page there.
  const parent = location.ancestorOrigins?.[0];
  if (parent && parent !== 'null') return parent;
  try {
    return new URL(document.referrer).origin;
  } catch {
    return undefined;
  }
}
