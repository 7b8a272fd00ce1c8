// `news-widget import` against a real WordPress (Debian's 6.1, e2e/wordpress.mjs):
// a newsroom on WordPress gives its REST API's address, and its posts come
// out as a site that `validate` passes and `build` turns into embeds.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { mkdtemp, readFile, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { start } from './wordpress.mjs';

const TOOL = fileURLToPath(new URL('../target/debug/news-widget', import.meta.url));

/** Runs the publisher's tool; resolves to { code, stdout, stderr } whatever its exit status. */
const tool = (args) =>
  promisify(execFile)(TOOL, args).then(
    ({ stdout, stderr }) => ({ code: 0, stdout, stderr }),
    (error) => ({ code: error.code, stdout: error.stdout, stderr: error.stderr }),
  );

let wordpress;
let site;
let posts;
/** What `import --format json` printed: one { source, file, id, warnings } per post. */
let outcome;

before(async () => {
  wordpress = await start({ title: 'Báo Thử' });
  // A Vietnamese newsroom (without WordPress's sample post): its times are at +07:00, which only `date` minus `date_gmt` says.
  await wordpress.php("update_option('timezone_string', 'Asia/Ho_Chi_Minh'); wp_delete_post(1, true);");
  const author = { login: 'phongvien', name: 'Đào Quyên' };
  posts = [
    await wordpress.createPost({
      title: 'Khánh thành cầu mới &amp; đường dẫn',
      content: [
        '<!-- wp:paragraph --><p>Sáng nay, tỉnh <strong>khánh thành</strong> cây cầu mới bắc qua sông, theo <a href="https://example.org/ke-hoach">kế hoạch</a> đã đề ra.</p><!-- /wp:paragraph -->',
        '<!-- wp:image --><figure class="wp-block-image"><img src="https://cdn.example.org/cau-moi.jpg" alt="Cầu mới" width="1200" height="800"/><figcaption>Cây cầu trong ngày khánh thành. Ảnh: Thành Tâm</figcaption></figure><!-- /wp:image -->',
        '<!-- wp:heading --><h2>Giảm thời gian đi lại</h2><!-- /wp:heading -->',
        '<!-- wp:paragraph --><p>Cây cầu giúp người dân hai bờ rút ngắn thời gian đi lại, từ một giờ xuống còn mười phút.</p><!-- /wp:paragraph -->',
      ].join('\n\n'),
      author,
      categories: ['Thời sự'],
      featuredImage: 'site/media/20122-1.jpg',
    }),
    await wordpress.createPost({
      title: 'Hội nghị tổng kết năm',
      content: '<!-- wp:paragraph --><p>Hội nghị tổng kết công tác năm đã diễn ra với sự tham dự của lãnh đạo tỉnh và các sở, ngành.</p><!-- /wp:paragraph -->',
      author,
      categories: ['Thời sự'],
    }),
  ];
  await wordpress.php("wp_update_post(['ID' => $input, 'post_excerpt' => 'Cây cầu mới rút ngắn đường đi của người dân hai bờ.']);", posts[0].id);
  site = await mkdtemp(join(tmpdir(), 'nw-wp-import-'));
  const imported = await tool(['import', `${wordpress.url}/wp-json/wp/v2/posts?_embed`, '--out', site, '--format', 'json']);
  assert.equal(imported.code, 0, `${imported.stdout}${imported.stderr}`);
  outcome = JSON.parse(imported.stdout);
});

after(async () => {
  await wordpress?.stop();
  if (site) await rm(site, { recursive: true, force: true });
});

const article = async (post) => {
  const found = outcome.find((o) => o.id === String(post.id));
  assert.ok(found, `post ${post.id} in ${JSON.stringify(outcome)}`);
  return JSON.parse(await readFile(found.file, 'utf8'));
};

test('every post of the REST answer is imported, named by its WordPress id', async () => {
  assert.deepEqual(outcome.map((o) => o.id).sort(), posts.map((p) => String(p.id)).sort());
  assert.deepEqual((await readdir(join(site, 'articles'))).sort(), posts.map((p) => `${p.id}.json`).sort());
});

test('a post gives its title, author, time with the site\'s offset, category, excerpt, featured image and blocks', async () => {
  const first = await article(posts[0]);
  assert.equal(first.headline, 'Khánh thành cầu mới & đường dẫn');
  assert.equal(first.url, posts[0].url);
  assert.deepEqual(first.authors, [{ name: 'Đào Quyên' }]);
  assert.match(first.published, /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\+07:00$/);
  assert.equal(first.timeZone, 'Asia/Ho_Chi_Minh');
  assert.deepEqual(first.category, { name: 'Thời sự' });
  assert.deepEqual(first.lead, ['Cây cầu mới rút ngắn đường đi của người dân hai bờ.']);
  assert.deepEqual(first.photoCredits, ['Thành Tâm']);
  const kinds = first.body.map((block) => Object.keys(block)[0]);
  assert.deepEqual(kinds, ['image', 'paragraph', 'image', 'heading', 'paragraph']);
  // The featured image first, at the size WordPress's media details give.
  const [featured, opening, photo, heading] = first.body;
  assert.match(featured.image.src, new RegExp(`^${wordpress.url}/wp-content/uploads/.+\\.jpg$`));
  assert.ok(featured.image.width > 0 && featured.image.height > 0, JSON.stringify(featured));
  assert.deepEqual(opening.paragraph.text, [
    'Sáng nay, tỉnh ',
    { strong: ['khánh thành'] },
    ' cây cầu mới bắc qua sông, theo ',
    { link: { href: 'https://example.org/ke-hoach', text: ['kế hoạch'] } },
    ' đã đề ra.',
  ]);
  assert.deepEqual(photo.image, { src: 'https://cdn.example.org/cau-moi.jpg', alt: 'Cầu mới', width: 1200, height: 800, caption: ['Cây cầu trong ngày khánh thành.'], credit: 'Thành Tâm' });
  assert.deepEqual(heading, { heading: { text: 'Giảm thời gian đi lại' } });
});

test('the site links the posts to each other and to their day, and validate and build take it', async () => {
  const [first, second] = await Promise.all(posts.map(article));
  assert.deepEqual(first.related.map((r) => r.headline), [second.headline]);
  assert.deepEqual(second.related.map((r) => r.headline), [first.headline]);
  const day = first.published.slice(0, 10);
  assert.equal(first.dateIndex, '../dates/{date}.json');
  const index = JSON.parse(await readFile(join(site, 'dates', `${day}.json`), 'utf8'));
  assert.equal(index.items.length, 2);
  const validated = await tool(['validate', site]);
  assert.equal(validated.code, 0, `${validated.stdout}${validated.stderr}`);
  const out = join(site, 'embeds');
  const built = await tool(['build', site, '--out', out, '--public', 'https://embed.example/', '--stylesheet', '/news-widget.css']);
  assert.equal(built.code, 0, `${built.stdout}${built.stderr}`);
  const snippet = await readFile(join(out, `${posts[0].id}.vi.html`), 'utf8');
  assert.match(snippet, /Khánh thành cầu mới &amp; đường dẫn/);
});
