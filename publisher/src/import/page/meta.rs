//! What a page says about itself in markup: JSON-LD (`NewsArticle` and its
//! kin, `@graph`, arrays, nested authors; the site's `Organization` and
//! `WebSite`; `BreadcrumbList`), `<meta>` tags (Open Graph, `article:*`,
//! `name=author|pubdate|date`, Dublin Core, Twitter), microdata `itemprop`,
//! `<link rel=canonical>`, and the page's language.

use std::collections::HashMap;
use std::sync::LazyLock;

use scraper::{Html, Selector};
use serde_json::Value;

use super::dom::{normalize, sel, Attribute};
use crate::import::vocabulary::markup::{ARTICLE_TYPES, SITE_NAME_META};

/// An author as JSON-LD names one.
#[derive(Debug, Clone, PartialEq)]
pub struct LdAuthor {
    /// The name.
    pub name: String,
    /// Whether it is an organization (often the site itself).
    pub organization: bool,
    /// The `@id` of the node that names it, when it is only a reference
    /// (`"author": {"@id": "…#/schema/person/…"}`, as Yoast writes it).
    pub reference: Option<String>,
}

/// The article object of a page's JSON-LD.
#[derive(Debug, Clone, Default)]
pub struct LdArticle {
    /// `headline`, else `name`.
    pub headline: Option<String>,
    /// `description`.
    pub description: Option<String>,
    /// `datePublished`, as written.
    pub published: Option<String>,
    /// `dateModified`, as written.
    pub modified: Option<String>,
    /// `author`, in order.
    pub authors: Vec<LdAuthor>,
    /// `articleSection` (the first).
    pub section: Option<String>,
    /// `identifier`.
    pub identifier: Option<String>,
    /// `url`, else `mainEntityOfPage`.
    pub url: Option<String>,
    /// `inLanguage`.
    pub language: Option<String>,
    /// `publisher.name`.
    pub publisher: Option<String>,
    /// `interactionStatistic` reads, if any.
    pub views: Option<u64>,
    /// What kind of article it is.
    pub form: Form,
}

/// What kind of article a page holds, as its JSON-LD `@type` says.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub enum Form {
    /// One text (a `NewsArticle`, a `BlogPosting`, …).
    #[default]
    Story,
    /// A `LiveBlogPosting`: the text is its entries, one after the other.
    LiveBlog,
}

/// Everything a page's markup says about it.
#[derive(Debug, Default)]
pub struct Meta {
    /// The JSON-LD article objects, best first.
    pub articles: Vec<LdArticle>,
    /// `<meta>` contents by `name`, `property` or `itemprop` (as [`key`]
    /// writes it), in document order.
    pub tags: HashMap<String, Vec<String>>,
    /// Every `datePublished` (or `dateCreated`) of the page's JSON-LD, of
    /// whatever type, outer objects first: for pages whose article is not
    /// typed as one (a fact check's `ClaimReview`, a `WebPage`).
    pub ld_dates: Vec<String>,
    /// `<title>`.
    pub title: Option<String>,
    /// `<link rel=canonical>`'s `href`.
    pub canonical: Option<String>,
    /// `<html lang>`, else `og:locale` or `content-language`.
    pub language: Option<String>,
    /// The names of the site and its publisher (never a person's byline).
    pub site_names: Vec<String>,
    /// The breadcrumb trail, from the home page down.
    pub breadcrumbs: Vec<String>,
}

