// @ts-check
/**
 * What a page that shows a frame page in an <iframe> runs so that the frame
 * takes its content's height: one line of script, pasted with the frame
 * (the embed-code page writes it into the iframe code). Frame pages say
 * their height in each protocol they speak (frame.js).
 */

/** Sets the height of the frame whose message passes `test` (an expression over the message, `d`). */
const resizer = (/** @type {string} */ test) =>
  `addEventListener('message',function(e){var d=e.data;if(d&&${test})` +
  "document.querySelectorAll('iframe').forEach(function(f){if(f.contentWindow===e.source)f.height=d.height})});";

/** For our own message, { type: 'news-article:height', height }: any page. */
export const RESIZER = resizer("d.type==='news-article:height'");

/**
 * For AMP's, { sentinel: 'amp', type: 'embed-size', height }, as
 * <amp-iframe resizable> reads it: a page that stands in for an AMP page
 * (the embed-code page's preview of AMP code).
 */
export const AMP_RESIZER = resizer("d.sentinel==='amp'&&d.type==='embed-size'");
