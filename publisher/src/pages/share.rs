//! The share page: the article as a page of its own, the URL a partner
//! pastes into WordPress or a chat. It holds the pre-rendered snippet (read
//! with no script, then the live widget), and in its `<head>` what link
//! previews, search engines and WordPress read: `<title>`, the canonical
//! link to the publisher's own page, Open Graph and Twitter card tags,
//! JSON-LD `NewsArticle`, and the oEmbed discovery link.

use html_escape::{encode_double_quoted_attribute as attr, encode_text as text};
use news_widget::i18n::Lang;
use news_widget::model::{plain, Article};
use serde_json::{json, Value};

use super::Publisher;

/// A link preview's description is cut to about this many characters.
const DESCRIPTION_CHARS: usize = 300;

/// Where a share page and what it links to are.
#[derive(Debug, Clone)]
pub struct ShareUrls {
    /// The share page itself (absolute).
    pub page: String,
    /// Its oEmbed answer (absolute: WordPress resolves no relative `href`).
    pub oembed: String,
    /// The embed-code page, with this page's address filled in.
    pub embed_code: String,
}

/// The share page of `article` (its URLs absolute) in `lang`, around its `snippet`.
pub fn page(
    article: &Article,
    lang: Lang,
    snippet: &str,
    urls: &ShareUrls,
    publisher: &Publisher,
) -> String {
    let headline = article.headline.as_str();
    let canonical = article
        .url
        .as_ref()
        .map_or(urls.page.as_str(), |u| u.as_str());
    let head = [
        format!(
            "<title>{} · {}</title>",
            text(headline),
            text(&publisher.name)
        ),
        // First among the links: WordPress reads no more than 150 KB of a page.
        format!(
            "<link rel=\"alternate\" type=\"application/json+oembed\" href=\"{}\" title=\"{}\">",
            attr(&urls.oembed),
            attr(headline)
        ),
        format!("<link rel=\"canonical\" href=\"{}\">", attr(canonical)),
        meta("name", "description", &description(article)),
    ];
    let tags: String = head
        .into_iter()
        .chain(open_graph(article, canonical, publisher))
        .map(|line| format!("{line}\n"))
        .collect();
    format!(
        "<!doctype html>\n<html lang=\"{lang}\">\n<head>\n<meta charset=\"utf-8\">\n\
         <meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n\
         {tags}<script type=\"application/ld+json\">{json_ld}</script>\n\
         <link rel=\"stylesheet\" href=\"../page.css\">\n</head>\n\
         <body class=\"nw-share\">\n\
         <header class=\"nw-page-header\"><a href=\"{home}\">{name}</a></header>\n\
         <main class=\"nw-page-main\">\n{snippet}</main>\n\
         <footer class=\"nw-page-footer\"><a href=\"{embed_code}\">{embed_this}</a></footer>\n\
         </body>\n</html>\n",
        lang = lang.tag(),
        json_ld = script_json(&json_ld(article, canonical, publisher)),
        home = attr(&publisher.url),
        name = text(&publisher.name),
        embed_code = attr(&urls.embed_code),
        embed_this = text(lang.pages().embed_this),
    )
}

/// The lead as plain text, cut at a word near [`DESCRIPTION_CHARS`].
pub fn description(article: &Article) -> String {
    let lead = plain(&article.lead);
    let lead = lead.split_whitespace().collect::<Vec<_>>().join(" ");
    if lead.chars().count() <= DESCRIPTION_CHARS {
        return lead;
    }
    let mut cut: String = lead.chars().take(DESCRIPTION_CHARS).collect();
    if let Some(space) = cut.rfind(' ') {
        cut.truncate(space);
    }
    format!("{cut}…")
}

/// Open Graph and Twitter card tags: headline, lead, the first photo with
/// its size, the dates and the section.
fn open_graph(article: &Article, canonical: &str, publisher: &Publisher) -> Vec<String> {
    let description = description(article);
    let mut tags = vec![
        meta("property", "og:type", "article"),
        meta("property", "og:site_name", &publisher.name),
        meta("property", "og:title", article.headline.as_str()),
        meta("property", "og:description", &description),
        meta("property", "og:url", canonical),
    ];
    let image = article.first_image();
    if let Some(image) = image {
        tags.extend([
            meta("property", "og:image", image.src.as_str()),
            meta("property", "og:image:width", &image.width.to_string()),
            meta("property", "og:image:height", &image.height.to_string()),
            meta("property", "og:image:alt", &image.alt),
        ]);
    }
    tags.push(meta(
        "property",
        "article:published_time",
        article.published.as_str(),
    ));
    if let Some(modified) = &article.modified {
        tags.push(meta("property", "article:modified_time", modified.as_str()));
    }
    if let Some(category) = &article.category {
        tags.push(meta("property", "article:section", category.name.as_str()));
    }
    let card = match image {
        Some(_) => "summary_large_image",
        None => "summary",
    };
    tags.extend([
        meta("name", "twitter:card", card),
        meta("name", "twitter:title", article.headline.as_str()),
        meta("name", "twitter:description", &description),
    ]);
    if let Some(image) = image {
        tags.extend([
            meta("name", "twitter:image", image.src.as_str()),
            meta("name", "twitter:image:alt", &image.alt),
        ]);
    }
    tags
}

