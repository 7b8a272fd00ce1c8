// Loading the WebAssembly module, once for the page, and again on a fresh
// instance after a panic: a panic traps the instance and leaves it unusable,
// but the compiled module is fine.
import { fileUrl } from './files.js';

/**
 * One live widget of the module (src/lib.rs, `Widget`).
 * @typedef {object} Widget
 * @property {() => void} update  re-reads the element's attributes
 * @property {() => void} unmount  tears the widget down
 * @property {() => void} free  frees its memory in the module
 * @property {() => string} crashNotice  what to tell the reader if the module dies, in the widget's language
 */

/**
 * The module's exports, through wasm-bindgen's bindings (src/lib.rs).
 * @typedef {object} Bindings
 * @property {(init: { module_or_path: WebAssembly.Module }) => Promise<unknown>} default  instantiates the module
 * @property {(host: Element, root: Element, onPanic: () => void, version: string, watchViews: typeof import('./views.js').watchViews) => Widget} mount
 * @property {(url: string, request: Promise<Response>, response?: Response, body?: ArrayBuffer) => void} adopt
 */

/** @type {Promise<WebAssembly.Module> | undefined} */
let compiled;
// Async, so that a browser without WebAssembly rejects rather than throws
// (the widget reports it); its request still goes out in this call.
const compile = () =>
  (compiled ??= (async () => {
    try {
      return await WebAssembly.compileStreaming(fetch(fileUrl('news_widget_bg.wasm')));
    } catch {
      // Served without the application/wasm type: compile from the bytes instead.
      const response = await fetch(fileUrl('news_widget_bg.wasm'));
      return WebAssembly.compile(await response.arrayBuffer());
    }
  })());

/** How many instances have died: the current one's number. */
let instance = 0;
/** @type {Promise<Bindings> | null} */
let bindings = null;

/**
 * The bindings of the current instance, instantiated on first use. A new
 * instance imports the bindings under a new URL, which gives it a fresh copy
 * of their state.
 * @returns {Promise<Bindings>}
 */
export function load() {
  const url = fileUrl('news_widget.js');
  if (instance) url.search = `instance=${instance}`;
  // The module's bytes first: the larger download, and its compilation streams in while the bindings come.
  return (bindings ??= Promise.all([compile(), import(url.href)]).then(async ([wasm, module]) => {
    await module.default({ module_or_path: wasm });
    return module;
  }));
}

/** The current instance's number. */
export const current = () => instance;

/** The current instance died: the next `load` makes a new one. */
export function renew() {
  instance += 1;
  bindings = null;
}
