// One small adapter per browser engine, so a test says what it checks once
// and runs in every engine readers use: Blink (Debian's Chromium, through
// playwright-core), Gecko (Firefox ESR, through puppeteer-core over WebDriver
// BiDi) and WebKit (WebKitGTK's MiniBrowser, through WebKitWebDriver under
// Xvfb, with plain WebDriver calls). No browser is ever downloaded.
//
// A page offers the same few things in each engine:
//   evaluate(fn, arg)    run fn(arg) in the page, resolve to its JSON result
//   until(fn, arg)       wait until fn(arg) is truthy in the page (polled, no fixed sleeps);
//                        fn returns plain values (a DOM node does not cross in every engine)
//   press(key)           a real key press ('Tab', 'Enter') to whatever has focus
//   reload()             load the page again
//   screenshot(path)     a PNG of the viewport
//   frame(selector)      the document in the page's <iframe> that matches `selector`, with
//                        evaluate and until (of any origin: a sandboxed frame's is null)
//   close()
import { spawn } from 'node:child_process';
import { writeFile } from 'node:fs/promises';
import { launch as launchChromium } from './browser.mjs';

/** The engines to run, from ENGINES (comma-separated), all three by default. */
export const ENGINES = (process.env.ENGINES || 'chromium,firefox,webkit').split(',').map((e) => e.trim());

const VIEWPORT = { width: 1000, height: 900 };

/** Resolves when `check()` resolves truthy, polling every 50 ms, or rejects after `timeout` ms. */
async function poll(check, what, timeout) {
  const deadline = Date.now() + timeout;
  for (;;) {
    const value = await check();
    if (value) return value;
    if (Date.now() > deadline) throw new Error(`timed out after ${timeout} ms waiting until ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

/** Adds `until` to a page that has `evaluate`. */
function withUntil(page) {
  page.until = (fn, arg, { timeout = 15000 } = {}) => poll(() => page.evaluate(fn, arg), fn.toString().slice(0, 80), timeout);
  return page;
}

/** The adapter of a Playwright or Puppeteer page (their APIs agree on what is used here). */
const adapt = (page) =>
  withUntil({
    evaluate: (fn, arg) => page.evaluate(fn, arg),
    press: (key) => page.keyboard.press(key),
    reload: () => page.reload(),
    screenshot: (path) => page.screenshot({ path }),
    async frame(selector) {
      const frame = await (await page.waitForSelector(selector)).contentFrame();
      return withUntil({ evaluate: (fn, arg) => frame.evaluate(fn, arg) });
    },
    close: () => page.close(),
  });

/** WebDriver's codes for the keys the tests press. */
const WEBDRIVER_KEYS = {
  Tab: '\uE004',
  Enter: '\uE007',
  Escape: '\uE00C',
  ArrowLeft: '\uE012',
  ArrowUp: '\uE013',
  ArrowRight: '\uE014',
  ArrowDown: '\uE015',
  PageUp: '\uE00E',
  PageDown: '\uE00F',
  End: '\uE010',
  Home: '\uE011',
};

async function chromium() {
  const browser = await launchChromium();
  return {
    name: 'chromium',
    async open(url) {
      const page = await browser.newPage({ viewport: VIEWPORT });
      await page.goto(url);
      return adapt(page);
    },
    close: () => browser.close(),
  };
}

async function firefox() {
  const { default: puppeteer } = await import('puppeteer-core');
  const browser = await puppeteer.launch({
    browser: 'firefox',
    executablePath: process.env.FIREFOX || '/usr/bin/firefox-esr',
    headless: true,
    // No updates, telemetry or first-run pages: this machine has no network but loopback.
    extraPrefsFirefox: { 'app.update.enabled': false, 'datareporting.policy.dataSubmissionEnabled': false },
  });
  return {
    name: 'firefox',
    async open(url) {
      const page = await browser.newPage();
      await page.setViewport(VIEWPORT);
      await page.goto(url);
      return adapt(page);
    },
    close: () => browser.close(),
  };
}

/** A free TCP port on loopback. */
async function freePort() {
  const { createServer } = await import('node:net');
  return new Promise((resolve) => {
    const server = createServer().listen(0, '127.0.0.1', () => {
      const { port } = /** @type {import('node:net').AddressInfo} */ (server.address());
      server.close(() => resolve(port));
    });
  });
}

async function webkit() {
  const port = await freePort();
  const driver = spawn('xvfb-run', ['-a', 'WebKitWebDriver', `--port=${port}`], { stdio: 'ignore', detached: true });
  const endpoint = `http://127.0.0.1:${port}`;
  const call = async (method, path, body) => {
    const response = await fetch(endpoint + path, {
      method,
      headers: { 'content-type': 'application/json' },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    const json = await response.json();
    if (json.value?.error) throw new Error(`WebDriver ${path}: ${json.value.error}: ${json.value.message}`);
    return json.value;
  };
  await poll(() => call('GET', '/status').then((s) => s?.ready, () => false), 'WebKitWebDriver is ready', 20000);
  const capabilities = {
    browserName: 'MiniBrowser',
    'webkitgtk:browserOptions': {
      binary: process.env.MINIBROWSER || '/usr/lib/x86_64-linux-gnu/webkit2gtk-4.1/MiniBrowser',
      args: ['--automation'],
    },
  };
  // WebKitWebDriver allows one session: one window, reused by every page.
  let session = null;
  return {
    name: 'webkit',
    async open(url) {
      session ??= `/session/${(await call('POST', '/session', { capabilities: { alwaysMatch: capabilities } })).sessionId}`;
      await call('POST', `${session}/window/rect`, VIEWPORT).catch(() => {});
      await call('POST', `${session}/url`, { url });
      const evaluate = (fn, arg) => call('POST', `${session}/execute/sync`, { script: `return (${fn})(arguments[0]);`, args: [arg ?? null] });
      return withUntil({
        evaluate,
        press: (key) =>
          call('POST', `${session}/actions`, {
            actions: [{ type: 'key', id: 'keyboard', actions: ['keyDown', 'keyUp'].map((type) => ({ type, value: WEBDRIVER_KEYS[key] })) }],
          }),
        reload: () => call('POST', `${session}/refresh`, {}),
        screenshot: async (path) => writeFile(path, Buffer.from(await call('GET', `${session}/screenshot`), 'base64')),
        // WebDriver runs scripts in one frame at a time: into the frame for each call, and back.
        frame: async (selector) =>
          withUntil({
            async evaluate(fn, arg) {
              const element = await call('POST', `${session}/element`, { using: 'css selector', value: selector });
              await call('POST', `${session}/frame`, { id: element });
              try {
                return await evaluate(fn, arg);
              } finally {
                await call('POST', `${session}/frame/parent`, {});
              }
            },
          }),
        close: () => call('POST', `${session}/url`, { url: 'about:blank' }),
      });
    },
    close: async () => {
      if (session) await call('DELETE', session).catch(() => {});
      try {
        process.kill(-driver.pid);
      } catch {
        // already gone
      }
    },
  };
}

const LAUNCH = { chromium, firefox, webkit };

/** Starts the engine `name` (one of ENGINES). */
export function launchEngine(name) {
  const launch = LAUNCH[name];
  if (!launch) throw new Error(`unknown engine ${name}; ENGINES may name ${Object.keys(LAUNCH).join(', ')}`);
  return launch();
}
