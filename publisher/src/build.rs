//! `news-widget build`: a site folder checked, then made into what partners
//! embed: every article's pre-rendered snippet and partner pages (share
//! page, frame pages, oEmbed answer), in every language, the site's index
//! for the embed-code page, and the pages' own scripts and styles.

use std::path::{Path, PathBuf};
use std::rc::Rc;

use news_widget::i18n::Lang;
use news_widget::model::{self, Document};

use crate::check::{check, Site};
use crate::pages::assets::ASSETS;
use crate::pages::index::{Entry, Index};
use crate::pages::share::ShareUrls;
use crate::pages::{frame, oembed, query_value, share, Page, Public, Publisher};
use crate::site::{FileStem, SiteDir};
use crate::snippet::{render, Embed, Theme};
use crate::{runtime, Failure, Problem};

/// What to build, and how the files will be served.
#[derive(Debug, Clone)]
pub struct Options {
    /// The site folder.
    pub site: SiteDir,
    /// Where the files go.
    pub out: PathBuf,
    /// The URL the site folder is served at (absolute, or root-relative).
    pub base: String,
    /// The URL of the widget's loader.
    pub widget: String,
    /// The URL of the widget's stylesheet, of the version the snippets are made with.
    pub stylesheet: String,
    /// The theme attribute of every snippet and page.
    pub theme: Option<Theme>,
    /// The absolute URL `out` is served at.
    pub public: Public,
    /// Who publishes the articles.
    pub publisher: Publisher,
}

/// Checks the site and writes, for every article and language, each of its
/// [`Page`]s; then `index.json` and the pages' assets. Nothing if the site
/// has problems. Returns how many files were written.
pub fn build(options: &Options) -> Result<usize, Failure> {
    let site =
        check(&[options.site.root().to_owned()]).map_err(|e| Failure::Usage(e.to_string()))?;
    let articles = named(&site)?;
    let runtime = runtime()?;
    let mut written = 0;
    let mut write = |path: &str, contents: &str| {
        write_file(&options.out.join(path), contents).map(|()| written += 1)
    };
    let mut index = Index {
        widget: options.widget.clone(),
        articles: Vec::new(),
    };
    for (file, stem, article) in articles {
        let path = options.site.url_path(&file);
        let src = model::resolve(&path, &options.base).ok_or_else(|| {
            Failure::Usage(format!("{}: no URL under {}", file.display(), options.base))
        })?;
        index
            .articles
            .push(Entry::new(&article, &stem, src.as_str()));
        // What link previews and WordPress read must be absolute.
        let mut absolute = article.clone();
        absolute.resolve_urls(&options.public.absolute(src.as_str()));
        let absolute = Rc::new(absolute);
        for lang in Lang::ALL {
            let embed = Embed {
                src: src.to_string(),
                lang,
                theme: options.theme,
                widget: options.widget.clone(),
                stylesheet: options.stylesheet.clone(),
            };
            let snippet = runtime.block_on(render(article.clone(), &embed));
            let path = |page: Page| page.path(&stem, lang);
            let url = |page: Page| options.public.absolute(&path(page));
            let urls = ShareUrls {
                page: url(Page::Share),
                oembed: url(Page::Oembed),
                embed_code: format!("../index.html?url={}", query_value(&url(Page::Share))),
            };
            let card = frame::card(
                Rc::clone(&absolute),
                lang,
                &urls.page,
                &options.stylesheet,
                options.theme,
            );
            let answer =
                oembed::answer(&absolute, &urls.page, &url(Page::Card), &options.publisher);
            let share = share::page(&absolute, lang, &snippet, &urls, &options.publisher);
            write(&path(Page::Snippet), &snippet)?;
            write(&path(Page::Share), &share)?;
            write(&path(Page::Frame), &frame::whole(&absolute, lang, &snippet))?;
            write(&path(Page::Card), &runtime.block_on(card))?;
            write(&path(Page::Oembed), &json(&answer)?)?;
        }
    }
    write("index.json", &json(&index)?)?;
    for (name, contents) in ASSETS {
        write(name, contents)?;
    }
    Ok(written)
}

fn json(value: &impl serde::Serialize) -> Result<String, Failure> {
    serde_json::to_string_pretty(value)
        .map(|json| json + "\n")
        .map_err(|e| Failure::Usage(e.to_string()))
}

fn write_file(path: &Path, contents: &str) -> Result<(), Failure> {
    if let Some(folder) = path.parent() {
        std::fs::create_dir_all(folder).map_err(|e| Failure::io(folder, e))?;
    }
    std::fs::write(path, contents).map_err(|e| Failure::io(path, e))
}

/// The site's articles with the stems of their files, or every problem of
/// the site (an id that cannot name a file among them).
fn named(site: &Site) -> Result<Vec<(PathBuf, FileStem, model::Article)>, Failure> {
    let mut problems = site.problems.clone();
    let mut articles = Vec::new();
    for (file, article) in &site.articles {
        match FileStem::of(&article.id) {
            Ok(stem) => articles.push((file.clone(), stem, article.clone())),
            Err(message) => problems.push(Problem::new(file, "id", message)),
        }
    }
    match problems.is_empty() {
        true => Ok(articles),
        false => Err(Failure::Problems(problems)),
    }
}
