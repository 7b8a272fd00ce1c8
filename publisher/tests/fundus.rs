//! The importer on pages it was not tuned on: the test pages of fundus
//! (flairNLP/fundus, `tests/fixtures/import/fundus/`, see SOURCES.md), 235
//! pages of about 180 publishers in 40 countries, each with what fundus's
//! own parser for that site extracts from it. Every page is imported as
//! `news-widget import page.html` reads a saved file and compared with the
//! raw label; the test prints a row per page and the table, and fails
//! below the floors of issue 24.
//!
//! `CORPUS_DUMP=<page>` prints what one page became; `FUNDUS_ONLY=<text>`
//! scores only the pages whose name contains it (floors are then not held).

mod scoring;

use std::path::PathBuf;

use news_widget::model::{plain, Article, Block};
use serde::Deserialize;

use scoring::{
    first80, hold_to_floors, images, letters, name_set, normal, paragraphs, percent, tick, Score,
};

const FUNDUS: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/fixtures/import/fundus");

/// fundus's expected output for a page (the fields scored).
#[derive(Deserialize)]
struct Label {
    title: String,
    #[serde(default)]
    authors: Vec<String>,
    publishing_date: String,
    body: Body,
    #[serde(default)]
    images: Vec<LabelImage>,
}

#[derive(Deserialize)]
struct Body {
    #[serde(default)]
    summary: Vec<String>,
    #[serde(default)]
    sections: Vec<Section>,
}

#[derive(Deserialize)]
struct Section {
    #[serde(default)]
    headline: Vec<String>,
    #[serde(default)]
    paragraphs: Vec<String>,
}

#[derive(Deserialize)]
struct LabelImage {
    #[serde(default)]
    caption: Option<String>,
    #[serde(default)]
    authors: Vec<String>,
}

/// A field whose value fundus writes to a convention of its own.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Field {
    Headline,
    Authors,
    Published,
}

/// Where fundus's convention differs from ours, the value our convention
/// gives, named with the page and why: the field is scored against it
/// instead of the label, and no rule is bent to fundus's habit.
struct Convention {
    page: &'static str,
    field: Field,
    /// Our value (authors separated by `; `).
    ours: &'static str,
    why: &'static str,
}

