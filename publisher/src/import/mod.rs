//! `news-widget import`: what a newsroom already publishes (article pages,
//! RSS/Atom/JSON feeds, sitemaps, WordPress's REST API), turned into a
//! site folder of the article format that `validate` passes and `build`
//! makes embeds of.
//!
//! The pipeline, one way: a source is read ([`fetch`], [`decode`]) and
//! recognized ([`kind`]); a page is extracted ([`page`]), a feed ([`feed`]),
//! a sitemap ([`sitemap`]) or a WordPress answer ([`wordpress`]) gives more
//! pages or articles; each [`draft::Draft`] has its photos settled
//! ([`media`]), is given an id no other article has ([`draft::id`]) and
//! becomes an article through the model; [`write`] writes the site. URLs
//! are checked where they enter ([`address`]); the words every heuristic
//! judges by are in [`vocabulary`]; why something was skipped is a
//! [`skip::Skip`], what was changed a [`warning::Warning`].

pub mod address;
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
pub mod skip;
pub mod vocabulary;
pub mod warning;
pub mod wordpress;
pub mod write;

use std::collections::HashMap;
use std::path::{Path, PathBuf};

use news_widget::model::{Article, ArticleId, SafeUrl};
use url::Url;

use self::address::WebUrl;
use self::draft::id::{self, Identity};
use self::draft::{Draft, Hints, SiteZone};
use self::fetch::{Fetched, Fetcher, Location};
use self::kind::Kind;
use self::media::Media;
use self::skip::Skip;
use self::warning::{Said, Warning};
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

/// Where an outcome came from: the source as given, and the page, feed
/// item or post of it, when the source had several.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Origin {
    /// The source as given.
    pub source: String,
    /// The item of it.
    pub item: Option<String>,
}

impl Origin {
    /// The source, and the item when it is not the source itself.
    pub fn shown(&self) -> String {
        match &self.item {
            Some(item) if *item != self.source => format!("{} {item}", self.source),
            _ => self.source.clone(),
        }
    }
}

/// What became of one article of a source (or of a source that gave none).
#[derive(Debug, Clone)]
pub enum Outcome {
    /// Written to the site.
    Imported {
        /// Where it came from.
        origin: Origin,
        /// The file written.
        file: PathBuf,
        /// The article's id.
        id: ArticleId,
        /// What the importer changed or guessed.
        warnings: Vec<Warning>,
    },
    /// Not imported, and why.
    Skipped {
        /// Where it came from.
        origin: Origin,
        /// Why.
        why: Skip,
    },
}

impl Outcome {
    /// Where it came from.
    pub fn origin(&self) -> &Origin {
        match self {
            Outcome::Imported { origin, .. } | Outcome::Skipped { origin, .. } => origin,
        }
    }

    /// Whether nothing was imported.
    pub fn is_skipped(&self) -> bool {
        matches!(self, Outcome::Skipped { .. })
    }
}

/// `--format json`: `{ source, item, file, id, warnings }`, or `skipped`
/// with why.
impl serde::Serialize for Outcome {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        #[derive(serde::Serialize)]
        struct Shown<'a> {
            source: &'a str,
            #[serde(skip_serializing_if = "Option::is_none")]
            item: Option<&'a str>,
            file: Option<&'a Path>,
            id: Option<&'a str>,
            warnings: Vec<String>,
            #[serde(skip_serializing_if = "Option::is_none")]
            skipped: Option<String>,
        }
        let origin = self.origin();
        let shown = match self {
            Outcome::Imported {
                file, id, warnings, ..
            } => Shown {
                source: &origin.source,
                item: origin.item.as_deref(),
                file: Some(file),
                id: Some(id.as_str()),
                warnings: warnings.iter().map(ToString::to_string).collect(),
                skipped: None,
            },
            Outcome::Skipped { why, .. } => Shown {
                source: &origin.source,
                item: origin.item.as_deref(),
                file: None,
                id: None,
                warnings: Vec::new(),
                skipped: Some(why.to_string()),
            },
        };
        shown.serialize(serializer)
    }
}

/// One thing to import: a source as given, where its bytes are, what
/// pointed to it said of it, and the article a feed gave in case its page
/// cannot be read.
#[derive(Debug, Clone)]
struct Job {
    origin: Origin,
    location: Location,
    hints: Hints,
    fallback: Option<Box<Draft>>,
}

impl Job {
    fn skipped(self, why: impl Into<Skip>) -> Found {
        Found::Skipped(self.origin, why.into())
    }
}

