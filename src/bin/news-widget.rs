//! `news-widget`: the publisher's command line, a thin layer over
//! `news_widget::publish`. Exit status: 0 when all is well, 1 when problems
//! were found, 2 when the command itself is wrong (usage, unreadable files).

use std::path::{Path, PathBuf};
use std::process::ExitCode;

use clap::{Parser, Subcommand, ValueEnum};
use news_widget::i18n::Lang;
use news_widget::model::{self, Article, Document};
use news_widget::publish::check::{check, Site};
use news_widget::publish::snippet::{render, Embed, Theme};
use news_widget::publish::Problem;

/// Checks a newsroom's article files and makes the embed snippets partners paste.
#[derive(Parser)]
#[command(name = "news-widget", version)]
struct Cli {
    #[command(subcommand)]
    command: Command,
}

#[derive(Subcommand)]
enum Command {
    /// Check article and date-index files, or whole folders
    ///
    /// With the widget's own model: every field the widget would refuse, with
    /// its JSON path; and across files: links to missing files, ids used
    /// twice, a date index listing an article published on another day.
    /// Exit status 1 if there is any problem.
    Validate {
        /// Files or folders (read recursively for `.json` files). Files in a
        /// folder named `dates`, or with `items`, are date indexes.
        #[arg(required = true)]
        paths: Vec<PathBuf>,
        /// How to print the problems.
        #[arg(long, value_enum, default_value_t = Format::Text)]
        format: Format,
    },
    /// Print the embed snippet of an article
    ///
    /// The <news-article> element with the article pre-rendered in its
    /// declarative shadow root, the fallback link, and the script tag.
    Render {
        /// The article's JSON file.
        article: PathBuf,
        /// The URL the article's JSON is served from (absolute, or
        /// root-relative); its relative URLs are resolved against it.
        #[arg(long)]
        src: String,
        /// The interface language.
        #[arg(long, value_enum, default_value_t = Lang::Vi)]
        lang: Lang,
        /// The theme attribute (the widget's default is light).
        #[arg(long, value_enum)]
        theme: Option<Theme>,
        /// The URL of the widget's loader.
        #[arg(long, default_value = "/news-widget.js")]
        widget: String,
        /// The URL of the widget's stylesheet, of the version the snippet is
        /// made with: `v/<version>/news-widget.css` beside the loader (the
        /// build's manifest.json names the version).
        #[arg(long)]
        stylesheet: String,
    },
    /// Check a site folder, then write every article's snippets
    ///
    /// One per article and language, to OUT/<id>.<lang>.html. Writes nothing
    /// if the site has problems.
    Build {
        /// The site folder (its articles in `articles/`, its date indexes in `dates/`).
        site: PathBuf,
        /// Where the snippets go.
        #[arg(long)]
        out: PathBuf,
        /// The URL the site folder is served at: an article's `src` is this
        /// plus its path in the folder.
        #[arg(long, default_value = "/site/")]
        base: String,
        /// The URL of the widget's loader.
        #[arg(long, default_value = "/news-widget.js")]
        widget: String,
        /// The URL of the widget's stylesheet (see `render --help`).
        #[arg(long)]
        stylesheet: String,
        /// The theme attribute of every snippet.
        #[arg(long, value_enum)]
        theme: Option<Theme>,
    },
}

/// How problems are printed.
#[derive(Clone, Copy, ValueEnum)]
enum Format {
    /// One line each: `file: json.path: what is wrong`.
    Text,
    /// A JSON array of `{ file, path, message }`, for machines.
    Json,
}

/// Why the tool stops: problems in the files, or a wrong command.
enum Failure {
    Problems,
    Usage(String),
}

fn main() -> ExitCode {
    match run(Cli::parse().command) {
        Ok(()) => ExitCode::SUCCESS,
        Err(Failure::Problems) => ExitCode::from(1),
        Err(Failure::Usage(message)) => {
            eprintln!("error: {message}");
            ExitCode::from(2)
        }
    }
}

