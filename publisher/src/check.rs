//! A site's articles and date indexes checked with the widget's own model,
//! each alone (everything the widget would refuse, with its JSON path) and
//! together: links to files that are missing, ids used twice, a date index
//! listing an article published on another day.

use std::collections::HashMap;
use std::io;
use std::path::{Component, Path, PathBuf};

use news_widget::i18n::{DateStyle, Locale};
use news_widget::model::{
    Article, ArticleId, ArticleSummary, Block, DateIndex, Day, SafeUrl, TimeZone, Timestamp,
};

use crate::problem::{parse_all, Problem};

/// The documents of a site that parsed, and every problem found.
#[derive(Debug, Default)]
pub struct Site {
    /// The articles, with their files.
    pub articles: Vec<(PathBuf, Article)>,
    /// The date indexes, with their files.
    pub indexes: Vec<(PathBuf, DateIndex)>,
    /// How many files were read.
    pub files: usize,
    /// What is wrong, file by file.
    pub problems: Vec<Problem>,
}

/// What a URL in a document points to.
#[derive(Clone, Copy, PartialEq)]
enum Target<'a> {
    /// A photo, a video, a poster or a caption track.
    Media,
    /// The JSON of the article with this id.
    Article(&'a ArticleId),
}

/// Reads and checks every `.json` file in `paths` (files, or folders read
/// recursively). A file in a folder named `dates`, or with `items`, is a
/// date index; any other is an article. Fails only if a path cannot be read.
pub fn check(paths: &[PathBuf]) -> io::Result<Site> {
    let mut files = Vec::new();
    for path in paths {
        collect(path, &mut files)?;
    }
    let mut site = Site {
        files: files.len(),
        ..Site::default()
    };
    for file in files {
        let bytes = std::fs::read(&file)?;
        let parsed = if is_date_index(&file, &bytes) {
            parse_all(&bytes).map(|index| site.indexes.push((file.clone(), index)))
        } else {
            parse_all(&bytes).map(|article| site.articles.push((file.clone(), article)))
        };
        if let Err(errors) = parsed {
            let problems = errors.into_iter().map(|e| Problem::from_error(&file, e));
            site.problems.extend(problems);
        }
    }
    site.problems.extend(across(&site));
    Ok(site)
}

fn collect(path: &Path, files: &mut Vec<PathBuf>) -> io::Result<()> {
    if path.is_dir() {
        let mut entries: Vec<PathBuf> = std::fs::read_dir(path)?
            .map(|entry| entry.map(|e| e.path()))
            .collect::<io::Result<_>>()?;
        entries.sort();
        for entry in entries {
            if entry.is_dir() || entry.extension().is_some_and(|e| e == "json") {
                collect(&entry, files)?;
            }
        }
    } else {
        // A missing file is an error of the call, not a problem of the site.
        std::fs::metadata(path)
            .map_err(|e| io::Error::new(e.kind(), format!("{}: {e}", path.display())))?;
        files.push(path.to_owned());
    }
    Ok(())
}

fn is_date_index(file: &Path, bytes: &[u8]) -> bool {
    let in_dates = file
        .parent()
        .and_then(Path::file_name)
        .is_some_and(|dir| dir == "dates");
    let has_items = serde_json::from_slice::<serde_json::Map<String, serde_json::Value>>(bytes)
        .is_ok_and(|object| object.contains_key("items") && !object.contains_key("headline"));
    in_dates || has_items
}

/// The problems that only show with the files together.
/// A `viewCounter` whose last path segment is not the article's id: the
/// counter counts by that segment (`…/views/<id>`), so the views would go to
/// another article, or to none.
fn counter_mismatch(file: &Path, article: &Article) -> Option<Problem> {
    let url = article.view_counter.as_ref()?;
    let path = url.as_str().split(['?', '#']).next().unwrap_or_default();
    let last = path.rsplit('/').next().unwrap_or_default();
    (last != article.id.as_str()).then(|| {
        let message = format!(
            "ends in \"{last}\", not the article's id \"{}\": the counter would count another article",
            article.id.as_str()
        );
        Problem::new(file, "viewCounter", message)
    })
}

