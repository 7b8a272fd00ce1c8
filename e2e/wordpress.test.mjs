// A real WordPress (Debian's 6.1, e2e/wordpress.mjs) embeds an article the
// way WordPress authors do: an Author pastes the share page's URL on a line
// of its own; WordPress discovers the oEmbed answer, keeps its blockquote
// and iframe, sandboxes the frame, and sizes it from the card's messages.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdir } from 'node:fs/promises';
import { servePartners } from './publish.mjs';
import { launch } from './browser.mjs';
import { RECORD_MESSAGES } from './pages.mjs';
import { start } from './wordpress.mjs';

const SHOTS = new URL('./screenshots/', import.meta.url).pathname;

let server;
let wordpress;
let browser;
let post;
let share;

before(async () => {
  server = await servePartners();
  share = `${server.embed}share/20122.vi.html`;
  wordpress = await start();
  post = await wordpress.createPost({
    title: 'Tin từ đối tác',
    content: `Bài viết dưới đây được nhúng từ trang tin của tỉnh.\n\n${share}\n\nĐoạn văn sau bài nhúng.`,
    role: 'author',
    author: { login: 'tacgia', name: 'Tác giả Thử' },
    categories: ['Tin nhúng'],
    featuredImage: 'site/media/20122-1.jpg',
  });
  browser = await launch();
});

after(async () => {
  await browser?.close();
  await wordpress?.stop();
  await server?.close();
});

test('an Author\'s post keeps the URL, and wp_oembed_get() of it gives our blockquote and a sandboxed iframe of the card', async () => {
  assert.match(post.content, new RegExp(`^${share.replace(/[.?]/g, '\\$&')}$`, 'm'), 'the URL on its own line');
  const html = await wordpress.php('echo wp_oembed_get($input);', share);
  const shape = /^<blockquote class="wp-embedded-content" data-secret="(\w{10})"><a href="([^"]+)">([^<]+)<\/a><\/blockquote><iframe ([^>]*)><\/iframe>$/.exec(html.trim());
  assert.ok(shape, html);
  const [, secret, link, text, iframe] = shape;
  assert.equal(link, share);
  assert.equal(text, 'Hội nghị Ban Chấp hành Đảng bộ tỉnh');
  assert.match(iframe, /sandbox="allow-scripts" security="restricted"/);
  assert.match(iframe, new RegExp(`src="${server.embed}card/20122\\.vi\\.html#\\?secret=${secret}"`));
  assert.match(iframe, /title="Hội nghị Ban Chấp hành Đảng bộ tỉnh"/);
  assert.match(iframe, new RegExp(`data-secret="${secret}"`));
});

test('the post shows the card in a frame that takes its height, and the card opens the share page at the top level', async () => {
  const context = await browser.newContext({ viewport: { width: 1200, height: 1000 } });
  const page = await context.newPage();
  const problems = [];
  page.on('pageerror', (e) => problems.push(e.message));
  page.on('console', (m) => m.type() === 'error' && problems.push(`${m.text()} (${m.location().url})`));
  // Every message the post's page is told by its frames.
  await page.addInitScript(RECORD_MESSAGES);
  await page.goto(post.url);
  const iframe = page.locator('iframe.wp-embedded-content');
  await iframe.waitFor({ state: 'visible' }); // wp-embed.js shows it on the card's first message
  assert.equal(await page.locator('blockquote.wp-embedded-content').isVisible(), false, 'the blockquote gives way to the frame');

  const frame = page.frames().find((f) => f.url().startsWith(`${server.embed}card/`));
  assert.equal(await frame.evaluate(() => self.origin), 'null', "WordPress's sandbox");
  await frame.waitForFunction(() => document.querySelector('.nw-card-host').shadowRoot.querySelector('img').complete);
  const content = await frame.evaluate(() => Math.ceil(document.documentElement.getBoundingClientRect().height));
  assert.ok(content >= 200 && content <= 1000, `the card (${content} px) is within WordPress's clamp`);
  await page.waitForFunction((h) => window.told.some((m) => m?.message === 'height' && m.value === h), content);
  const box = await iframe.boundingBox();
  assert.ok(Math.abs(box.height - content) <= 2, `frame ${box.height} px, content ${content} px`);
  assert.equal(await iframe.getAttribute('height'), String(content));
  assert.equal(await frame.locator('.nw-card-host h2').textContent(), 'Hội nghị Ban Chấp hành Đảng bộ tỉnh');

  await mkdir(SHOTS, { recursive: true });
  await iframe.scrollIntoViewIfNeeded();
  await page.screenshot({ path: `${SHOTS}wordpress-post.png`, fullPage: true });

  assert.deepEqual(problems, [], 'the post has no errors');
  assert.doesNotMatch(await wordpress.log(), /PHP (Fatal|Warning|Parse)/);

  // wp-embed.js follows a link only for the frame's host, and only from the focused frame: a real
  // click, as a reader's, whose press has focused the frame (in the post's page) before the release.
  await frame.locator('.nw-card-link').hover();
  await page.mouse.down();
  await page.waitForFunction(() => document.activeElement?.matches('iframe.wp-embedded-content'));
  await Promise.all([page.waitForURL(share), page.mouse.up()]);
  assert.equal(await page.title(), 'Hội nghị Ban Chấp hành Đảng bộ tỉnh · Tin tức mẫu');
  await context.close();
});

test("the helper's posts, as the REST API gives them: category, author's display name, featured image", async () => {
  for (const path of ['/wp-json/wp/v2/posts?_embed', '/?rest_route=/wp/v2/posts&_embed']) {
    const response = await fetch(`${wordpress.url}${path}`);
    assert.equal(response.status, 200, path);
    const [seen] = await response.json();
    assert.equal(seen.id, post.id);
    assert.equal(seen.link, post.url);
    assert.equal(seen.title.rendered, 'Tin từ đối tác');
    assert.deepEqual(seen._embedded['wp:term'][0].map((term) => term.name), ['Tin nhúng']);
    assert.equal(seen._embedded.author[0].name, 'Tác giả Thử');
    const image = seen._embedded['wp:featuredmedia'][0];
    assert.deepEqual([image.media_details.width, image.media_details.height], [960, 640]);
    const file = await fetch(image.source_url);
    assert.equal(file.headers.get('content-type'), 'image/jpeg');
  }
});