fn run(command: Command) -> Result<(), Failure> {
    match command {
        Command::Validate { paths, format } => {
            let site = read(&paths)?;
            report(&site.problems, format);
            eprintln!(
                "{} files checked: {} articles, {} date indexes; {} problems",
                site.files,
                site.articles.len(),
                site.indexes.len(),
                site.problems.len()
            );
            clean(&site)
        }
        Command::Render {
            article,
            src,
            lang,
            theme,
            widget,
            stylesheet,
        } => {
            let src = absolute_or_rooted("--src", &src)?;
            let bytes = std::fs::read(&article).map_err(|e| io(&article, e))?;
            let parsed = Article::parse(&bytes).map_err(|error| {
                report(&[Problem::from_error(&article, error)], Format::Text);
                Failure::Problems
            })?;
            let embed = Embed {
                src,
                lang,
                theme,
                widget,
                stylesheet,
            };
            print!("{}", runtime()?.block_on(render(parsed, &embed)));
            Ok(())
        }
        Command::Build {
            site,
            out,
            base,
            widget,
            stylesheet,
            theme,
        } => {
            let base = absolute_or_rooted("--base", &base)?;
            let checked = read(std::slice::from_ref(&site))?;
            // A snippet is named for its article's id: it must make a file name.
            let unnamable = checked.articles.iter().filter_map(|(file, article)| {
                let id = article.id.as_str();
                let usable = !id.starts_with('.')
                    && id.chars().all(|c| c.is_alphanumeric() || "-_.".contains(c));
                let message =
                    format!("\"{id}\" cannot name a snippet file (letters, digits, - _ . only)");
                (!usable).then(|| Problem::new(file, "id", message))
            });
            let problems: Vec<Problem> =
                checked.problems.iter().cloned().chain(unnamable).collect();
            report(&problems, Format::Text);
            if !problems.is_empty() {
                return Err(Failure::Problems);
            }
            std::fs::create_dir_all(&out).map_err(|e| io(&out, e))?;
            let runtime = runtime()?;
            let mut written = 0;
            for (file, article) in checked.articles {
                let src = model::resolve(&relative_url(&site, &file), &base).ok_or_else(|| {
                    Failure::Usage(format!("{}: no URL under {base}", file.display()))
                })?;
                for lang in Lang::ALL {
                    let embed = Embed {
                        src: src.to_string(),
                        lang,
                        theme,
                        widget: widget.clone(),
                        stylesheet: stylesheet.clone(),
                    };
                    let snippet = runtime.block_on(render(article.clone(), &embed));
                    let path = out.join(format!("{}.{}.html", article.id.as_str(), lang.tag()));
                    std::fs::write(&path, snippet).map_err(|e| io(&path, e))?;
                    written += 1;
                }
            }
            eprintln!("{written} snippets written to {}", out.display());
            Ok(())
        }
    }
}

fn read(paths: &[PathBuf]) -> Result<Site, Failure> {
    check(paths).map_err(|e| Failure::Usage(e.to_string()))
}

fn clean(site: &Site) -> Result<(), Failure> {
    match site.problems.is_empty() {
        true => Ok(()),
        false => Err(Failure::Problems),
    }
}

fn report(problems: &[Problem], format: Format) {
    match format {
        Format::Text => problems.iter().for_each(|p| println!("{p}")),
        Format::Json => match serde_json::to_string_pretty(problems) {
            Ok(json) => println!("{json}"),
            Err(e) => eprintln!("error: {e}"),
        },
    }
}

fn io(path: &Path, error: std::io::Error) -> Failure {
    Failure::Usage(format!("{}: {error}", path.display()))
}

/// `file`'s path inside `site`, as URL path segments.
fn relative_url(site: &Path, file: &Path) -> String {
    let inside = file.strip_prefix(site).unwrap_or(file);
    let parts: Vec<String> = inside
        .components()
        .map(|part| part.as_os_str().to_string_lossy().into_owned())
        .collect();
    parts.join("/")
}

/// Where renders run: Yew's server-side rendering is async.
fn runtime() -> Result<tokio::runtime::Runtime, Failure> {
    tokio::runtime::Builder::new_current_thread()
        .build()
        .map_err(|e| Failure::Usage(e.to_string()))
}

/// `url` if it is an absolute `http(s)` URL or starts with `/`: what a URL
/// the snippets carry, and its relative URLs resolve against, must be.
fn absolute_or_rooted(option: &str, url: &str) -> Result<String, Failure> {
    let absolute = model::resolve(url, url).is_some_and(|resolved| resolved.as_str() == url);
    match absolute || url.starts_with('/') {
        true => Ok(url.to_owned()),
        false => Err(Failure::Usage(format!(
            "{option} {url:?} must be an http(s) URL or start with /"
        ))),
    }
}
