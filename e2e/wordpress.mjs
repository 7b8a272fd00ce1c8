// A real WordPress for end-to-end tests: Debian's wordpress (6.1) and its
// default theme, on a private MariaDB, served by `php -S` on 127.0.0.1
// (scripts/install-tools.sh installs the packages).
//
//   const wp = await start();            // installed and serving, in a few seconds
//   const post = await wp.createPost({ title, content, role: 'author', categories: ['Thời sự'],
//                                      featuredImage: 'site/media/20122-1.jpg' });
//   page.goto(post.url);                  // the post, through WordPress's theme
//   await wp.php('echo wp_oembed_get($input);', url);   // any PHP, with WordPress loaded
//   await wp.stop();                     // every process gone, every file removed
//
// Each run is private, so runs on one machine never meet: its own data
// folder, database socket and port, its own wp-content (uploads, the test's
// must-use plugin; themes and plugins linked from Debian's), and its own
// Debian config, /etc/wordpress/config-<name>.php, which a `php -S` router
// names for every request. Posts have pretty permalinks (`/%year%/%monthnum%/%postname%/`),
// and the REST API answers at `/wp-json/wp/v2/posts?_embed` (and `?rest_route=`).
import { execFile, spawn } from 'node:child_process';
import { mkdir, mkdtemp, readFile, rm, symlink, writeFile } from 'node:fs/promises';
import { tmpdir, userInfo } from 'node:os';
import { basename, join, resolve } from 'node:path';
import { promisify } from 'node:util';

const run = promisify(execFile);

/** Where Debian's wordpress package keeps WordPress, its content and its site configs. */
export const WORDPRESS = '/usr/share/wordpress';
const CONTENT = '/var/lib/wordpress/wp-content';
const CONFIGS = '/etc/wordpress';

/** A daemon that says it is not ready within this long has failed (a guard against a hang, not a wait). */
const READY_WITHIN_MS = 30000;

/**
 * The must-use plugin of the tests. WordPress refuses to fetch from
 * loopback hosts and from ports other than 80, 443 and 8080 (the tests'
 * oEmbed provider is on 127.0.0.1 at a port of its own); no mail is sent;
 * and a provider on this host at another port is never taken for this site
 * (url_to_postid() ignores ports).
 */
const MU_PLUGIN = `<?php
// Test only: written by e2e/wordpress.mjs into a test run's own wp-content.
$nw_loopback = fn ($host) => in_array($host, ['127.0.0.1', 'localhost'], true);
add_filter('http_request_host_is_external', fn ($external, $host) => $external || $nw_loopback($host), 10, 2);
add_filter('http_allowed_safe_ports', function ($ports, $host, $url) use ($nw_loopback) {
    $port = parse_url($url, PHP_URL_PORT);
    return $port && $nw_loopback($host) ? [...$ports, $port] : $ports;
}, 10, 3);
add_filter('oembed_request_post_id', fn ($id, $url) => str_starts_with($url, home_url('/')) ? $id : 0, 10, 2);
add_filter('pre_wp_mail', '__return_false');
`;

/** The `php -S` router: this run's config for every request, its uploads, and WordPress for any other path. */
const router = ({ name, uploads }) => `<?php
$_SERVER['WORDPRESS_CONFIG'] = ${JSON.stringify(name)};
$path = rawurldecode(parse_url($_SERVER['REQUEST_URI'], PHP_URL_PATH) ?? '/');
if (str_starts_with($path, '/wp-content/uploads/')) {
    $file = realpath(${JSON.stringify(uploads)} . substr($path, strlen('/wp-content/uploads')));
    if ($file === false || !str_starts_with($file, ${JSON.stringify(uploads + '/')}) || !is_file($file)) {
        http_response_code(404);
        return true;
    }
    header('Content-Type: ' . (mime_content_type($file) ?: 'application/octet-stream'));
    readfile($file);
    return true;
}
if ($path !== '/' && !file_exists(${JSON.stringify(WORDPRESS)} . $path)) {
    // As a web server's rewrite rules do for WordPress (php -S would answer 404 for /favicon.ico).
    $_SERVER['SCRIPT_NAME'] = $_SERVER['PHP_SELF'] = '/index.php';
    $_SERVER['SCRIPT_FILENAME'] = ${JSON.stringify(`${WORDPRESS}/index.php`)};
    require ${JSON.stringify(`${WORDPRESS}/index.php`)};
    return true;
}
return false; // WordPress's own files, as they are
`;

/** Debian's site config (/etc/wordpress/config-<name>.php). */
const config = ({ url, socket, content }) => `<?php
// Test only: written by e2e/wordpress.mjs, removed when its WordPress stops.
define('DB_NAME', 'wordpress');
define('DB_USER', 'root');
define('DB_PASSWORD', '');
define('DB_HOST', ${JSON.stringify(`localhost:${socket}`)});
define('WP_HOME', ${JSON.stringify(url)});
define('WP_SITEURL', ${JSON.stringify(url)});
define('WP_CONTENT_DIR', ${JSON.stringify(content)});
define('WP_CONTENT_URL', ${JSON.stringify(`${url}/wp-content`)});
define('DISABLE_WP_CRON', true);
define('AUTOMATIC_UPDATER_DISABLED', true);
// Only this machine: no update checks, no calls home.
define('WP_HTTP_BLOCK_EXTERNAL', true);
`;