const CONVENTIONS: &[Convention] = &[
    // Headlines: ours is the visible one (README, "Importing"); fundus's
    // parsers often take a title written for search engines or sharing.
    Convention {
        page: "NZZ_2024_07_18",
        field: Field::Headline,
        ours: "Krieg in Nahost: USA schliessen provisorischen Hafen vor Gaza-Küste +++ Israel schickt Panzer in Norden von Rafah",
        why: "the visible <h1> (the first JSON-LD headline too); fundus takes the <title>",
    },
    Convention {
        page: "TagesAnzeiger_2026_05_18",
        field: Field::Headline,
        ours: "Trump plant Helikopterlandeplatz beim Weissen Haus",
        why: "the visible <h1>; fundus takes the og:title, which adds \"– während sein Ballsaal-Projekt stockt\"",
    },
    Convention {
        page: "ZwanzigMinuten_2025_11_06",
        field: Field::Headline,
        ours: "Lebensmittel gegen Erkältung: Die richtige Ernährung zur Genesung",
        why: "the visible <h1>; fundus takes the og:title, worded otherwise (an SEO title)",
    },
    Convention {
        page: "People_2024_04_24",
        field: Field::Headline,
        ours: "促进航天技术更好惠及人民――习近平主席向首届\"中国－拉美和加勒比国家航天合作论坛\"致贺信为中拉深化航天合作指明方向",
        why: "the visible <h1>; fundus takes the <title>, with the site's \"--时政--人民网\"",
    },
    Convention {
        page: "BR_2024_08_27",
        field: Field::Headline,
        ours: "Nahost-Ticker: Palästinenser mutmaßlich von Siedlern erschossen",
        why: "the visible <h1> of the live ticker's latest entry; fundus takes the JSON-LD headline of the ticker",
    },
    Convention {
        page: "DieWelt_2024_08_27",
        field: Field::Headline,
        ours: "Voigt, Höcke und der Vorwurf einer Lüge vor laufender Kamera",
        why: "the visible <h2> (under \"Wahlkampf in Thüringen\"); fundus takes the og:title, whose kicker differs",
    },
    Convention {
        page: "FAZ_2023_04_28",
        field: Field::Headline,
        ours: "49-Euro-Ticket: Pendler sparen 60 Prozent bei Bus und Bahn",
        why: "the visible <h2>; fundus takes the og:title, worded otherwise (an SEO title)",
    },
    Convention {
        page: "FAZ_2024_04_17",
        field: Field::Headline,
        ours: "Ein großer Tummelplatz für russische Spione",
        why: "the visible <h2> under its label \"Spionagedrehscheibe Schweiz\"; fundus takes the SEO title of the breadcrumb <h1> and og:title",
    },
    Convention {
        page: "Kicker_2024_04_26",
        field: Field::Headline,
        ours: "MSV-Interimstrainer Schubert: \"Nicht mehr viel zu verlieren\"",
        why: "the visible <h1>; fundus takes the og:title, worded otherwise (an SEO title)",
    },
    Convention {
        page: "LTO_2025_10_20",
        field: Field::Headline,
        ours: "Waffenlieferungen an Israel: Palästinenser legt Verfassungsbeschwerde ein",
        why: "the visible <h1>; fundus takes the og:title, worded otherwise (an SEO title)",
    },
    Convention {
        page: "MDR_2023_04_28",
        field: Field::Headline,
        ours: "Schlachtbetriebe: Das harte Geschäft mit dem Tod: Warum immer weniger in Thüringen geschlachtet wird",
        why: "the visible <h1>, its kicker \"Schlachtbetriebe\" joined; fundus takes the JSON-LD headline",
    },
    Convention {
        page: "SpiegelOnline_2023_04_28",
        field: Field::Headline,
        ours: "Kollaps der Silicon Valley Bank: US-Notenbank räumt Versäumnisse bei Aufsicht ein",
        why: "the visible <h2>, its kicker joined; fundus takes the og:title, worded otherwise",
    },
    Convention {
        page: "TOnline_2026_04_15",
        field: Field::Headline,
        ours: "Nach erneuter Kritik an Papst Leo: Trump postet schon wieder Jesus-KI-Foto",
        why: "the visible headline with its kicker, joined as the og:title joins them; fundus takes the headline alone (JSON-LD)",
    },
    Convention {
        page: "WAZ_2023_06_29",
        field: Field::Headline,
        ours: "\"Wegovy\": So teuer wird die Abnehmspritze für Fettleibige",
        why: "the visible <h2>; fundus takes the og:title, worded otherwise (an SEO title)",
    },
    Convention {
        page: "ZDF_2025_11_07",
        field: Field::Headline,
        ours: "Warum Putin vor einer \"Zerschlagung Russlands\" warnt",
        why: "the visible <h1>; fundus takes the og:title, worded otherwise (an SEO title)",
    },
    Convention {
        page: "HankookIlbo_2025_05_15",
        field: Field::Headline,
        ours: "\"왜 경상도, 전라도 나눠서 싸우나\"... DJ 고향에서 '국민 통합' 외친 이재명",
        why: "the visible <h1>, its quotation marks kept; fundus takes the JSON-LD headline without them",
    },
    Convention {
        page: "LBCGroup_2026_01_08",
        field: Field::Headline,
        ours: "\"شعر وردي ي\u{64f}شعل السخرية\"… لغز لون شعر دونالد ترامب يربك الجمهور وخبير يشرح السبب",
        why: "the visible <h1>, its quotation marks kept; fundus takes the og:title without them",
    },
    Convention {
        page: "NRK_2024_08_05",
        field: Field::Headline,
        ours: "Tårene rant for norsk OL-håp – så kom sjokkvendingen",
        why: "the visible <h1>; fundus takes the og:title, worded otherwise (an SEO title)",
    },
    Convention {
        page: "VerdensGang_2024_08_05",
        field: Field::Headline,
        ours: "Fredrik (27) og Vetle (30) er på et ekstremt eventyr «ingen har tenkt på før»: – Magisk",
        why: "the visible <h1>; fundus takes the og:title, worded otherwise (an SEO title)",
    },
    Convention {
        page: "Aftonbladet_2026_08_02",
        field: Field::Headline,
        ours: "Zelenskyj vädjar efter nya attackerna: \"Kritiskt att partner förstår\"",
        why: "the visible <h1>; fundus takes the og:title, worded otherwise (an SEO title)",
    },
    Convention {
        page: "Haberturk_2024_07_03",
        field: Field::Headline,
        ours: "Türkiye'de orman yangınları! Yangınlarda son durum!",
        why: "the visible <h1>; fundus keeps the section's \" - Güncel haberler\" of the titles",
    },
    Convention {
        page: "DailyMail_2024_04_27",
        field: Field::Headline,
        ours: "Your $1 bill could be worth up THOUSANDS - here's how to check if you have the rare buck",
        why: "the visible <h1>; fundus takes the JSON-LD headline, worded otherwise (an SEO title)",
    },
    Convention {
        page: "DailyStar_2024_04_23",
        field: Field::Headline,
        ours: "'I sell Walt Disney World holidays - booking the right day could save you thousands'",
        why: "the visible <h1>; fundus takes the og:title, worded otherwise (an SEO title)",
    },
    Convention {
        page: "EuronewsEN_2024_04_30",
        field: Field::Headline,
        ours: "Swedish police to investigate reports of information leaks to violent gangs",
        why: "the visible <h1>; fundus takes the og:title, worded otherwise (an SEO title)",
    },
    Convention {
        page: "EuronewsEN_2026_01_06",
        field: Field::Headline,
        ours: "As Trump pitches Venezuelan oil dream for US companies, experts warn it won't be cheap or easy",
        why: "the visible <h1>; fundus takes the og:title, worded otherwise (an SEO title)",
    },
    Convention {
        page: "EveningStandard_2024_05_02",
        field: Field::Headline,
        ours: "Chelsea send clear message of intent on proud day at Cobham in battling win over Tottenham",
        why: "the visible <h1>; fundus takes the og:title, worded otherwise (an SEO title)",
    },
    Convention {
        page: "EveningStandard_2024_10_24",
        field: Field::Headline,
        ours: "Tony Blair: Why there has to be compromise to end the Ukraine war",
        why: "the visible <h1>; fundus takes the og:title, worded otherwise (an SEO title)",
    },
    Convention {
        page: "Express_2024_07_18",
        field: Field::Headline,
        ours: "Prince Harry and Meghan Markle LIVE: 'Whining' couple 'won't recover' from 'terrible' snub",
        why: "the visible <h1>; fundus takes the og:title, worded otherwise (an SEO title)",
    },
    Convention {
        page: "Metro_2024_07_17",
        field: Field::Headline,
        ours: "Five key policies announced in first King's Speech of Labour government",
        why: "the visible <h1>; fundus takes the JSON-LD headline, worded otherwise (an SEO title)",
    },
    Convention {
        page: "Metro_2024_11_29",
        field: Field::Headline,
        ours: "Sweden tells 5,000,000 households 'how to survive WWIII' in new war pamphlet",
        why: "the visible <h1>; fundus takes the JSON-LD headline, worded otherwise (an SEO title)",
    },
    Convention {
        page: "TheIndependent_2024_11_22",
        field: Field::Headline,
        ours: "Australian teenager becomes sixth to die in Laos 'methanol poisoning' as police detain hostel bosses",
        why: "the visible <h1>; fundus takes the JSON-LD headline, worded otherwise (an SEO title)",
    },
    Convention {
        page: "TheMirror_2024_08_05",
        field: Field::Headline,
        ours: "UK riots LIVE: Plymouth stand-off sees far-right protesters 'throw stones' as 3 cops injured",
        why: "the visible <h1>; fundus takes the og:title, worded otherwise (an SEO title)",
    },
    Convention {
        page: "TheSun_2024_04_22",
        field: Field::Headline,
        ours: "Who is Man City star Phil Foden's girlfriend Rebecca Cooke and how many children do couple have?",
        why: "the visible <h1>; fundus takes the JSON-LD headline, which ends in \"...\"",
    },
    Convention {
        page: "APNews_2024_09_03",
        field: Field::Headline,
        ours: "The presidential campaigns brace for an intense sprint to Election Day",
        why: "the visible <h1>; fundus takes the JSON-LD headline, worded otherwise (an SEO title)",
    },
    Convention {
        page: "Wired_2024_04_28",
        field: Field::Headline,
        ours: "The Best Sleeping Bags for Every Adventure",
        why: "the visible <h1>; fundus takes the JSON-LD headline, worded otherwise (an SEO title)",
    },
    Convention {
        page: "DailyMaverick_2026_01_06",
        field: Field::Headline,
        ours: "Joburg has failed its informal traders: there is a solution, here's what the City needs to do",
        why: "the visible <h1>; fundus takes the og:title, worded otherwise (an SEO title)",
    },
    // Authors: ours are the people (and agencies) a byline names; fundus's
    // parsers give the site's name where the page names no one, and keep
    // the codes and places some bylines add.
    Convention {
        page: "ORF_2024_11_22",
        field: Field::Authors,
        ours: "",
        why: "the page names no writer; fundus gives the site's name",
    },
    Convention {
        page: "SalzburgerNachrichten_2025_06_05",
        field: Field::Authors,
        ours: "",
        why: "the page names no writer; fundus gives the site's name",
    },
    Convention {
        page: "SalzburgerNachrichten_2026_01_06",
        field: Field::Authors,
        ours: "",
        why: "the page names no writer; fundus gives the site's name",
    },
    Convention {
        page: "Nieuwsblad_2025_02_02",
        field: Field::Authors,
        ours: "",
        why: "the page names no writer; fundus gives the site's name",
    },
    Convention {
        page: "BR_2024_08_27",
        field: Field::Authors,
        ours: "",
        why: "the page names no writer; fundus gives the site's name (\"BR24 Redaktion\")",
    },
    Convention {
        page: "Focus_2023_04_28",
        field: Field::Authors,
        ours: "",
        why: "the page names no writer; fundus gives the site's name",
    },
    Convention {
        page: "Kicker_2024_04_26",
        field: Field::Authors,
        ours: "",
        why: "the page names no writer; fundus gives the site's name",
    },
    Convention {
        page: "NDR_2025_06_18",
        field: Field::Authors,
        ours: "",
        why: "the page names no writer; fundus gives the site's name",
    },
    Convention {
        page: "LesEchos_2024_07_18",
        field: Field::Authors,
        ours: "",
        why: "the page names no writer; fundus gives the site's name",
    },
    Convention {
        page: "Bhaskar_2024_09_04",
        field: Field::Authors,
        ours: "",
        why: "the page names no writer; fundus gives the site's name",
    },
    Convention {
        page: "Morgunbladid_2025_04_16",
        field: Field::Authors,
        ours: "",
        why: "the page names no writer; fundus gives the site's name",
    },
    Convention {
        page: "TokyoShimbun_2025_01_13",
        field: Field::Authors,
        ours: "",
        why: "the page names no writer; fundus gives the site's name",
    },
    Convention {
        page: "YomiuriShimbun_2024_12_03",
        field: Field::Authors,
        ours: "",
        why: "the page names no writer; fundus gives the site's name",
    },
    Convention {
        page: "Landesspiegel_2025_06_30",
        field: Field::Authors,
        ours: "",
        why: "the page names no writer; fundus gives the site's name",
    },
    Convention {
        page: "BBC_2024_08_01",
        field: Field::Authors,
        ours: "",
        why: "the page names no writer; fundus gives the site's name",
    },
    Convention {
        page: "EuronewsEN_2024_04_30",
        field: Field::Authors,
        ours: "",
        why: "the byline says \"By Euronews with Agencies\": the site and no one; fundus gives the site",
    },
    Convention {
        page: "APNews_2023_04_28",
        field: Field::Authors,
        ours: "",
        why: "the page names no writer; fundus gives the site's name",
    },
    Convention {
        page: "Dizindaba_2025_11_16",
        field: Field::Authors,
        ours: "",
        why: "the page names no writer; fundus gives the site's name",
    },
    Convention {
        page: "SpiegelOnline_2023_04_28",
        field: Field::Authors,
        ours: "",
        why: "the page names no writer; fundus gives the site's name",
    },
    Convention {
        page: "TheGuardian_2024_02_24",
        field: Field::Authors,
        ours: "",
        why: "the page names no writer; fundus gives the staff credit \"Guardian staff reporter\"",
    },
    Convention {
        page: "SRF_2025_01_05",
        field: Field::Authors,
        ours: "anna trechsel; monika bolliger",
        why: "the byline's place (\"Sweidah\") is no writer; fundus keeps it",
    },
    Convention {
        page: "JungeWelt_2026_05_18",
        field: Field::Authors,
        ours: "anna martel; lea wagner",
        why: "the byline's place (\"Nairobi\") is no writer; fundus keeps it",
    },
    Convention {
        page: "NTV_2024_08_05",
        field: Field::Authors,
        ours: "seb dumitru",
        why: "the byline's place (\"Lille\") is no writer; fundus keeps it",
    },
    Convention {
        page: "SportSchau_2024_04_25",
        field: Field::Authors,
        ours: "dpa; sid",
        why: "the page credits \"Quelle: sid/dpa\"; fundus gives the site",
    },
    Convention {
        page: "Haberturk_2024_07_03",
        field: Field::Authors,
        ours: "anadolu ajansı",
        why: "the page credits the agency (Anadolu Ajansı); fundus gives the site",
    },
    Convention {
        page: "TOnline_2026_04_15",
        field: Field::Authors,
        ours: "charlotta siemer; julian seiferth",
        why: "the byline shows \"Von Julian Seiferth, Charlotta Siemer\"; fundus takes the JSON-LD's, with the site",
    },
    Convention {
        page: "LeFigaro_2024_11_22",
        field: Field::Authors,
        ours: "afp",
        why: "the byline credits AFP; fundus joins the site to it (\"Le Figaro et AFP\")",
    },
    Convention {
        page: "People_2024_04_24",
        field: Field::Authors,
        ours: "",
        why: "the page names only its responsible editors (责编), who are not the writers; fundus gives them",
    },
    Convention {
        page: "SRF_2024_04_15",
        field: Field::Authors,
        ours: "",
        why: "the page gives its editors' codes (\"srf/hosb;kesm\"), no names; fundus keeps the codes",
    },
    Convention {
        page: "Postillon_2024_04_25",
        field: Field::Authors,
        ours: "",
        why: "the page gives its writers' codes (\"dan, ssi\"), no names; fundus keeps the codes",
    },
    // Publication dates.
    Convention {
        page: "KlasseGegenKlasse_2026_01_07",
        field: Field::Published,
        ours: "2026-01-06 00:00:00",
        why: "the page shows 06.01.2026 (6 January, a day without a time); fundus reads it as 1 June",
    },
    Convention {
        page: "WDR_2024_04_22",
        field: Field::Published,
        ours: "2024-04-22 06:00:00+02:00",
        why: "the page shows \"Stand: 22.04.2024, 06:00 Uhr\" and DC.Date 2024-04-22T06:00+02:00; fundus keeps the day",
    },
    Convention {
        page: "Landesspiegel_2025_06_30",
        field: Field::Published,
        ours: "2025-06-30 07:48:14+02:00",
        why: "the dateline's <time datetime> is 2025-06-30T07:48:14+02:00; fundus keeps the JSON-LD's day",
    },
    Convention {
        page: "RollingStone_2024_04_25",
        field: Field::Published,
        ours: "2024-04-25 08:21:02+00:00",
        why: "the JSON-LD says 08:21:02Z; fundus gives New York's wall clock (04:21:02) without its offset",
    },
];

