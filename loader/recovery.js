// Crash recovery. A panic leaves the module instance unusable for every
// widget on the page: all of them show their fallback, then restart one by
// one on a fresh instance, so a widget that panics again is known to be the
// culprit and is left on its fallback. Widgets that ask to start while a
// restart runs (added to the page, come near, changed) wait for their turn.
import { current, renew } from './module.js';

/**
 * What recovery needs of a widget's embed (see embed.js).
 * @typedef {object} Restartable
 * @property {() => Promise<void>} start  mounts the widget on the current instance; settles once it
 *   shows an article or an error, or leaves the page
 * @property {(culprit: boolean) => void} crash  the instance died: show the fallback, and stay on it if `culprit`
 * @property {() => boolean} wanted  whether it is to run: on the page, asked to start, not left on its fallback
 */

/** @type {Set<Restartable>} The widgets on the page, in the order they came. */
const live = new Set();
/** @type {Restartable[] | null} While a restart runs: the widgets still to start on the fresh instance. */
let queue = null;
/** @type {Restartable | null} The widget starting on the fresh instance while a restart runs. */
let restarting = null;

/** @param {Restartable} embed  a widget that came on the page */
export const join = (embed) => void live.add(embed);

/** @param {Restartable} embed  a widget that left the page (a restart skips it) */
export const leave = (embed) => void live.delete(embed);

/**
 * Starts `embed` now, or in its turn if a restart runs.
 * @param {Restartable} embed
 */
export function start(embed) {
  if (!queue) embed.start();
  else if (!queue.includes(embed)) queue.push(embed);
}

/** The panic callback for a widget of the current instance; a report from an older one is ignored. */
export function onPanic() {
  const of = current();
  return () => of === current() && crashed();
}

function crashed() {
  const culprit = restarting;
  renew();
  // From here on, a widget that asks to start waits for the restart.
  queue = [];
  restarting = null;
  for (const embed of live) embed.crash(embed === culprit);
  queue = [...live].filter((embed) => embed.wanted());
  restartAll(current());
}

/**
 * Starts the queued widgets one at a time, until the queue is empty or
 * another crash starts a newer restart (of instance `run`'s successor).
 * @param {number} run  the instance this restart is for
 */
async function restartAll(run) {
  for (;;) {
    if (run !== current() || !queue) return;
    const next = queue.shift();
    if (!next) break;
    if (!next.wanted()) continue; // left the page, or changed its mind, while waiting
    restarting = next;
    await next.start();
  }
  queue = null;
  restarting = null;
}
