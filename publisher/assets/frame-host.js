/**
 * The height messages of the frame pages (frame.js sends them), and what a
 * page that shows a frame page in an <iframe> runs so that the frame takes
 * its content's height: one line of script, pasted with the frame (the
 * embed-code page writes it into the iframe code).
 */

/** Our own message, `{ type: HEIGHT, height }`, for any page. */
export const HEIGHT = 'news-article:height';

/** AMP's, `{ ...AMP_SIZE, height }`, as <amp-iframe resizable> reads it. */
export const AMP_SIZE = { sentinel: 'amp', type: 'embed-size' };

/**
 * Sets the height of the frame whose message passes `test`, an expression
 * over the message, `d` (written with single quotes, as the README shows it).
 * @param {string} test
 */
const resizer = (test) =>
  `addEventListener('message',function(e){var d=e.data;if(d&&${test})` +
  "document.querySelectorAll('iframe').forEach(function(f){if(f.contentWindow===e.source)f.height=d.height})});";

/** The resizer for our own message: any page. */
export const RESIZER = resizer(`d.type==='${HEIGHT}'`);

/**
 * The resizer for AMP's message: a page that stands in for an AMP page (the
 * embed-code page's preview of AMP code).
 */
export const AMP_RESIZER = resizer(`d.sentinel==='${AMP_SIZE.sentinel}'&&d.type==='${AMP_SIZE.type}'`);
