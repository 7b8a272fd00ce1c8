//! `news-widget import`: what a newsroom already publishes (article pages,
//! RSS/Atom/JSON feeds, sitemaps, WordPress's REST API), turned into a
//! site folder of the article format that `validate` passes and `build`
//! makes embeds of.
//!
//! A source is read ([`fetch`]) and recognized ([`kind`]); a page is
//! extracted ([`page`]), a feed ([`feed`]), a sitemap ([`sitemap`]) or a
//! WordPress answer ([`wordpress`]) gives more pages or articles; each
//! [`draft::Draft`] has its photos settled ([`media`]) and becomes an
//! article through the model; [`write`] writes the site.

pub mod date;
pub mod decode;
pub mod draft;
pub mod feed;
pub mod fetch;
pub mod kind;
pub mod media;
pub mod nesting;
pub mod page;
pub mod sitemap;
pub mod warning;
pub mod wordpress;
pub mod write;

use std::path::{Path, PathBuf};

use news_widget::model::{Article, ArticleId, SafeUrl};
use regex::Regex;
use url::Url;

use self::draft::{Draft, SiteZone};
use self::fetch::{Fetcher, Location};
use self::kind::Kind;
use self::media::Media;
use self::page::Hints;
use crate::site::{FileStem, SiteDir};
use crate::Failure;

/// How many sources are read at once.
const CONCURRENCY: usize = 4;
/// How deep sitemap indexes are followed.
const MAX_SITEMAP_DEPTH: usize = 3;

/// How to import.
pub struct Options {
    /// The site folder written to.
    pub site: SiteDir,
    /// The address saved files had on the web (their relative links resolve
    /// against it, and it is their canonical URL when they name none).
    pub base_url: Option<Url>,
    /// The newsroom's zone: for times without an offset, and the date indexes.
    pub zone: SiteZone,
    /// The language of articles whose page does not say.
    pub lang: Option<String>,
    /// Save photos into `media/` instead of linking to them.
    pub download_media: bool,
    /// Never fetch anything from the web.
    pub offline: bool,
    /// How long one request may take.
    pub timeout: std::time::Duration,
    /// Where the articles' view counter is, if they have one.
    pub counter: Option<CounterPrefix>,
}

/// `--counter`: the URL of a view counter without the article's id;
/// each article's `viewCounter` is this followed by its id
/// (`https://count.example/views/` makes `https://count.example/views/20122`).
#[derive(Debug, Clone)]
pub struct CounterPrefix(String);

impl CounterPrefix {
    /// `prefix`, if it ends a URL the model takes (`http(s):` or relative).
    pub fn new(prefix: &str) -> Result<CounterPrefix, String> {
        let sample = format!("{prefix}id");
        SafeUrl::try_from(sample).map_err(|e| format!("{prefix:?}: {e}"))?;
        Ok(CounterPrefix(prefix.to_owned()))
    }

    /// The counter's URL for the article `id`.
    pub fn url(&self, id: &ArticleId) -> Option<SafeUrl> {
        format!("{}{}", self.0, id.as_str()).try_into().ok()
    }
}

/// What became of one article of a source.
#[derive(Debug, Clone, serde::Serialize)]
pub struct Outcome {
    /// The source as given.
    pub source: String,
    /// The page, feed item or post it came from, when the source had several.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub item: Option<String>,
    /// The file written.
    pub file: Option<PathBuf>,
    /// The article's id.
    pub id: Option<String>,
    /// What the importer changed or guessed.
    pub warnings: Vec<String>,
    /// Why nothing was imported, if so.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub skipped: Option<String>,
}

/// One thing to import: a source as given, and where its bytes are.
#[derive(Debug, Clone)]
struct Job {
    source: String,
    item: Option<String>,
    location: Location,
    hints: Hints,
}

/// What reading one job gave.
enum Found {
    Draft(Job, Box<Draft>),
    More(Vec<Job>),
    Skipped(Job, String),
}