impl Meta {
    /// Reads the metadata of `page`.
    pub fn read(page: &Html) -> Meta {
        static META: LazyLock<Selector> = LazyLock::new(|| sel("meta"));
        static LD: LazyLock<Selector> = LazyLock::new(|| sel("script[type]"));
        static TITLE: LazyLock<Selector> = LazyLock::new(|| sel("title"));
        static CANONICAL: LazyLock<Selector> = LazyLock::new(|| sel("link[rel][href]"));
        static HTML: LazyLock<Selector> = LazyLock::new(|| sel("html[lang]"));

        let mut meta = Meta::default();
        for tag in page.select(&META) {
            let value = tag.value();
            let content = value
                .attribute("content")
                .or_else(|| value.attribute("value"));
            let Some(content) = content.map(decode).filter(|c| !c.is_empty()) else {
                continue;
            };
            for key in ["name", "property", "itemprop", "http-equiv"] {
                // Microdata of another item (a video's date) is not the article's.
                if key == "itemprop" && !of_the_article(tag) {
                    continue;
                }
                if let Some(key) = value.attribute(key) {
                    // `property="og:title article:title"` names several.
                    for key in key.split_whitespace() {
                        let entry = meta.tags.entry(self::key(key)).or_default();
                        entry.push(content.clone());
                    }
                }
            }
        }
        meta.title = page
            .select(&TITLE)
            .next()
            .map(|t| normalize(&t.text().collect::<String>()))
            .filter(|t| !t.is_empty());
        meta.canonical = page
            .select(&CANONICAL)
            .find(|l| {
                l.value().attribute("rel").is_some_and(|r| {
                    r.split_whitespace()
                        .any(|r| r.eq_ignore_ascii_case("canonical"))
                })
            })
            .and_then(|l| l.value().attribute("href"))
            .map(|h| h.trim().to_owned())
            .filter(|h| !h.is_empty());
        meta.language = page
            .select(&HTML)
            .next()
            .and_then(|h| h.value().attribute("lang"))
            .map(|l| l.trim().to_owned())
            .filter(|l| !l.is_empty())
            .or_else(|| meta.first(&["og:locale", "content-language", "dc.language", "language"]));

        // Every JSON-LD node with an `@id` and a name, for references to it.
        let mut named: HashMap<String, (String, bool)> = HashMap::new();
        for script in page.select(&LD) {
            if !script
                .value()
                .attribute("type")
                .is_some_and(|t| t.trim().eq_ignore_ascii_case("application/ld+json"))
            {
                continue;
            }
            let text: String = script.text().collect();
            if let Some(json) = lenient_json(&text) {
                meta.read_ld(&json, 0);
                ld_dates(&json, 0, &mut meta.ld_dates);
                ld_nodes(&json, 0, &mut named);
            }
        }
        for article in &mut meta.articles {
            article.authors.retain_mut(|a| match a.reference.take() {
                Some(id) => named.get(&id).is_some_and(|(name, organization)| {
                    a.name.clone_from(name);
                    a.organization = *organization;
                    true
                }),
                None => true,
            });
        }
        for key in SITE_NAME_META {
            for name in meta.all(key) {
                meta.site_names
                    .push(name.trim_start_matches('@').to_owned());
            }
        }
        // The page's own article first: the one whose URL is the page's.
        let canonical = meta.canonical.clone();
        meta.articles.sort_by_key(|a| {
            let own = a.url.is_some() && a.url == canonical;
            (!own, a.headline.is_none())
        });
        meta
    }

    /// The first value of any of `keys`.
    pub fn first(&self, keys: &[&str]) -> Option<String> {
        keys.iter()
            .find_map(|k| self.tags.get(&key(k))?.first().cloned())
    }

    /// Every value of `key`.
    pub fn all(&self, key: &str) -> Vec<String> {
        self.tags.get(&self::key(key)).cloned().unwrap_or_default()
    }

    /// The best JSON-LD article, if there is one.
    pub fn article(&self) -> Option<&LdArticle> {
        self.articles.first()
    }

    fn read_ld(&mut self, value: &Value, depth: usize) {
        if depth > 8 {
            return;
        }
        match value {
            Value::Array(items) => items.iter().for_each(|v| self.read_ld(v, depth + 1)),
            Value::Object(object) => {
                if let Some(graph) = object.get("@graph") {
                    self.read_ld(graph, depth + 1);
                }
                let types = types(value);
                if types.iter().any(|t| ARTICLE_TYPES.contains(&t.as_str())) {
                    self.articles.push(ld_article(value));
                } else if types.iter().any(|t| t == "BreadcrumbList") && self.breadcrumbs.is_empty()
                {
                    self.breadcrumbs = breadcrumbs(value);
                } else if types.iter().any(|t| {
                    t.ends_with("Organization") || t == "WebSite" || t == "NewsMediaOrganization"
                }) {
                    if let Some(name) = string(object.get("name")) {
                        self.site_names.push(name);
                    }
                    if let Some(name) = string(object.get("alternateName")) {
                        self.site_names.push(name);
                    }
                } else if let Some(main) = object.get("mainEntity") {
                    // A WebPage whose main entity is the article.
                    self.read_ld(main, depth + 1);
                }
            }
            _ => {}
        }
    }
}

