#!/bin/sh
# Trunk's post_build hook (see Trunk.toml): joins the CSS partials, in cascade
# order, into news-widget.css and, in release builds, minifies the files a
# partner page downloads: the loader, the wasm-bindgen bindings and the CSS.
set -eu
out="$TRUNK_STAGING_DIR"
cat styles/theme.css styles/base.css styles/article.css styles/lists.css styles/states.css > "$out/news-widget.css"
[ "${TRUNK_PROFILE:-}" = release ] || exit 0
for file in news-widget.js news_widget.js news-widget.css; do
  node_modules/.bin/esbuild "$out/$file" --minify --log-level=warning --allow-overwrite --outfile="$out/$file"
done