/// Imports `sources` into the site; one outcome per article (or skipped source).
pub fn run(sources: &[String], options: &Options) -> Result<Vec<Outcome>, Failure> {
    let fetcher = Fetcher::new(options.offline, options.timeout);
    let pool = rayon::ThreadPoolBuilder::new()
        .num_threads(CONCURRENCY)
        .build()
        .map_err(|e| Failure::Usage(e.to_string()))?;

    let mut jobs = Vec::new();
    let mut outcomes = Vec::new();
    for source in sources {
        match Location::parse(source) {
            Ok(Location::File(path)) if path.is_dir() => {
                let files = html_files(&path).map_err(|e| Failure::io(&path, e))?;
                if files.is_empty() {
                    outcomes.push(skipped(source, None, "a folder without .html files".into()));
                }
                jobs.extend(files.into_iter().map(|file| Job {
                    source: source.clone(),
                    item: Some(file.display().to_string()),
                    location: Location::File(file),
                    hints: Hints::default(),
                }));
            }
            Ok(location) => jobs.push(Job {
                source: source.clone(),
                item: None,
                location,
                hints: Hints::default(),
            }),
            Err(why) => outcomes.push(skipped(source, None, why)),
        }
    }

    // Sources give pages, feeds and sitemaps give more sources: read in
    // rounds, each round's jobs at once (results kept in order).
    let mut drafts: Vec<(Job, Draft)> = Vec::new();
    for _ in 0..=MAX_SITEMAP_DEPTH + 1 {
        if jobs.is_empty() {
            break;
        }
        let found: Vec<Vec<Found>> = pool.install(|| {
            use rayon::prelude::*;
            // One job per task: a fetch waits on the network, and a thread
            // left with a run of jobs would fetch them one by one while
            // the others idle.
            std::mem::take(&mut jobs)
                .into_par_iter()
                .with_max_len(1)
                .map(|job| read(job, &fetcher, options))
                .collect()
        });
        for found in found.into_iter().flatten() {
            match found {
                Found::Draft(job, draft) => drafts.push((job, *draft)),
                Found::More(more) => jobs.extend(more),
                Found::Skipped(job, why) => outcomes.push(skipped(&job.source, job.item, why)),
            }
        }
    }
    for job in jobs {
        outcomes.push(skipped(
            &job.source,
            job.item,
            "sitemaps nested too deep".into(),
        ));
    }

    // Photos, then the model's checks; an id imported twice in one run keeps the first.
    let media = Media {
        fetcher: &fetcher,
        site: &options.site,
        download: options.download_media,
    };
    let settled: Vec<(Job, Draft, draft::MediaLinks)> = pool.install(|| {
        use rayon::prelude::*;
        drafts
            .into_par_iter()
            .with_max_len(1)
            .map(|(job, mut draft)| {
                if draft.language.is_none() {
                    draft.language.clone_from(&options.lang);
                }
                let links = media.settle(&mut draft);
                (job, draft, links)
            })
            .collect()
    });
    let mut imported: Vec<(FileStem, Article)> = Vec::new();
    let mut pending: Vec<Outcome> = Vec::new();
    for (job, draft, links) in settled {
        let result = draft.stem().and_then(|stem| {
            let (article, warnings) = draft.into_article(&options.zone, &links)?;
            Ok((
                stem,
                article,
                warnings.iter().map(ToString::to_string).collect::<Vec<_>>(),
            ))
        });
        match result {
            Ok((stem, article, warnings)) => {
                if imported.iter().any(|(s, _)| *s == stem) {
                    pending.push(skipped(
                        &job.source,
                        job.item,
                        format!("the id {stem} was imported already from another source"),
                    ));
                    continue;
                }
                pending.push(Outcome {
                    source: job.source,
                    item: job.item,
                    file: Some(options.site.article(&stem)),
                    id: Some(article.id.as_str().to_owned()),
                    warnings,
                    skipped: None,
                });
                let view_counter = options.counter.as_ref().and_then(|c| c.url(&article.id));
                imported.push((
                    stem,
                    Article {
                        view_counter,
                        ..article
                    },
                ));
            }
            Err(why) => pending.push(skipped(&job.source, job.item, why)),
        }
    }
    write::write(&options.site, &imported, &options.zone)?;
    outcomes.extend(pending);
    Ok(outcomes)
}

fn skipped(source: &str, item: Option<String>, why: String) -> Outcome {
    Outcome {
        source: source.to_owned(),
        item,
        file: None,
        id: None,
        warnings: Vec::new(),
        skipped: Some(why),
    }
}