/// schema.org `NewsArticle`, as search engines read it.
fn json_ld(article: &Article, canonical: &str, publisher: &Publisher) -> Value {
    let authors: Vec<Value> = article
        .authors
        .iter()
        .map(|a| json!({ "@type": "Person", "name": a.name.as_str() }))
        .collect();
    let mut ld = json!({
        "@context": "https://schema.org",
        "@type": "NewsArticle",
        "headline": article.headline.as_str(),
        "description": description(article),
        "url": canonical,
        "mainEntityOfPage": canonical,
        "datePublished": article.published.as_str(),
        "dateModified": article.modified.as_ref().unwrap_or(&article.published).as_str(),
        "author": authors,
        "publisher": { "@type": "Organization", "name": publisher.name, "url": publisher.url },
    });
    let extra = [
        (
            "image",
            article.first_image().map(|image| {
                json!([{ "@type": "ImageObject", "url": image.src.as_str(),
                         "width": image.width, "height": image.height }])
            }),
        ),
        (
            "inLanguage",
            article.language.as_ref().map(|l| json!(l.as_str())),
        ),
        (
            "articleSection",
            article.category.as_ref().map(|c| json!(c.name.as_str())),
        ),
    ];
    if let Some(object) = ld.as_object_mut() {
        for (key, value) in extra {
            if let Some(value) = value {
                object.insert(key.to_owned(), value);
            }
        }
    }
    ld
}

/// JSON to put inside a `<script>` element: no `<` can end it early.
pub fn script_json(value: &Value) -> String {
    value.to_string().replace('<', "\\u003c")
}

fn meta(key: &str, name: &str, content: &str) -> String {
    format!("<meta {key}=\"{name}\" content=\"{}\">", attr(content))
}

#[cfg(test)]
mod tests {
    use news_widget::model::Document;

    use super::*;

    fn seed(change: impl FnOnce(&mut Value)) -> Article {
        let path = concat!(env!("CARGO_MANIFEST_DIR"), "/../site/articles/20122.json");
        let mut json: Value =
            serde_json::from_slice(&std::fs::read(path).expect("the seed")).expect("JSON");
        change(&mut json);
        let mut article = Article::parse(json.to_string().as_bytes()).expect("an article");
        article.resolve_urls("https://news.example/site/articles/20122.json");
        article
    }

    fn urls() -> ShareUrls {
        ShareUrls {
            page: "https://news.example/embed/share/20122.vi.html".into(),
            oembed: "https://news.example/embed/oembed/20122.vi.json".into(),
            embed_code: "../index.html?url=x".into(),
        }
    }

    fn publisher() -> Publisher {
        Publisher {
            name: "Tin & Tức".into(),
            url: "https://news.example/".into(),
        }
    }

    #[test]
    fn text_from_the_article_cannot_end_a_tag_or_the_json_ld() {
        let article = seed(|a| {
            a["headline"] = Value::from("</script><script>alert(1)</script> \"quoted\"");
            a["lead"] = Value::from(vec![Value::from("A <b>lead</b>")]);
        });
        let html = page(
            &article,
            Lang::Vi,
            "<news-article></news-article>\n",
            &urls(),
            &publisher(),
        );
        assert!(!html.contains("<script>alert(1)"), "{html}");
        assert!(html.contains("<title>&lt;/script&gt;&lt;script&gt;alert(1)&lt;/script&gt; \"quoted\" · Tin &amp; Tức</title>"));
        assert!(html.contains(
            "content=\"&lt;/script&gt;&lt;script&gt;alert(1)&lt;/script&gt; &quot;quoted&quot;\""
        ));
        let ld = html
            .split("<script type=\"application/ld+json\">")
            .nth(1)
            .and_then(|rest| rest.split("</script>").next())
            .expect("the JSON-LD, ended by its own </script>");
        let ld: Value = serde_json::from_str(ld).expect("JSON");
        assert_eq!(
            ld["headline"],
            "</script><script>alert(1)</script> \"quoted\""
        );
        assert_eq!(ld["description"], "A <b>lead</b>");
    }

    #[test]
    fn the_discovery_link_comes_first_in_the_head() {
        let html = page(&seed(|_| ()), Lang::En, "", &urls(), &publisher());
        let head = html.split("</head>").next().expect("a head");
        assert_eq!(
            head.find("<link"),
            head.find("<link rel=\"alternate\" type=\"application/json+oembed\""),
            "the discovery link before any other"
        );
        assert!(head.contains(
            "href=\"https://news.example/embed/oembed/20122.vi.json\" title=\"Hội nghị Ban Chấp hành Đảng bộ tỉnh\">"
        ));
        assert!(html.starts_with("<!doctype html>\n<html lang=\"en\">"));
    }

    #[test]
    fn a_description_is_cut_at_a_word() {
        let long = "từ ".repeat(200);
        let cut = description(&seed(|a| a["lead"] = Value::from(vec![Value::from(long)])));
        assert!(cut.ends_with("từ…"), "{cut}");
        assert!(cut.chars().count() <= DESCRIPTION_CHARS + 1);
        let short = description(&seed(|a| {
            a["lead"] = Value::from(vec![Value::from("  Hai\n từ  ")])
        }));
        assert_eq!(short, "Hai từ");
    }

    #[test]
    fn without_a_photo_or_an_author_the_tags_say_less() {
        let article = seed(|a| {
            a["body"] = Value::Array(Vec::new());
            a["authors"] = Value::Array(Vec::new());
            a.as_object_mut().map(|o| o.remove("url"));
        });
        let html = page(&article, Lang::Vi, "", &urls(), &publisher());
        assert!(html.contains("<meta name=\"twitter:card\" content=\"summary\">"));
        assert!(!html.contains("og:image"));
        assert!(
            html.contains(
                "<link rel=\"canonical\" href=\"https://news.example/embed/share/20122.vi.html\">"
            ),
            "the share page is its own canonical page"
        );
        let ld = json_ld(&article, "x", &publisher());
        assert_eq!(ld["author"], Value::Array(Vec::new()));
        assert!(ld.get("image").is_none());
    }
}