/// A page and its label.
struct Case {
    name: String,
    file: PathBuf,
    html: Vec<u8>,
    label: Label,
}

fn cases() -> Vec<Case> {
    let only = std::env::var("FUNDUS_ONLY").ok();
    let mut files: Vec<PathBuf> = std::fs::read_dir(FUNDUS)
        .expect("the fundus corpus")
        .map(|e| e.expect("an entry").path())
        .filter(|p| p.is_dir())
        .flat_map(|dir| {
            std::fs::read_dir(dir)
                .expect("a country")
                .map(|e| e.expect("an entry").path())
                .collect::<Vec<_>>()
        })
        .filter(|p| p.to_string_lossy().ends_with(".html.gz"))
        .collect();
    files.sort();
    files
        .into_iter()
        .filter_map(|file| {
            let name = file
                .file_name()?
                .to_string_lossy()
                .trim_end_matches(".html.gz")
                .to_owned();
            if only.as_ref().is_some_and(|o| !name.contains(o.as_str())) {
                return None;
            }
            let label_file = file.with_file_name(format!("{name}.json"));
            let label: Label =
                serde_json::from_slice(&std::fs::read(&label_file).expect("the page's label"))
                    .unwrap_or_else(|e| panic!("{}: {e}", label_file.display()));
            Some(Case {
                html: scoring::gunzip(&file),
                name,
                file,
                label,
            })
        })
        .collect()
}

