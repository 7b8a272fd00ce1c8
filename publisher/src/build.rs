//! `news-widget build`: a site folder checked, then made into what partners
//! embed: every article's pre-rendered snippet, in every language.

use std::path::PathBuf;

use news_widget::i18n::Lang;
use news_widget::model;

use crate::check::{check, Site};
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
    /// The theme attribute of every snippet.
    pub theme: Option<Theme>,
}

/// Checks the site and writes `<id>.<lang>.html` for every article and
/// language; nothing if the site has problems. Returns how many files were written.
pub fn build(options: &Options) -> Result<usize, Failure> {
    let site =
        check(&[options.site.root().to_owned()]).map_err(|e| Failure::Usage(e.to_string()))?;
    let articles = named(&site)?;
    std::fs::create_dir_all(&options.out).map_err(|e| Failure::io(&options.out, e))?;
    let runtime = runtime()?;
    let mut written = 0;
    for (file, stem, article) in articles {
        let path = options.site.url_path(&file);
        let src = model::resolve(&path, &options.base).ok_or_else(|| {
            Failure::Usage(format!("{}: no URL under {}", file.display(), options.base))
        })?;
        for lang in Lang::ALL {
            let embed = Embed {
                src: src.to_string(),
                lang,
                theme: options.theme,
                widget: options.widget.clone(),
                stylesheet: options.stylesheet.clone(),
            };
            let snippet = runtime.block_on(render(article.clone(), &embed));
            let path = options.out.join(format!("{stem}.{}.html", lang.tag()));
            std::fs::write(&path, snippet).map_err(|e| Failure::io(&path, e))?;
            written += 1;
        }
    }
    Ok(written)
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