/// Reads one job: a page's draft, a feed's or sitemap's pages, or why not.
fn read(job: Job, fetcher: &Fetcher, options: &Options) -> Vec<Found> {
    let fetched = match fetcher.get(&job.location) {
        Ok(fetched) => fetched,
        Err(why) => return vec![Found::Skipped(job, why)],
    };
    let kind = match kind::sniff(&fetched.bytes, fetched.content_type.as_deref()) {
        Ok(kind) => kind,
        Err(why) => return vec![Found::Skipped(job, why)],
    };
    let base = match fetched.location.base() {
        Ok(base) => base,
        Err(why) => return vec![Found::Skipped(job, why)],
    };
    let child = |job: &Job, url: Url, hints: Hints| Job {
        source: job.source.clone(),
        item: Some(url.to_string()),
        location: Location::Web(url),
        hints,
    };
    match kind {
        Kind::Page => {
            // A saved file: its address on the web, if the publisher gave it.
            let (base, page_url) = match (&fetched.location, &options.base_url, &job.location) {
                (Location::File(_), Some(site), Location::File(path)) => {
                    let name = path
                        .file_name()
                        .map(|n| n.to_string_lossy().into_owned())
                        .unwrap_or_default();
                    match site.join(&name) {
                        Ok(url) => (url.clone(), Some(url)),
                        Err(_) => (base, None),
                    }
                }
                (Location::Web(url), _, _) => (base.clone(), Some(url.clone())),
                _ => (base, None),
            };
            match article_from_html(
                &fetched.bytes,
                fetched.content_type.as_deref(),
                &base,
                page_url.as_ref(),
                &job.hints,
            ) {
                Ok(mut draft) => {
                    // The web address it had, given or from its canonical link.
                    let address = page_url.clone().or_else(|| draft.url.clone());
                    if let (Location::File(file), Some(page)) = (&fetched.location, address) {
                        draft.find_local_photos(&page, file);
                    }
                    vec![Found::Draft(job, Box::new(draft))]
                }
                Err(why) => vec![Found::Skipped(job, why)],
            }
        }
        Kind::Feed => match feed::items(&fetched.bytes, &base, &options.zone) {
            Ok(items) if items.is_empty() => {
                vec![Found::Skipped(job, "a feed without items".into())]
            }
            Ok(items) => {
                let mut found = Vec::new();
                let mut more = Vec::new();
                for item in items {
                    match item {
                        feed::Item::Full(draft) => {
                            let mut this = job.clone();
                            this.item = draft.url.as_ref().map(ToString::to_string);
                            found.push(Found::Draft(this, draft));
                        }
                        feed::Item::Link(url, hints) => more.push(child(&job, url, hints)),
                    }
                }
                if !more.is_empty() {
                    found.push(Found::More(more));
                }
                found
            }
            Err(why) => vec![Found::Skipped(job, why)],
        },
        Kind::Sitemap => match sitemap::read(&fetched.bytes, &base) {
            Ok(sitemap::Sitemap::Pages(pages)) if pages.is_empty() => {
                vec![Found::Skipped(job, "a sitemap without pages".into())]
            }
            Ok(sitemap::Sitemap::Pages(pages)) => {
                vec![Found::More(
                    pages
                        .into_iter()
                        .map(|(url, hints)| child(&job, url, hints))
                        .collect(),
                )]
            }
            Ok(sitemap::Sitemap::Index(maps)) => {
                vec![Found::More(
                    maps.into_iter()
                        .map(|url| child(&job, url, Hints::default()))
                        .collect(),
                )]
            }
            Err(why) => vec![Found::Skipped(job, why)],
        },
        Kind::WordPress => match wordpress::posts(&fetched.bytes, &base) {
            Ok(posts) if posts.is_empty() => vec![Found::Skipped(
                job,
                "a WordPress answer without posts".into(),
            )],
            Ok(posts) => posts
                .into_iter()
                .map(|post| {
                    let mut this = job.clone();
                    match post {
                        Ok(draft) => {
                            this.item = draft.url.as_ref().map(ToString::to_string);
                            Found::Draft(this, Box::new(draft))
                        }
                        Err(why) => Found::Skipped(this, why),
                    }
                })
                .collect(),
            Err(why) => vec![Found::Skipped(job, why)],
        },
    }
}

/// The `.html` and `.htm` files in `dir` and its folders, sorted.
fn html_files(dir: &Path) -> std::io::Result<Vec<PathBuf>> {
    let mut files = Vec::new();
    let mut stack = vec![dir.to_owned()];
    while let Some(dir) = stack.pop() {
        for entry in std::fs::read_dir(&dir)? {
            let path = entry?.path();
            if path.is_dir() {
                stack.push(path);
            } else if path
                .extension()
                .is_some_and(|e| e.eq_ignore_ascii_case("html") || e.eq_ignore_ascii_case("htm"))
            {
                files.push(path);
            }
        }
    }
    files.sort();
    Ok(files)
}

/// One article page's bytes to a draft: decoded as it declares, and read.
/// `base` resolves its relative links; `page_url` is its address on the
/// web, if known.
pub fn article_from_html(
    bytes: &[u8],
    content_type: Option<&str>,
    base: &Url,
    page_url: Option<&Url>,
    hints: &Hints,
) -> Result<Draft, String> {
    let text = decode::text(bytes, content_type)?;
    Ok(page::extract(&text, base, page_url, hints))
}

/// A regular expression written in the source.
pub(crate) fn pattern(source: &str) -> Regex {
    Regex::new(source).expect("a static, valid pattern")
}
