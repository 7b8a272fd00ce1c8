//! The site's index for the embed-code page (`index.json`): every article
//! with the addresses a partner may paste to find it (its JSON, its page on
//! the publisher's site, its share pages) and where its partner files are.
//! Paths of the partner files are relative to the index; `src` and `widget`
//! are as `build` was given them (absolute, or root-relative on the
//! public origin); the page resolves them against the index's URL.

use std::collections::BTreeMap;

use news_widget::i18n::Lang;
use news_widget::model::Article;
use serde::Serialize;

use super::Page;
use crate::site::FileStem;

/// The index.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Index {
    /// The widget's loader.
    pub widget: String,
    /// The articles, in the order of their files.
    pub articles: Vec<Entry>,
}

/// One article.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Entry {
    /// The publisher's id.
    pub id: String,
    /// The headline, for the partner to see they found the right one.
    pub headline: String,
    /// The article's page on the publisher's site, if it has one.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub url: Option<String>,
    /// The article's JSON, as the widget loads it.
    pub src: String,
    /// Per language (`vi`, `en`), each partner file's path.
    pub pages: BTreeMap<&'static str, BTreeMap<Page, String>>,
}

impl Entry {
    /// The entry of `article`, whose files are named `stem` and whose JSON is `src`.
    pub fn new(article: &Article, stem: &FileStem, src: &str) -> Entry {
        let pages = Lang::ALL
            .iter()
            .map(|&lang| {
                let paths = Page::ALL.iter().map(|&p| (p, p.path(stem, lang)));
                (lang.tag(), paths.collect())
            })
            .collect();
        Entry {
            id: article.id.as_str().to_owned(),
            headline: article.headline.as_str().to_owned(),
            url: article.url.as_ref().map(|u| u.as_str().to_owned()),
            src: src.to_owned(),
            pages,
        }
    }
}