/// One page's marks.
#[derive(Default)]
struct Marks {
    headline: bool,
    /// The headline against fundus's own label, conventions aside.
    headline_raw: bool,
    /// The authors against fundus's own label, conventions aside.
    authors_raw: bool,
    authors: bool,
    published: bool,
    first: bool,
    last: bool,
    /// Captioned photos of the label kept with their caption, of all.
    captions: (usize, usize),
    /// Photo credits of the label found, of all.
    credits: (usize, usize),
    /// Words of the article's text (bags of words): ours, fundus's, both.
    words: (usize, usize, usize),
    detail: Vec<String>,
}

fn convention(case: &Case, field: Field) -> Option<&'static Convention> {
    CONVENTIONS
        .iter()
        .find(|c| c.page == case.name && c.field == field)
}

/// Whether our RFC 3339 stamp is the label's moment: the same instant to
/// the second (fundus keeps microseconds), or, where fundus gives a wall
/// clock without an offset, the same wall clock. Where fundus's seconds are
/// `:00` (it read a clock shown to the minute; the page's metadata may
/// give the seconds), to the minute.
fn same_moment(ours: &str, label: &str) -> bool {
    let label = label.trim().replacen(' ', "T", 1);
    let to_the_minute = label.get(16..19) == Some(":00")
        && !label.get(19..).is_some_and(|rest| rest.starts_with('.'));
    let unit = if to_the_minute { 60 } else { 1 };
    let truncated = |at: jiff::Timestamp| at.as_second().div_euclid(unit);
    match label.parse::<jiff::Timestamp>() {
        Ok(theirs) => ours
            .parse::<jiff::Timestamp>()
            .is_ok_and(|o| truncated(o) == truncated(theirs)),
        Err(_) => {
            let wall = if to_the_minute { 16 } else { 19 };
            label.get(..wall).is_some_and(|wall| ours.starts_with(wall))
        }
    }
}

