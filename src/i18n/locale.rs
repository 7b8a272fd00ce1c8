//! The one formatter of dates and numbers, [`Locale`]: the browser's `Intl`
//! in the widget (`intl.rs`), ICU4X with jiff's time zone data natively
//! (`icu.rs`: the publisher's tools and the native tests). Both read the
//! same, e.g. "Thứ 5, 20/01/2022 | 19:35" and "3.824 lượt xem";
//! `e2e/prerender.test.mjs` compares them. Components never know which side
//! they run on.

#[cfg(not(target_arch = "wasm32"))]
use super::icu as backend;
#[cfg(target_arch = "wasm32")]
use super::intl as backend;
use super::Lang;
use crate::model::{Day, TimeZone, Timestamp};

/// How much of a date to show.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum DateStyle {
    /// Weekday and date: "Thứ 5, 20/01/2022" (the original portal's style),
    /// "Thursday, January 20, 2022".
    Long,
    /// Date only: "20/01/2022", "Jan 20, 2022".
    Short,
    /// Time of day: "19:35", "7:35 PM" (a no-break space before PM).
    Time,
    /// `YYYY-MM-DD`, whatever the language (for days in a zone).
    Iso,
}

/// Formats values for one interface language.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct Locale {
    /// The interface language.
    pub lang: Lang,
}

impl Locale {
    /// A locale for `lang`.
    pub fn new(lang: Lang) -> Self {
        Locale { lang }
    }

    /// The dateline: date and time of `at` in `zone`, e.g. "Thứ 5, 20/01/2022 | 19:35".
    pub fn date_time(&self, at: &Timestamp, zone: &TimeZone) -> String {
        let date = self.date(at, zone, DateStyle::Long);
        let time = self.date(at, zone, DateStyle::Time);
        format!("{date}{}{time}", self.lang.messages().date_time_separator)
    }

    /// `at` in `zone` in the given style; as written if the zone is unknown.
    pub fn date(&self, at: &Timestamp, zone: &TimeZone, style: DateStyle) -> String {
        let formatted = |style| backend::date(self.lang, at, zone, style);
        let text = match style {
            // Engines' locale data differ on weekday names (WebKitGTK writes
            // "Th 5" where Chromium and ICU4X write "Thứ 5"): the weekday
            // comes from the catalogue, the date from the engine.
            DateStyle::Long => formatted(DateStyle::Iso)
                .and_then(|iso| Day::parse(&iso).ok())
                .zip(formatted(DateStyle::Long))
                .and_then(|(day, date)| {
                    let weekday = self.lang.messages().weekdays.get(day.weekday())?;
                    Some(format!("{weekday}, {date}"))
                }),
            _ => formatted(style),
        }
        .unwrap_or_else(|| at.as_str().to_owned());
        match style {
            // The space before AM/PM differs (U+202F in Chromium and ICU4X,
            // U+0020 in Firefox): one no-break space everywhere, so a time
            // reads and wraps alike in every engine and in a pre-rendered snippet.
            DateStyle::Time => text.replace(['\u{202f}', ' '], "\u{a0}"),
            _ => text,
        }
    }

    /// A calendar day, as the date browser names it: "Thứ 7, 15/01/2022",
    /// "Saturday, January 15, 2022".
    pub fn day(&self, day: Day) -> String {
        let noon = Timestamp::try_from(format!("{day}T12:00:00Z"));
        match (noon, TimeZone::try_from("UTC".to_owned())) {
            (Ok(at), Ok(utc)) => self.date(&at, &utc, DateStyle::Long),
            _ => day.to_string(),
        }
    }

    /// The month of `day`, as the calendar heads it: "Tháng 1, 2022", "January 2022".
    pub fn month(&self, day: Day) -> String {
        let messages = self.lang.messages();
        let (year, month) = day.year_month();
        let name = (month as usize)
            .checked_sub(1)
            .and_then(|i| messages.months.get(i));
        let name = name.copied().unwrap_or_default();
        messages
            .month_year
            .replace("{month}", name)
            .replace("{year}", &year.to_string())
    }

    /// Today's date in `zone` (the newsroom's today), for "no future dates".
    pub fn today(zone: &TimeZone) -> Option<Day> {
        backend::today(zone)
    }

    /// A count with grouping: "3.824" (vi), "3,824" (en).
    pub fn number(&self, n: u64) -> String {
        backend::number(self.lang, n).unwrap_or_else(|| n.to_string())
    }

    /// A counted message such as the view count, with the plural the language wants.
    pub fn count(&self, n: u64, message: &super::messages::Plural) -> String {
        let template = if backend::is_plural_one(self.lang, n) {
            message.one
        } else {
            message.other
        };
        template.replace("{n}", &self.number(n))
    }
}
