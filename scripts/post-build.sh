#!/bin/sh
# Trunk's post_build hook (see Trunk.toml): bundles the loader's modules
# (loader/) into the one classic script partners include, news-widget.js;
# joins the CSS partials, in cascade order, into news-widget.css; in release
# builds, minifies the files a partner page downloads (the loader, the
# wasm-bindgen bindings and the CSS); moves
# the module's files into v/<version>/ (scripts/version.mjs); writes the
# sample site's pre-rendered embed snippets and partner pages to embed/ (the
# publisher's `news-widget build`, for make demo's address) and puts a snippet
# into the demo page.
set -eu
out="$TRUNK_STAGING_DIR"
minify=
if [ "${TRUNK_PROFILE:-}" = release ]; then minify=--minify; fi
# ES2022 as written: every browser the widget supports runs it (README, "Browsers").
node_modules/.bin/esbuild loader/news-widget.js --bundle --format=iife --target=es2022 $minify \
  --log-level=warning --outfile="$out/news-widget.js"
cat styles/theme.css styles/base.css styles/article.css styles/lists.css styles/states.css > "$out/news-widget.css"
if [ -n "$minify" ]; then
  for file in news_widget.js news-widget.css; do
    node_modules/.bin/esbuild "$out/$file" --minify --log-level=warning --allow-overwrite --outfile="$out/$file"
  done
fi
# The module's files into v/<version>/, the version into the loader, manifest.json.
version=$(node scripts/version.mjs "$out")
[ -n "$version" ] || { echo "post-build: scripts/version.mjs gave no version" >&2; exit 1; }
# The native tool always builds in the main target dir (the crash-test build sets its own).
CARGO_TARGET_DIR="$PWD/target" cargo run --quiet -p news-widget-publisher --bin news-widget -- \
  build site --out "$out/embed" --public http://127.0.0.1:8080/embed/ \
  --publisher "Tin tức mẫu" --publisher-url https://news.example/ --stylesheet "/v/$version/news-widget.css"
sed -i -e "/<!-- prerendered: 20125.vi -->/{r $out/embed/20125.vi.html" -e 'd}' "$out/index.html"