/// Text as a reader sees it: one kind of quote and apostrophe, no soft
/// hyphens or word joiners (invisible), whitespace runs as one space.
/// Pages and fundus's parsers write the same headline both ways.
fn as_read(text: &str) -> String {
    let plain: String = text
        .chars()
        .filter(|c| !matches!(c, '\u{ad}' | '\u{2060}' | '\u{200b}'))
        .map(|c| match c {
            '’' | '‘' | '‚' | '′' => '\'',
            '“' | '”' | '„' | '″' => '"',
            c => c,
        })
        .collect();
    normal(&plain)
}

/// Whether `wanted` is one of `texts`: its opening (60 letters and digits)
/// stands in one of them, so a paragraph that fundus cuts or joins
/// differently, or that opens with a dateline, still counts.
fn found(wanted: &str, texts: &[String]) -> bool {
    let key: String = letters(wanted).chars().take(60).collect();
    !key.is_empty() && texts.iter().any(|t| letters(t).contains(&key))
}

/// Whether two captions say the same, with or without the credit: the
/// shorter (letters and digits) stands in the longer and is most of it.
fn same_caption(theirs: &str, ours: &str) -> bool {
    let (a, b) = (letters(theirs), letters(ours));
    let (short, long) = if a.len() <= b.len() { (a, b) } else { (b, a) };
    !short.is_empty() && long.contains(&short) && short.len() * 10 >= long.len() * 6
}