/// A `<meta>` key as it is looked up: lowercased, without the `:`, `.`,
/// `_` and `-` that sites write differently (`article:published_time`,
/// `article:published:time`, `article_published_time`).
pub fn key(name: &str) -> String {
    name.chars()
        .filter(|c| !matches!(c, ':' | '.' | '_' | '-'))
        .flat_map(char::to_lowercase)
        .collect()
}

/// Every node of a JSON-LD value with an `@id` and a name: its name, and
/// whether it is an organization.
fn ld_nodes(value: &Value, depth: usize, out: &mut HashMap<String, (String, bool)>) {
    if depth > 8 {
        return;
    }
    match value {
        Value::Array(items) => items.iter().for_each(|v| ld_nodes(v, depth + 1, out)),
        Value::Object(object) => {
            if let (Some(id), Some(name)) = (string(object.get("@id")), string(object.get("name")))
            {
                let organization = types(value).iter().any(|t| t.ends_with("Organization"));
                out.entry(id).or_insert((name, organization));
            }
            object.values().for_each(|v| ld_nodes(v, depth + 1, out));
        }
        _ => {}
    }
}

/// Every `datePublished` and `dateCreated` in a JSON-LD value, outer
/// objects first.
fn ld_dates(value: &Value, depth: usize, out: &mut Vec<String>) {
    if depth > 8 {
        return;
    }
    match value {
        Value::Array(items) => items.iter().for_each(|v| ld_dates(v, depth + 1, out)),
        Value::Object(object) => {
            for name in ["datePublished", "dateCreated"] {
                if let Some(date) = string(object.get(name)) {
                    out.push(date);
                }
            }
            object.values().for_each(|v| ld_dates(v, depth + 1, out));
        }
        _ => {}
    }
}

/// Whether a microdata property belongs to the page or its article (no
/// item around it, or an article or a web page), not to an item inside it.
fn of_the_article(element: scraper::ElementRef) -> bool {
    let item = element
        .ancestors()
        .filter_map(scraper::ElementRef::wrap)
        .find(|a| a.value().attribute("itemscope").is_some());
    item.is_none_or(|item| {
        let kind = item.value().attribute("itemtype").unwrap_or("");
        kind.is_empty()
            || ARTICLE_TYPES.iter().any(|t| kind.ends_with(t))
            || kind.contains("WebPage")
    })
}

/// HTML entities decoded (twice: some pages encode them twice), normalized.
pub fn decode(text: &str) -> String {
    let once = html_escape::decode_html_entities(text);
    let twice = html_escape::decode_html_entities(&once);
    normalize(&twice)
}

/// JSON-LD as pages write it: with trailing commas, raw newlines in
/// strings, HTML comments or CDATA around it.
fn lenient_json(text: &str) -> Option<Value> {
    let mut text = text.trim();
    for (open, close) in [
        ("<!--", "-->"),
        ("//<![CDATA[", "//]]>"),
        ("<![CDATA[", "]]>"),
    ] {
        text = text.trim_start_matches(open).trim_end_matches(close).trim();
    }
    if let Ok(value) = serde_json::from_str(text) {
        return Some(value);
    }
    static TRAILING_COMMA: LazyLock<regex::Regex> =
        LazyLock::new(|| crate::import::vocabulary::pattern(r",(\s*[}\]])"));
    let cleaned: String = text
        .chars()
        .map(|c| if c.is_control() { ' ' } else { c })
        .collect();
    let cleaned = TRAILING_COMMA.replace_all(&cleaned, "$1");
    serde_json::from_str(&cleaned).ok()
}

fn types(value: &Value) -> Vec<String> {
    match value.get("@type") {
        Some(Value::String(t)) => vec![t.trim_start_matches("schema:").to_owned()],
        Some(Value::Array(ts)) => ts
            .iter()
            .filter_map(Value::as_str)
            .map(|t| t.trim_start_matches("schema:").to_owned())
            .collect(),
        _ => Vec::new(),
    }
}