/** Runs PHP with WordPress loaded: the job ({ code, input }) comes on stdin; `$input` is its input. */
const runner = ({ name, host }) => `<?php
$_SERVER['HTTP_HOST'] = ${JSON.stringify(host)};
$_SERVER['SERVER_NAME'] = '127.0.0.1';
$_SERVER['REQUEST_URI'] = '/';
$_SERVER['REQUEST_METHOD'] = 'GET';
$_SERVER['WORDPRESS_CONFIG'] = ${JSON.stringify(name)};
$job = json_decode(stream_get_contents(STDIN), true);
if (!empty($job['installing'])) define('WP_INSTALLING', true);
require ${JSON.stringify(`${WORDPRESS}/wp-load.php`)};
$input = $job['input'];
eval($job['code']);
`;

/** Installs WordPress: the site, its admin, pretty permalinks. */
const INSTALL = `
require_once ABSPATH . 'wp-admin/includes/upgrade.php';
wp_install($input['title'], 'admin', 'admin@example.invalid', true, '', wp_generate_password(24), $input['language']);
global $wp_rewrite;
$wp_rewrite->set_permalink_structure('/%year%/%monthnum%/%postname%/');
$wp_rewrite->flush_rules(false);
update_option('timezone_string', 'Asia/Ho_Chi_Minh');
echo json_encode(['home' => home_url('/')]);
`;

/** Creates a post as a user with a role (the content filtered as that user's), in categories, with a featured image. */
const CREATE_POST = `
require_once ABSPATH . 'wp-admin/includes/image.php';
$author = get_user_by('login', $input['author']['login']);
$author_id = $author ? $author->ID : wp_insert_user([
    'user_login' => $input['author']['login'],
    'display_name' => $input['author']['name'],
    'user_pass' => wp_generate_password(24),
    'user_email' => $input['author']['login'] . '@example.invalid',
    'role' => $input['role'],
]);
if (is_wp_error($author_id)) { fwrite(STDERR, $author_id->get_error_message()); exit(1); }
// As this user: what an Author may not post (scripts, iframes) is filtered out on save.
wp_set_current_user($author_id);
$categories = [];
foreach ($input['categories'] as $category) {
    $term = term_exists($category, 'category') ?: wp_insert_term($category, 'category');
    if (is_wp_error($term)) { fwrite(STDERR, $term->get_error_message()); exit(1); }
    $categories[] = (int) $term['term_id'];
}
$id = wp_insert_post([
    'post_title' => $input['title'],
    'post_content' => $input['content'],
    'post_status' => 'publish',
    'post_author' => $author_id,
    'post_category' => $categories,
], true);
if (is_wp_error($id)) { fwrite(STDERR, $id->get_error_message()); exit(1); }
if ($input['featuredImage']) {
    $upload = wp_upload_bits(basename($input['featuredImage']), null, file_get_contents($input['featuredImage']));
    if ($upload['error']) { fwrite(STDERR, $upload['error']); exit(1); }
    $type = wp_check_filetype($upload['file']);
    $attachment = wp_insert_attachment([
        'post_mime_type' => $type['type'],
        'post_title' => $input['title'],
        'post_status' => 'inherit',
    ], $upload['file'], $id);
    wp_update_attachment_metadata($attachment, wp_generate_attachment_metadata($attachment, $upload['file']));
    set_post_thumbnail($id, $attachment);
}
echo json_encode(['id' => $id, 'url' => get_permalink($id), 'content' => get_post_field('post_content', $id), 'author' => $author_id]);
`;

/**
 * Starts a daemon in a process group of its own (so that it and everything
 * it forks can be stopped at once); resolves with the first match of
 * `ready` in its output, or rejects with its output if it exits first.
 */
function daemon(command, args, ready, env = {}) {
  const child = spawn(command, args, { detached: true, stdio: ['ignore', 'pipe', 'pipe'], env: { ...process.env, ...env } });
  let output = '';
  const started = new Promise((resolve, reject) => {
    const guard = setTimeout(() => reject(new Error(`${command} not ready within ${READY_WITHIN_MS} ms:\n${output}`)), READY_WITHIN_MS);
    const read = (chunk) => {
      output += chunk;
      const match = ready.exec(output);
      if (match) {
        clearTimeout(guard);
        resolve(match);
      }
    };
    child.stdout.on('data', read);
    child.stderr.on('data', read);
    child.on('exit', (code, signal) => {
      clearTimeout(guard);
      reject(new Error(`${command} exited (${code ?? signal}) before it was ready:\n${output}`));
    });
  });
  const exited = new Promise((resolve) => child.on('exit', resolve));
  return {
    started,
    /** Stops the process group and waits for the daemon to exit. */
    stop: async () => {
      if (child.exitCode !== null || child.signalCode !== null) return;
      try {
        process.kill(-child.pid, 'SIGTERM');
      } catch {
        return; // already gone
      }
      await exited;
    },
  };
}