fn words(text: &str) -> Vec<String> {
    text.split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .map(str::to_lowercase)
        .collect()
}

fn mark(case: &Case, article: Option<&Article>) -> Marks {
    let label = &case.label;
    let mut marks = Marks::default();
    // fundus lists some photos twice (a `<noscript>` copy, a carousel's
    // overlay template): a caption is scored once.
    let mut label_captions: Vec<&str> = Vec::new();
    for caption in label.images.iter().filter_map(|i| i.caption.as_deref()) {
        if !normal(caption).is_empty() && !label_captions.contains(&caption) {
            label_captions.push(caption);
        }
    }
    let label_credits: Vec<String> = label
        .images
        .iter()
        .filter(|i| !i.authors.is_empty())
        .map(|i| i.authors.join(", "))
        .collect();
    marks.captions.1 = label_captions.len();
    marks.credits.1 = label_credits.len();
    let Some(article) = article else {
        marks.detail.push("not imported".into());
        return marks;
    };

    let headline = as_read(article.headline.as_str());
    marks.headline_raw = as_read(&label.title) == headline;
    marks.headline = match convention(case, Field::Headline) {
        Some(c) => as_read(c.ours) == headline,
        None => marks.headline_raw,
    };
    if !marks.headline {
        marks
            .detail
            .push(format!("headline {headline:?} (fundus {:?})", label.title));
    }

    let ours = name_set(article.authors.iter().map(|a| a.name.as_str()));
    let raw = name_set(label.authors.iter().map(String::as_str));
    marks.authors_raw = ours == raw;
    let theirs = match convention(case, Field::Authors) {
        Some(c) => name_set(c.ours.split("; ").filter(|s| !s.is_empty())),
        None => raw,
    };
    marks.authors = ours == theirs;
    if !marks.authors {
        marks
            .detail
            .push(format!("authors {ours:?} (fundus {theirs:?})"));
    }

    marks.published = match convention(case, Field::Published) {
        Some(c) => same_moment(article.published.as_str(), c.ours),
        None => same_moment(article.published.as_str(), &label.publishing_date),
    };
    if !marks.published {
        marks.detail.push(format!(
            "published {} (fundus {})",
            article.published.as_str(),
            label.publishing_date
        ));
    }

    // The text as the widget shows it: the lead, then the body.
    let mut shown = vec![plain(&article.lead)];
    shown.extend(paragraphs(article));
    let label_paragraphs: Vec<&String> = label
        .body
        .sections
        .iter()
        .flat_map(|s| s.paragraphs.iter())
        .filter(|p| !normal(p).is_empty())
        .collect();
    if let Some(first) = label_paragraphs.first() {
        marks.first = found(first, &shown);
        if !marks.first {
            marks.detail.push(format!(
                "first {:?} (fundus {:?})",
                shown.get(1).map(|p| first80(p)),
                first80(first)
            ));
        }
    }
    if let Some(last) = label_paragraphs.last() {
        marks.last = found(last, &shown);
        if !marks.last {
            marks.detail.push(format!(
                "last {:?} (fundus {:?})",
                shown.last().map(|p| first80(p)),
                first80(last)
            ));
        }
    }

    let mut ours: Vec<(String, String)> = images(article)
        .iter()
        .map(|i| {
            let caption = plain(&i.caption);
            let credit = i.credit.as_ref().map(|c| c.as_str()).unwrap_or("");
            (caption, credit.to_owned())
        })
        .collect();
    for theirs in &label_captions {
        let at = ours.iter().position(|(caption, credit)| {
            same_caption(theirs, caption) || same_caption(theirs, &format!("{caption} {credit}"))
        });
        if let Some(at) = at {
            marks.captions.0 += 1;
            ours.remove(at);
        } else if std::env::var("FUNDUS_CAPTIONS").is_ok() {
            println!("  {} missed caption {:?}", case.name, first80(theirs));
        }
    }
    if std::env::var("FUNDUS_CAPTIONS").is_ok() && marks.captions.0 < marks.captions.1 {
        println!(
            "  {} ours: {:?}",
            case.name,
            images(article)
                .iter()
                .map(|i| first80(&plain(&i.caption)))
                .collect::<Vec<_>>()
        );
    }
    if marks.captions.0 < marks.captions.1 {
        marks.detail.push(format!(
            "captions {}/{}",
            marks.captions.0, marks.captions.1
        ));
    }
    let credits: Vec<String> = images(article)
        .iter()
        .filter_map(|i| i.credit.as_ref().map(|c| letters(c.as_str())))
        .chain(article.photo_credits.iter().map(|c| letters(c.as_str())))
        .filter(|c| !c.is_empty())
        .collect();
    marks.credits.0 = label_credits
        .iter()
        .filter(|c| {
            let c = letters(c);
            credits
                .iter()
                .any(|f| c.contains(f.as_str()) || f.contains(&c))
        })
        .count();
    if std::env::var("FUNDUS_CREDITS").is_ok() && marks.credits.0 < label_credits.len() {
        println!(
            "  {} credits {:?} ours {:?}",
            case.name, label_credits, credits
        );
    }

    let mut text: Vec<String> = label.body.summary.clone();
    for section in &label.body.sections {
        text.extend(section.headline.iter().cloned());
        text.extend(section.paragraphs.iter().cloned());
    }
    let theirs = words(&text.join(" "));
    let mut ours_text = vec![plain(&article.lead)];
    for block in &article.body {
        match block {
            Block::Paragraph(p) => ours_text.push(plain(&p.text)),
            Block::Heading(h) => ours_text.push(h.text.as_str().to_owned()),
            Block::Quote(q) => ours_text.push(plain(&q.text)),
            _ => {}
        }
    }
    let ours = words(&ours_text.join(" "));
    let mut bag: std::collections::HashMap<&str, usize> = std::collections::HashMap::new();
    for w in &theirs {
        *bag.entry(w.as_str()).or_default() += 1;
    }
    let mut both = 0;
    for w in &ours {
        if let Some(n) = bag.get_mut(w.as_str()).filter(|n| **n > 0) {
            *n -= 1;
            both += 1;
        }
    }
    marks.words = (ours.len(), theirs.len(), both);
    marks
}

