#!/bin/sh
# Trunk's post_build hook (see Trunk.toml): joins the CSS partials, in cascade
# order, into news-widget.css; writes the sample site's pre-rendered embed
# snippets to embed/ (the publisher's `news-widget build`) and puts one into
# the demo page; and, in release builds, minifies the files a partner page
# downloads: the loader, the wasm-bindgen bindings and the CSS.
set -eu
out="$TRUNK_STAGING_DIR"
cat styles/theme.css styles/base.css styles/article.css styles/lists.css styles/states.css > "$out/news-widget.css"
# The native tool always builds in the main target dir (the crash-test build sets its own).
CARGO_TARGET_DIR="$PWD/target" cargo run --quiet --features cli --bin news-widget -- build site --out "$out/embed"
sed -i -e "/<!-- prerendered: 20125.vi -->/{r $out/embed/20125.vi.html" -e 'd}' "$out/index.html"
[ "${TRUNK_PROFILE:-}" = release ] || exit 0
for file in news-widget.js news_widget.js news-widget.css; do
  node_modules/.bin/esbuild "$out/$file" --minify --log-level=warning --allow-overwrite --outfile="$out/$file"
done
