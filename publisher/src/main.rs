//! `news-widget`: the publisher's command line, a thin layer over the
//! `publisher` library. Exit status: 0 when all is well, 1 when problems
//! were found, 2 when the command itself is wrong (usage, unreadable files).

use std::path::PathBuf;
use std::process::ExitCode;

use clap::{Parser, Subcommand, ValueEnum};
use news_widget::i18n::Lang;
use news_widget::model;
use publisher::build::{self, Options};
use publisher::check::check;
use publisher::import::{self, draft::SiteZone};
use publisher::pages::{Public, Publisher};
use publisher::problem::{count, parse_all};
use publisher::site::SiteDir;
use publisher::snippet::{render, Embed, Theme};
use publisher::{runtime, Failure, Problem};

/// Imports a newsroom's articles, checks its article files and makes the embed snippets partners paste.
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
        /// The interface language (vi or en).
        #[arg(long, value_parser = lang, default_value = "vi")]
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
    /// Import articles into a site folder from what a newsroom publishes
    ///
    /// A SOURCE is an article's HTML file, a folder of them, an RSS, Atom or
    /// JSON Feed, a sitemap (or sitemap index, or Google News sitemap), a
    /// WordPress REST answer (`/wp-json/wp/v2/posts?_embed`), or an http(s)
    /// URL of any of these. Writes OUT/articles/<id>.json, then every
    /// article's related list and date index link and OUT/dates/<day>.json
    /// from everything in OUT. Exit status 1 if a source was skipped.
    Import {
        /// Pages, folders, feeds, sitemaps, WordPress answers, or their URLs.
        #[arg(required = true)]
        sources: Vec<String>,
        /// The site folder to write (made if missing; its articles are kept).
        #[arg(long)]
        out: PathBuf,
        /// The address saved files had on the web (FILE's URL is this plus
        /// its name); else a saved page's canonical link is used.
        #[arg(long)]
        base_url: Option<String>,
        /// The newsroom's IANA time zone: for times a page gives without an
        /// offset, and the days of the date indexes.
        #[arg(long, default_value = "Asia/Ho_Chi_Minh")]
        time_zone: String,
        /// The language (BCP 47) of articles whose page does not say.
        #[arg(long)]
        lang: Option<String>,
        /// Save photos into OUT/media/ instead of linking to the originals.
        #[arg(long)]
        download_media: bool,
        /// Read only local files: fetch nothing from the web (photo sizes
        /// not in the markup are then guessed, with a warning).
        #[arg(long)]
        offline: bool,
        /// How long one request may take, in seconds.
        #[arg(long, default_value_t = 20)]
        timeout: u64,
        /// The URL of a view counter (`news-widget counter`) without the
        /// article's id: each article's `viewCounter` is this followed by
        /// its id, e.g. `https://count.example/views/`.
        #[arg(long, value_name = "URL_PREFIX")]
        counter: Option<String>,
        /// How to print the outcome: a line per article, or a JSON array of
        /// `{ source, file, id, warnings }` (and `skipped` with why).
        #[arg(long, value_enum, default_value_t = Format::Text)]
        format: Format,
    },
    /// Check a site folder, then write every article's snippets and partner pages
    ///
    /// Per article and language, in OUT: the snippet (<id>.<lang>.html), the
    /// share page (share/), the frame pages (frame/: the whole article; card/:
    /// the card of an oEmbed frame) and the oEmbed answer (oembed/<id>.<lang>.json);
    /// then index.json and the embed-code page (index.html). Writes nothing
    /// if the site has problems.
    Build {
        /// The site folder (its articles in `articles/`, its date indexes in `dates/`).
        site: PathBuf,
        /// Where the files go.
        #[arg(long)]
        out: PathBuf,
        /// The absolute URL OUT is served at (`https://news.example/embed/`):
        /// WordPress and link previews need absolute URLs. Root-relative
        /// URLs of the other options are paths on its origin.
        #[arg(long)]
        public: String,
        /// The publisher's name, for oEmbed and the share pages [default: the host of --public]
        #[arg(long)]
        publisher: Option<String>,
        /// The publisher's home page [default: the root of --public's origin]
        #[arg(long)]
        publisher_url: Option<String>,
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
    /// Run the view counter of a site's articles
    ///
    /// `POST /views/<id>` counts a view and answers `{"viewCount": N}`;
    /// `GET /views/<id>` answers without counting. A reader counts once per
    /// article per day (the newsroom's day, in the article's zone), told
    /// apart by a keyed hash of the day's random salt, IP, user agent and
    /// article; no IP or user agent is stored. The publisher's stats are at
    /// `/stats.json` and `/stats.csv`, and its dashboard at `/`, behind the
    /// token. Runs until SIGTERM or Ctrl-C, and writes everything first.
    Counter {
        /// The site folder whose articles are counted (each starts from its
        /// `viewCount`); re-read when it changes.
        #[arg(long)]
        site: PathBuf,
        /// A SQLite file (made when missing), or a `postgres://` URL for
        /// several counter processes that share one count.
        #[arg(long)]
        db: String,
        /// The address to listen on.
        #[arg(long, default_value = "127.0.0.1:8081")]
        listen: std::net::SocketAddr,
        /// A file holding the publisher's token (16 characters or more) for
        /// the stats and the dashboard.
        #[arg(long)]
        token_file: PathBuf,
        /// Behind a proxy or CDN: the header it puts the reader's address in
        /// (`X-Forwarded-For`: its last address). Without it, the
        /// connection's peer is the reader.
        #[arg(long, value_name = "HEADER")]
        client_ip_header: Option<String>,
    },
}

