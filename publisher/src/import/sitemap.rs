//! Sitemaps (`<urlset>`), sitemap indexes (`<sitemapindex>`) and Google
//! News sitemaps (`news:publication_date`, `news:title` as hints).

use url::Url;

use super::address::WebUrl;
use super::date::{DayOrder, Stated};
use super::draft::Hints;
use super::skip::Skip;
use super::warning::Said;

/// What a sitemap lists.
#[derive(Debug, Clone, PartialEq)]
pub enum Sitemap {
    /// Pages, with what the sitemap says of each.
    Pages(Vec<(WebUrl, Hints)>),
    /// More sitemaps.
    Index(Vec<WebUrl>),
}

/// Reads the sitemap in `bytes`; relative `<loc>`s resolve against `base`.
pub fn read(bytes: &[u8], base: &Url) -> Result<Sitemap, Skip> {
    let text = std::str::from_utf8(bytes).map_err(|_| Skip::BadSitemap("not UTF-8".to_owned()))?;
    let options = roxmltree::ParsingOptions {
        allow_dtd: false,
        nodes_limit: 2_000_000,
        ..roxmltree::ParsingOptions::default()
    };
    let doc = roxmltree::Document::parse_with_options(text, options)
        .map_err(|e| Skip::BadSitemap(e.to_string()))?;
    let root = doc.root_element();
    let child_text = |node: roxmltree::Node, name: &str| {
        node.descendants()
            .find(|n| n.tag_name().name() == name)
            .and_then(|n| n.text())
            .map(|t| t.trim().to_owned())
            .filter(|t| !t.is_empty())
    };
    let locs = |entry: &str| {
        root.children()
            .filter(|n| n.tag_name().name() == entry)
            .filter_map(|n| Some((n, WebUrl::resolve(base, &child_text(n, "loc")?)?)))
            .collect::<Vec<_>>()
    };
    match root.tag_name().name() {
        "sitemapindex" => Ok(Sitemap::Index(
            locs("sitemap").into_iter().map(|(_, u)| u).collect(),
        )),
        "urlset" => Ok(Sitemap::Pages(
            locs("url")
                .into_iter()
                .map(|(node, url)| {
                    let hints = Hints {
                        headline: child_text(node, "title"),
                        published: child_text(node, "publication_date")
                            .or_else(|| child_text(node, "lastmod"))
                            .and_then(|d| Stated::parse(&d, DayOrder::DayFirst))
                            .map(|d| (d, Said::Sitemap)),
                    };
                    (url, hints)
                })
                .collect(),
        )),
        other => Err(Skip::BadSitemap(format!("<{other}> is not a sitemap"))),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_google_news_sitemap_and_an_index() {
        let base = Url::parse("https://news.example/sitemap.xml").expect("a URL");
        let news = br#"<?xml version="1.0" encoding="UTF-8"?>
<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9" xmlns:news="http://www.google.com/schemas/sitemap-news/0.9">
  <url><loc>https://news.example/a-1.html</loc>
    <news:news><news:publication_date>2022-01-20T19:35:08+07:00</news:publication_date><news:title>A</news:title></news:news></url>
  <url><loc>/b-2.html</loc></url>
  <url><loc>javascript:alert(1)</loc></url>
</urlset>"#;
        let Ok(Sitemap::Pages(pages)) = read(news, &base) else {
            panic!("pages");
        };
        assert_eq!(pages.len(), 2);
        assert_eq!(pages[0].0.to_string(), "https://news.example/a-1.html");
        assert_eq!(pages[0].1.headline.as_deref(), Some("A"));
        assert!(pages[0].1.published.is_some());
        assert_eq!(pages[1].0.to_string(), "https://news.example/b-2.html");
        let index = br#"<sitemapindex xmlns="http://www.sitemaps.org/schemas/sitemap/0.9"><sitemap><loc>https://news.example/s1.xml</loc></sitemap></sitemapindex>"#;
        assert_eq!(
            read(index, &base),
            Ok(Sitemap::Index(vec![WebUrl::parse(
                "https://news.example/s1.xml"
            )
            .expect("a URL")]))
        );
        assert!(read(b"<urlset><url><loc>", &base).is_err());
    }
}