/// What reading one job gave.
enum Found {
    Draft(Origin, Box<Draft>),
    More(Vec<Job>),
    Skipped(Origin, Skip),
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
        let origin = Origin {
            source: source.clone(),
            item: None,
        };
        match Location::parse(source) {
            Ok(Location::File(path)) if path.is_dir() => {
                let files = html_files(&path).map_err(|e| Failure::io(&path, e))?;
                if files.is_empty() {
                    outcomes.push(Outcome::Skipped {
                        origin: origin.clone(),
                        why: Skip::EmptyFolder,
                    });
                }
                jobs.extend(files.into_iter().map(|file| Job {
                    origin: Origin {
                        source: source.clone(),
                        item: Some(file.display().to_string()),
                    },
                    location: Location::File(file),
                    hints: Hints::default(),
                    fallback: None,
                }));
            }
            Ok(location) => jobs.push(Job {
                origin,
                location,
                hints: Hints::default(),
                fallback: None,
            }),
            Err(why) => outcomes.push(Outcome::Skipped { origin, why }),
        }
    }

    // Sources give pages, feeds and sitemaps give more sources: read in
    // rounds, each round's jobs at once (results kept in order).
    let mut drafts: Vec<(Origin, Draft)> = Vec::new();
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
                Found::Draft(origin, draft) => drafts.push((origin, *draft)),
                Found::More(more) => jobs.extend(more),
                Found::Skipped(origin, why) => outcomes.push(Outcome::Skipped { origin, why }),
            }
        }
    }
    outcomes.extend(jobs.into_iter().map(|job| Outcome::Skipped {
        origin: job.origin,
        why: Skip::NestedTooDeep,
    }));

    // Photos, then an id no other article has, then the model's checks.
    let media = Media {
        fetcher: &fetcher,
        site: &options.site,
        download: options.download_media,
    };
    let settled: Vec<(Origin, Draft, draft::MediaLinks)> = pool.install(|| {
        use rayon::prelude::*;
        drafts
            .into_par_iter()
            .with_max_len(1)
            .map(|(origin, mut draft)| {
                if draft.language.is_none() {
                    draft.language.clone_from(&options.lang);
                }
                let links = media.settle(&mut draft);
                (origin, draft, links)
            })
            .collect()
    });
    let existing = write::existing(&options.site)?;
    let mut names = Names::of_site(&existing);
    let mut imported: Vec<(FileStem, Article)> = Vec::new();
    for (origin, draft, links) in settled {
        let result = names.allocate(&draft, &origin).and_then(|stem| {
            let (article, warnings) = draft.into_article(&options.zone, &links, &stem)?;
            Ok((stem, article, warnings))
        });
        match result {
            Ok((stem, article, warnings)) => {
                outcomes.push(Outcome::Imported {
                    origin,
                    file: options.site.article(&stem),
                    id: article.id.clone(),
                    warnings,
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
            Err(why) => outcomes.push(Outcome::Skipped { origin, why }),
        }
    }
    write::write(&options.site, existing, &imported, &options.zone)?;
    Ok(outcomes)
}

/// The ids in use, in the site and in this run, and which article has each.
struct Names {
    /// Each id's article.
    by_stem: HashMap<FileStem, Identity>,
    /// The articles this run imported, and where from.
    this_run: HashMap<Identity, Origin>,
}

impl Names {
    fn of_site(existing: &write::Existing) -> Names {
        let readable = existing
            .articles
            .iter()
            .map(|(stem, article)| (stem.clone(), Identity::of_article(article)));
        // A file that does not parse is some article: its id is taken.
        let unreadable = existing
            .unreadable
            .iter()
            .map(|stem| (stem.clone(), Identity::Unreadable));
        Names {
            by_stem: readable.chain(unreadable).collect(),
            this_run: HashMap::new(),
        }
    }

    /// The id `draft` is written under: the first of its candidates that no
    /// other article has (its own file, when the site has it already: a
    /// later run updates the article, never another one); or why not.
    fn allocate(&mut self, draft: &Draft, origin: &Origin) -> Result<FileStem, Skip> {
        let identity = Identity::of_draft(draft);
        if let Some(first) = self.this_run.get(&identity) {
            return Err(Skip::SameArticle(first.shown()));
        }
        let candidates = id::candidates(draft);
        let free = |stem: &FileStem| {
            self.by_stem
                .get(stem)
                .is_none_or(|other| *other == identity)
        };
        let stem = match candidates.iter().find(|s| free(s)) {
            Some(stem) => stem.clone(),
            // Only a hash is left, and another article has it: count on.
            None => {
                let last = candidates.last().map_or("article", FileStem::as_str);
                (2..)
                    .filter_map(|n| FileStem::new(&format!("{last}-{n}")).ok())
                    .find(|s| free(s))
                    .ok_or_else(|| Skip::Invalid("no free id".into()))?
            }
        };
        self.by_stem.insert(stem.clone(), identity.clone());
        self.this_run.insert(identity, origin.clone());
        Ok(stem)
    }
}

/// Reads one job: a page's draft, a feed's or sitemap's pages, or why not.
fn read(job: Job, fetcher: &Fetcher, options: &Options) -> Vec<Found> {
    let fetched = match fetcher.get(&job.location) {
        Ok(fetched) => fetched,
        Err(why) => return vec![fall_back(job, why.into())],
    };
    let kind = match kind::sniff(&fetched.bytes, fetched.content_type.as_deref()) {
        Ok(kind) => kind,
        Err(why) => return vec![fall_back(job, why.into())],
    };
    let base = match fetched.location.base() {
        Ok(base) => base,
        Err(why) => return vec![job.skipped(why)],
    };
    let child = |job: &Job, url: WebUrl, hints: Hints, fallback: Option<Box<Draft>>| Job {
        origin: Origin {
            source: job.origin.source.clone(),
            item: Some(url.to_string()),
        },
        location: Location::Web(url.into()),
        hints,
        fallback,
    };
    match kind {
        Kind::Page => vec![read_page(job, &fetched, base, options)],
        Kind::Feed => match feed::items(&fetched.bytes, &base, &options.zone) {
            Ok(items) if items.is_empty() => vec![job.skipped(Skip::EmptyFeed)],
            Ok(items) => {
                let mut found = Vec::new();
                let mut more = Vec::new();
                for item in items {
                    match item {
                        feed::Item::Full(draft) => {
                            let origin = Origin {
                                source: job.origin.source.clone(),
                                item: draft.url.as_ref().map(ToString::to_string),
                            };
                            found.push(Found::Draft(origin, draft));
                        }
                        feed::Item::Link {
                            url,
                            hints,
                            content,
                        } => more.push(child(&job, url, hints, content)),
                    }
                }
                if !more.is_empty() {
                    found.push(Found::More(more));
                }
                found
            }
            Err(why) => vec![job.skipped(why)],
        },
        Kind::Sitemap => match sitemap::read(&fetched.bytes, &base) {
            Ok(sitemap::Sitemap::Pages(pages)) if pages.is_empty() => {
                vec![job.skipped(Skip::EmptySitemap)]
            }
            Ok(sitemap::Sitemap::Pages(pages)) => vec![Found::More(
                pages
                    .into_iter()
                    .map(|(url, hints)| child(&job, url, hints, None))
                    .collect(),
            )],
            Ok(sitemap::Sitemap::Index(maps)) => vec![Found::More(
                maps.into_iter()
                    .map(|url| child(&job, url, Hints::default(), None))
                    .collect(),
            )],
            Err(why) => vec![job.skipped(why)],
        },
        Kind::WordPress => match wordpress::posts(&fetched.bytes, &base) {
            Ok(posts) if posts.is_empty() => vec![job.skipped(Skip::EmptyWordPress)],
            Ok(posts) => posts
                .into_iter()
                .map(|post| match post {
                    Ok(draft) => {
                        let origin = Origin {
                            source: job.origin.source.clone(),
                            item: draft.url.as_ref().map(ToString::to_string),
                        };
                        Found::Draft(origin, Box::new(draft))
                    }
                    Err(why) => Found::Skipped(job.origin.clone(), why),
                })
                .collect(),
            Err(why) => vec![job.skipped(why)],
        },
    }
}

/// A job whose source could not be read: the article its feed carried,
/// with a warning, if it has one; else skipped.
fn fall_back(job: Job, why: Skip) -> Found {
    match job.fallback {
        Some(mut draft) => {
            draft
                .warnings
                .push(Warning::FeedContentUsed(why.to_string()));
            Found::Draft(job.origin, draft)
        }
        None => Found::Skipped(job.origin, why),
    }
}

/// An article page's draft, with the address it had on the web.
fn read_page(job: Job, fetched: &Fetched, base: Url, options: &Options) -> Found {
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
    // What the server said of it, when nothing else did.
    let mut hints = job.hints.clone();
    if hints.published.is_none() {
        hints.published = fetched.last_modified.map(|d| (d, Said::LastModified));
    }
    match article_from_html(
        &fetched.bytes,
        fetched.content_type.as_deref(),
        &base,
        page_url.as_ref(),
        &hints,
    ) {
        Ok(mut draft) => {
            // The web address it had, given or from its canonical link.
            let address = page_url.or_else(|| draft.url.clone().map(Url::from));
            if let (Location::File(file), Some(page)) = (&fetched.location, address) {
                draft.find_local_photos(&page, file);
            }
            Found::Draft(job.origin, Box::new(draft))
        }
        Err(why) => fall_back(job, why),
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
/// web, if known; `hints` what pointed to it said of it.
pub fn article_from_html(
    bytes: &[u8],
    content_type: Option<&str>,
    base: &Url,
    page_url: Option<&Url>,
    hints: &Hints,
) -> Result<Draft, Skip> {
    let text = decode::text(bytes, content_type)?;
    Ok(page::extract(&text, base, page_url, hints))
}