/// How results are printed.
#[derive(Clone, Copy, ValueEnum)]
enum Format {
    /// One line each: `file: json.path: what is wrong`.
    Text,
    /// A JSON array of `{ file, path, message }`, for machines.
    Json,
}

fn main() -> ExitCode {
    match run(Cli::parse().command) {
        Ok(()) => ExitCode::SUCCESS,
        Err(Failure::Problems(problems)) => {
            report(&problems, Format::Text);
            ExitCode::from(1)
        }
        Err(Failure::Usage(message)) => {
            eprintln!("error: {message}");
            ExitCode::from(2)
        }
    }
}

fn run(command: Command) -> Result<(), Failure> {
    match command {
        Command::Validate { paths, format } => {
            let site = check(&paths).map_err(|e| Failure::Usage(e.to_string()))?;
            report(&site.problems, format);
            eprintln!(
                "{} checked: {}, {}; {}",
                count(site.files, "file", "files"),
                count(site.articles.len(), "article", "articles"),
                count(site.indexes.len(), "date index", "date indexes"),
                count(site.problems.len(), "problem", "problems"),
            );
            match site.problems.is_empty() {
                true => Ok(()),
                // Printed above, in the format asked for.
                false => Err(Failure::Problems(Vec::new())),
            }
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
            let bytes = std::fs::read(&article).map_err(|e| Failure::io(&article, e))?;
            let parsed = parse_all(&bytes).map_err(|errors| {
                let problems = errors.into_iter();
                Failure::Problems(problems.map(|e| Problem::from_error(&article, e)).collect())
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
        Command::Import {
            sources,
            out,
            base_url,
            time_zone,
            lang,
            download_media,
            offline,
            timeout,
            counter,
            format,
        } => {
            let counter = counter
                .map(|prefix| import::CounterPrefix::new(&prefix))
                .transpose()
                .map_err(|e| Failure::Usage(format!("--counter {e}")))?;
            let zone = jiff::tz::db().get(&time_zone).map_err(|_| {
                Failure::Usage(format!(
                    "--time-zone {time_zone:?} is not an IANA time zone"
                ))
            })?;
            let base_url = base_url
                .map(|u| {
                    url::Url::parse(&u)
                        .map_err(|e| Failure::Usage(format!("--base-url {u:?}: {e}")))
                })
                .transpose()?;
            let lang = lang
                .map(|l| {
                    match l.split('-').all(|p| {
                        !p.is_empty()
                            && p.len() <= 8
                            && p.chars().all(|c| c.is_ascii_alphanumeric())
                    }) {
                        true => Ok(l),
                        false => Err(Failure::Usage(format!(
                            "--lang {l:?} is not a BCP 47 language tag"
                        ))),
                    }
                })
                .transpose()?;
            let options = import::Options {
                site: SiteDir::new(&out),
                base_url,
                zone: SiteZone {
                    name: time_zone,
                    zone,
                },
                lang,
                download_media,
                offline,
                timeout: std::time::Duration::from_secs(timeout.max(1)),
                counter,
            };
            let outcomes = import::run(&sources, &options)?;
            match format {
                Format::Text => {
                    for outcome in &outcomes {
                        let from = outcome.origin().shown();
                        match outcome {
                            import::Outcome::Imported { file, warnings, .. } => {
                                println!("imported {from} → {}", file.display());
                                for warning in warnings {
                                    println!("  warning: {warning}");
                                }
                            }
                            import::Outcome::Skipped { why, .. } => {
                                println!("skipped {from}: {why}")
                            }
                        }
                    }
                }
                Format::Json => match serde_json::to_string_pretty(&outcomes) {
                    Ok(json) => println!("{json}"),
                    Err(e) => eprintln!("error: {e}"),
                },
            }
            let skipped = outcomes.iter().filter(|o| o.is_skipped()).count();
            eprintln!(
                "{} imported, {} skipped, into {}",
                count(outcomes.len() - skipped, "article", "articles"),
                skipped,
                out.display()
            );
            match skipped {
                0 => Ok(()),
                _ => Err(Failure::Problems(Vec::new())),
            }
        }
        Command::Counter {
            site,
            db,
            listen,
            token_file,
            client_ip_header,
        } => {
            let client_ip = match client_ip_header {
                None => counter::http::ClientIpSource::Peer,
                Some(name) => {
                    counter::http::ClientIpSource::Header(name.parse().map_err(|_| {
                        Failure::Usage(format!("--client-ip-header {name:?} is not a header name"))
                    })?)
                }
            };
            let options = counter::Options {
                site,
                db: counter::store::Database::parse(&db),
                listen,
                token: counter::http::Token::read(&token_file)
                    .map_err(|e| Failure::Usage(e.to_string()))?,
                client_ip,
            };
            counter::run(options, |addr| {
                eprintln!("counting views on http://{addr}/ (dashboard at /)")
            })
            .map_err(|e| Failure::Usage(e.to_string()))
        }
        Command::Build {
            site,
            out,
            public,
            publisher,
            publisher_url,
            base,
            widget,
            stylesheet,
            theme,
        } => {
            let public =
                Public::new(&public).map_err(|e| Failure::Usage(format!("--public {e}")))?;
            let publisher = Publisher {
                name: publisher.unwrap_or_else(|| public.host().to_owned()),
                url: match publisher_url {
                    Some(url) => absolute_or_rooted("--publisher-url", &url)
                        .map(|url| public.absolute(&url))?,
                    None => public.root(),
                },
            };
            let options = Options {
                site: SiteDir::new(site),
                base: absolute_or_rooted("--base", &base)?,
                out,
                widget,
                stylesheet,
                theme,
                public,
                publisher,
            };
            let written = build::build(&options)?;
            eprintln!(
                "{} written to {}",
                count(written, "file", "files"),
                options.out.display()
            );
            Ok(())
        }
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

/// A `--lang` value: `vi` or `en` (regional tags like `en-GB` too).
fn lang(tag: &str) -> Result<Lang, String> {
    Lang::from_tag(tag).ok_or_else(|| format!("{tag:?} is not vi or en"))
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