/// A string value, or the first of an array of them, decoded.
fn string(value: Option<&Value>) -> Option<String> {
    match value? {
        Value::String(s) => Some(decode(s)).filter(|s| !s.is_empty()),
        Value::Array(items) => items.iter().find_map(|v| string(Some(v))),
        Value::Number(n) => Some(n.to_string()),
        _ => None,
    }
}

fn ld_article(value: &Value) -> LdArticle {
    let get = |key: &str| value.get(key);
    let id_of = |v: Option<&Value>| match v {
        Some(Value::Object(o)) => string(o.get("@id")).or_else(|| string(o.get("url"))),
        other => string(other),
    };
    let identifier = match get("identifier") {
        Some(Value::Object(o)) => string(o.get("value")).or_else(|| string(o.get("@id"))),
        other => string(other),
    };
    let form = if types(value).iter().any(|t| t == "LiveBlogPosting") {
        Form::LiveBlog
    } else {
        Form::Story
    };
    LdArticle {
        form,
        headline: string(get("headline")).or_else(|| string(get("name"))),
        description: string(get("description")),
        published: string(get("datePublished")).or_else(|| string(get("dateCreated"))),
        modified: string(get("dateModified")),
        authors: authors(get("author").or_else(|| get("creator"))),
        section: string(get("articleSection")),
        identifier,
        url: string(get("url")).or_else(|| id_of(get("mainEntityOfPage"))),
        language: string(get("inLanguage")),
        publisher: get("publisher").and_then(|p| match p {
            Value::Object(o) => string(o.get("name")),
            other => string(Some(other)),
        }),
        views: views(get("interactionStatistic")),
    }
}

fn authors(value: Option<&Value>) -> Vec<LdAuthor> {
    match value {
        Some(Value::Array(items)) => items.iter().flat_map(|v| authors(Some(v))).collect(),
        Some(Value::String(name)) => {
            let name = decode(name);
            (!name.is_empty())
                .then_some(LdAuthor {
                    name,
                    organization: false,
                    reference: None,
                })
                .into_iter()
                .collect()
        }
        Some(object @ Value::Object(o)) => {
            let organization = types(object).iter().any(|t| t.ends_with("Organization"));
            match (string(o.get("name")), string(o.get("@id"))) {
                (Some(name), _) => vec![LdAuthor {
                    name,
                    organization,
                    reference: None,
                }],
                (None, Some(id)) => vec![LdAuthor {
                    name: String::new(),
                    organization,
                    reference: Some(id),
                }],
                (None, None) => Vec::new(),
            }
        }
        _ => Vec::new(),
    }
}

fn views(value: Option<&Value>) -> Option<u64> {
    match value? {
        Value::Array(items) => items.iter().find_map(|v| views(Some(v))),
        Value::Object(o) => {
            let kind = string(
                o.get("interactionType")
                    .map(|t| t.get("@type").unwrap_or(t)),
            )?;
            if !kind.contains("ReadAction")
                && !kind.contains("ViewAction")
                && !kind.contains("WatchAction")
            {
                return None;
            }
            match o.get("userInteractionCount")? {
                Value::Number(n) => n.as_u64(),
                Value::String(s) => s.trim().parse().ok(),
                _ => None,
            }
        }
        _ => None,
    }
}

fn breadcrumbs(value: &Value) -> Vec<String> {
    let mut items: Vec<(i64, String)> = Vec::new();
    let mut collect = |item: &Value| {
        let position = item
            .get("position")
            .and_then(Value::as_i64)
            .unwrap_or(i64::MAX);
        let name = string(item.get("name"))
            .or_else(|| item.get("item").and_then(|i| string(i.get("name"))));
        if let Some(name) = name {
            items.push((position, name));
        }
    };
    if let Some(Value::Array(list)) = value.get("itemListElement") {
        for entry in list {
            match entry {
                // Some sites nest each item in an array of its own.
                Value::Array(inner) => inner.iter().for_each(&mut collect),
                item => collect(item),
            }
        }
    }
    items.sort_by_key(|(p, _)| *p);
    items.into_iter().map(|(_, n)| n).collect()
}