#[test]
fn the_fundus_pages_import_as_fundus_reads_them() {
    let cases = cases();
    let all = std::env::var("FUNDUS_ONLY").is_err();
    if all {
        assert_eq!(cases.len(), 235, "fundus's 235 test pages");
    }
    for c in CONVENTIONS {
        assert!(
            cases.iter().any(|case| case.name == c.page) || !all,
            "a convention for a page not in the corpus: {} ({})",
            c.page,
            c.why
        );
    }
    let mut rows = Vec::new();
    let mut totals = [0usize; 5];
    let mut headlines_raw = 0;
    let mut authors_raw = 0;
    let mut skipped = Vec::new();
    let (mut captions, mut credits) = ((0, 0), (0, 0));
    let (mut ours_words, mut their_words, mut both_words) = (0, 0, 0);
    for case in &cases {
        let dump = scoring::dumping(&case.name);
        let imported = scoring::import(&case.file, &case.html, dump);
        if dump {
            if let Ok(article) = &imported {
                println!(
                    "{}",
                    publisher::format::to_json(article).unwrap_or_default()
                );
            }
        }
        if let Err(why) = &imported {
            skipped.push(format!("{}: {why}", case.name));
        }
        let marks = mark(case, imported.as_ref().ok());
        rows.push(format!(
            "{:<34} {} {} {} {}{} {:>2}/{:<2} {:>5.1} {:>5.1}  {}",
            case.name,
            tick(marks.headline),
            tick(marks.authors),
            tick(marks.published),
            tick(marks.first),
            tick(marks.last),
            marks.captions.0,
            marks.captions.1,
            percent(marks.words.2, marks.words.0),
            percent(marks.words.2, marks.words.1),
            match &imported {
                Err(e) => e.clone(),
                Ok(_) => marks.detail.join("; "),
            }
        ));
        for (i, ok) in [
            marks.headline,
            marks.authors,
            marks.published,
            marks.first,
            marks.last,
        ]
        .iter()
        .enumerate()
        {
            totals[i] += usize::from(*ok);
        }
        headlines_raw += usize::from(marks.headline_raw);
        authors_raw += usize::from(marks.authors_raw);
        captions.0 += marks.captions.0;
        captions.1 += marks.captions.1;
        credits.0 += marks.credits.0;
        credits.1 += marks.credits.1;
        ours_words += marks.words.0;
        their_words += marks.words.1;
        both_words += marks.words.2;
    }
    println!("page                               head auth pub first+last captions words: P%   R%");
    for row in &rows {
        println!("{row}");
    }
    for s in &skipped {
        println!("skipped {s}");
    }
    println!("\nwhere fundus's convention differs from ours, scored against ours:");
    for c in CONVENTIONS {
        println!("  {} {:?} {:?}: {}", c.page, c.field, c.ours, c.why);
    }
    let n = cases.len();
    let precision = percent(both_words, ours_words);
    let recall = percent(both_words, their_words);
    // The floors are today's figures, raised as the rules improve, up to
    // issue 24's: headline 90%, authors 80%, published 97%, first and last
    // paragraph 95%, captions 85%, every page imported.
    let floor = |f: f64| all.then_some(f);
    hold_to_floors(&[
        Score {
            field: "headline",
            score: percent(totals[0], n),
            floor: floor(90.0),
        },
        Score {
            field: "authors (as a set)",
            score: percent(totals[1], n),
            floor: floor(80.0),
        },
        Score {
            field: "published (the instant)",
            score: percent(totals[2], n),
            floor: floor(97.0),
        },
        Score {
            field: "first body paragraph",
            score: percent(totals[3], n),
            floor: floor(98.0),
        },
        Score {
            field: "last body paragraph",
            score: percent(totals[4], n),
            floor: floor(97.0),
        },
        Score {
            field: "captions kept",
            score: percent(captions.0, captions.1),
            floor: floor(87.0),
        },
        Score {
            field: "pages imported",
            score: percent(n - skipped.len(), n),
            floor: floor(100.0),
        },
        Score {
            field: "headline, no conventions",
            score: percent(headlines_raw, n),
            floor: None,
        },
        Score {
            field: "authors, no conventions",
            score: percent(authors_raw, n),
            floor: None,
        },
        Score {
            field: "photo credits found",
            score: percent(credits.0, credits.1),
            floor: None,
        },
        Score {
            field: "body words: precision",
            score: precision,
            floor: None,
        },
        Score {
            field: "body words: recall",
            score: recall,
            floor: None,
        },
        Score {
            field: "body words: F1",
            score: 2.0 * precision * recall / (precision + recall).max(f64::EPSILON),
            floor: None,
        },
    ]);
}
