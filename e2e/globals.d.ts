// What the end-to-end tests and the bench put on the pages they open (page
// scripts, init scripts, the recorder), for tsc: the functions they pass to
// `page.evaluate` read them back.

/** A widget event as browser.mjs's `recordEvents` records it. */
interface RecordedEvent {
  type: 'rendered' | 'error' | 'navigate' | 'video-play';
  detail: { id?: string; src?: string; code?: string; message?: string; version?: string };
  target: Element;
}

/** A widget event as pages.mjs's `RECORDER` records it (any engine). */
interface PageEvent {
  type: RecordedEvent['type'];
  id?: string;
  code?: string;
  target: string;
}

interface Window {
  widgetEvents: any[];
  /** pages.mjs, SAMPLE_FRAMES */
  frameSamples: { seen: string[]; done: boolean };
  /** engines.test.mjs, RECORD_GEOMETRY */
  geometry: { frames: { look: string; below: number; height: number }[]; stop: boolean };
  /** browse.test.mjs */
  bodiesRead: string[];
  sawLoading: boolean;
  /** embed.test.mjs */
  fetched: string[];
  /** What the page had fetched by DOMContentLoaded (embed.test.mjs). */
  asked: string[];
  removed: HTMLElement;
  hostBefore: { globals: string[]; sheets: number; head: number; html: string; body: string };
  hostStyle: (el: Element) => string;
  /** loader.test.mjs */
  skeletons: number;
  instantiatedAt: number;
  /** pages.mjs, RECORD_MESSAGES: what the page's frames told it */
  told: any[];
  /** prerender.test.mjs */
  shifts: number[];
  /** hostile.test.mjs: set by an attack that ran */
  __pwned?: string;
  /** axe-core, injected */
  axe: { run(context: Element | Document, options: object): Promise<{ violations: { id: string; impact?: string; help: string; nodes: { target: string[] }[] }[] }> };
  /** bench/lib.mjs, the probe */
  bench: any;
}

declare var widgetEvents: Window['widgetEvents'];
declare var hostBefore: Window['hostBefore'];
declare var hostStyle: Window['hostStyle'];

interface CustomElementConstructor {
  /** `<news-article>`'s build (loader/element.js). */
  version?: string;
}