/**
 * Starts a WordPress; resolves to { url, createPost, php, log, stop }.
 * `title` and `language` (a WordPress locale: 'vi', or '' for English) are the site's.
 */
export async function start({ title = 'Blog của đối tác', language = '' } = {}) {
  const dir = await mkdtemp(join(tmpdir(), 'nw-wordpress-'));
  // Debian's wp-config.php accepts [a-zA-Z0-9-] in a config's name.
  const name = `nw-test-${basename(dir).replace(/[^a-zA-Z0-9]/g, '')}`;
  const configFile = join(CONFIGS, `config-${name}.php`);
  const user = userInfo().username;
  const socket = join(dir, 'mariadb.sock');
  const content = join(dir, 'wp-content');
  const uploads = join(content, 'uploads');
  const daemons = [];

  const stop = async () => {
    for (const d of daemons.reverse()) await d.stop();
    await rm(configFile, { force: true });
    await rm(dir, { recursive: true, force: true });
  };

  try {
    await run('mariadb-install-db', ['--no-defaults', `--datadir=${dir}/db`, `--user=${user}`, '--auth-root-authentication-method=normal', '--skip-test-db']);
    const db = daemon('mariadbd', [
      '--no-defaults', `--datadir=${dir}/db`, `--socket=${socket}`, '--skip-networking', `--user=${user}`,
      `--pid-file=${dir}/mariadb.pid`, '--innodb-buffer-pool-size=32M',
    ], /ready for connections/);
    daemons.push(db);
    await db.started;
    await run('mariadb', ['--no-defaults', `--socket=${socket}`, '-uroot', '-e', 'CREATE DATABASE wordpress']);

    await mkdir(join(content, 'mu-plugins'), { recursive: true });
    await mkdir(uploads, { recursive: true });
    for (const part of ['themes', 'plugins', 'languages']) await symlink(join(CONTENT, part), join(content, part));
    await writeFile(join(content, 'mu-plugins', 'news-widget-tests.php'), MU_PLUGIN);
    await writeFile(join(dir, 'router.php'), router({ name, uploads }));

    const web = daemon('php', [
      '-d', 'display_errors=0', '-d', 'log_errors=1', '-d', `error_log=${dir}/php.log`,
      '-S', '127.0.0.1:0', '-t', WORDPRESS, join(dir, 'router.php'),
    ], /Development Server \(http:\/\/127\.0\.0\.1:(\d+)\) started/, { PHP_CLI_SERVER_WORKERS: '4' });
    daemons.push(web);
    const [, port] = await web.started;
    const host = `127.0.0.1:${port}`;
    const url = `http://${host}`;
    await writeFile(configFile, config({ url, socket, content }));
    await writeFile(join(dir, 'run.php'), runner({ name, host }));

    /** Runs `code` with WordPress loaded and `$input` set to `input`; resolves to what it prints. */
    const php = async (code, input = null, { installing = false } = {}) => {
      const child = execFile('php', ['-d', 'display_errors=stderr', '-d', `error_log=${dir}/php.log`, join(dir, 'run.php')], {
        maxBuffer: 16 * 1024 * 1024,
      });
      child.stdin.end(JSON.stringify({ code, input, installing }));
      let stdout = '';
      let stderr = '';
      child.stdout.on('data', (c) => (stdout += c));
      child.stderr.on('data', (c) => (stderr += c));
      const status = await new Promise((resolve) => child.on('close', resolve));
      if (status !== 0) throw new Error(`php exited with ${status}:\n${stderr}\n${stdout}`);
      return stdout;
    };

    await php(INSTALL, { title, language }, { installing: true });
    return {
      url,
      php,
      /**
       * Publishes a post; resolves to { id, url, content, author } (`content` as saved, after WordPress's filters).
       * `role`: the author's ('author': no scripts or iframes of their own); `author`: their login and display name;
       * `categories`: names, created if missing; `featuredImage`: a local image file.
       */
      async createPost({ title: postTitle, content: body, role = 'author', author = { login: 'tacgia', name: 'Tác giả Thử' }, categories = [], featuredImage = null }) {
        const image = featuredImage && resolve(featuredImage);
        return JSON.parse(await php(CREATE_POST, { title: postTitle, content: body, role, author, categories, featuredImage: image }));
      },
      /** What PHP logged while serving (warnings, errors). */
      log: () => readFile(join(dir, 'php.log'), 'utf8').catch(() => ''),
      stop,
    };
  } catch (error) {
    await stop();
    throw error;
  }
}