fn across(site: &Site) -> Vec<Problem> {
    let mut problems = Vec::new();
    let mut ids: HashMap<&str, &Path> = HashMap::new();
    let by_file: HashMap<PathBuf, &Article> = site
        .articles
        .iter()
        .map(|(file, article)| (normal(file), article))
        .collect();

    let linked = |file: &Path, path: &str, url: &SafeUrl, target: Target| {
        let mut found: Vec<Problem> = missing(file, path, url).into_iter().collect();
        let listed = local_file(file, url).and_then(|f| by_file.get(&f).copied());
        if let (Target::Article(id), Some(listed)) = (target, listed) {
            if listed.id != *id {
                let message = format!(
                    "names the article \"{}\", whose file says its id is \"{}\"",
                    id.as_str(),
                    listed.id.as_str()
                );
                found.push(Problem::new(file, path.replace(".src", ".id"), message));
            }
        }
        found
    };

    for (file, article) in &site.articles {
        if let Some(first) = ids.insert(article.id.as_str(), file) {
            let message = format!(
                "\"{}\" is already the id of {}",
                article.id.as_str(),
                first.display()
            );
            problems.push(Problem::new(file, "id", message));
            ids.insert(article.id.as_str(), first);
        }
        for (path, url, target) in article_links(article) {
            problems.extend(linked(file, &path, url, target));
        }
        problems.extend(counter_mismatch(file, article));
    }

    for (file, index) in &site.indexes {
        let named = file
            .file_stem()
            .and_then(|s| Day::parse(&s.to_string_lossy()).ok());
        if let Some(named) = named.filter(|named| *named != index.date) {
            let message = format!("the file is named for {named} but lists {}", index.date);
            problems.push(Problem::new(file, "date", message));
        }
        for (i, item) in index.items.iter().enumerate() {
            for (path, url, target) in summary_links(&format!("items[{i}]"), item) {
                problems.extend(linked(file, &path, url, target));
            }
            let listed = local_file(file, &item.src).and_then(|f| by_file.get(&f).copied());
            let published = [
                (format!("items[{i}].published"), Some(&item.published)),
                (
                    format!("items[{i}].src"),
                    listed.map(|article| &article.published),
                ),
            ];
            for (path, stamp) in published {
                let day = stamp.and_then(|stamp| day_in(stamp, &index.time_zone));
                if let Some(day) = day.filter(|day| *day != index.date) {
                    let message = format!(
                        "the article was published on {day} ({}), not on {}",
                        index.time_zone.as_str(),
                        index.date
                    );
                    problems.push(Problem::new(file, path, message));
                }
            }
        }
    }
    problems
}

/// Every URL of `article` that points to a file, with its JSON path.
fn article_links(article: &Article) -> Vec<(String, &SafeUrl, Target<'_>)> {
    let mut links = Vec::new();
    for (i, block) in article.body.iter().enumerate() {
        match block {
            Block::Image(image) => {
                links.push((format!("body[{i}].image.src"), &image.src, Target::Media))
            }
            Block::Video(video) => {
                let at = |field: String| format!("body[{i}].video.{field}");
                for (j, source) in video.sources.items().iter().enumerate() {
                    links.push((at(format!("sources[{j}].src")), &source.src, Target::Media));
                }
                if let Some(poster) = &video.poster {
                    links.push((at("poster".into()), poster, Target::Media));
                }
                for (j, track) in video.tracks.iter().enumerate() {
                    links.push((at(format!("tracks[{j}].src")), &track.src, Target::Media));
                }
            }
            _ => {}
        }
    }
    for (i, item) in article.related.iter().enumerate() {
        links.extend(summary_links(&format!("related[{i}]"), item));
    }
    links
}

/// The URLs of a list item at the JSON path `at` that point to files.
fn summary_links<'a>(at: &str, item: &'a ArticleSummary) -> Vec<(String, &'a SafeUrl, Target<'a>)> {
    let mut links = vec![(format!("{at}.src"), &item.src, Target::Article(&item.id))];
    if let Some(thumb) = &item.thumbnail {
        links.push((format!("{at}.thumbnail.src"), &thumb.src, Target::Media));
    }
    links
}

/// The file a relative `url` in `file` names, if it is a relative URL.
fn local_file(file: &Path, url: &SafeUrl) -> Option<PathBuf> {
    let url = url.as_str();
    let relative = !url.contains(':') && !url.starts_with('/');
    let path = url
        .split(['?', '#'])
        .next()
        .filter(|p| relative && !p.is_empty())?;
    Some(normal(&file.parent()?.join(path)))
}

/// `path` with `.` and `..` worked out, without asking the file system.
fn normal(path: &Path) -> PathBuf {
    let mut out = PathBuf::new();
    for part in path.components() {
        match part {
            Component::CurDir => {}
            Component::ParentDir if out.file_name().is_some() => {
                out.pop();
            }
            other => out.push(other),
        }
    }
    out
}

fn missing(file: &Path, path: &str, url: &SafeUrl) -> Option<Problem> {
    let target = local_file(file, url)?;
    (!target.exists()).then(|| {
        let message = format!("points to a missing file, {}", target.display());
        Problem::new(file, path, message)
    })
}

/// The calendar day of `at` in `zone`.
fn day_in(at: &Timestamp, zone: &TimeZone) -> Option<Day> {
    Day::parse(&Locale::default().date(at, zone, DateStyle::Iso)).ok()
}
