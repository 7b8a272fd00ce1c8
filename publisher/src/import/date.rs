//! Dates as pages write them: ISO 8601 and RFC 3339 with their usual
//! slips (a space before the offset, no colon in it, no offset at all),
//! RFC 2822 (feeds), epoch seconds, and the visible forms of news pages
//! ("Thứ 5, 20/01/2022 | 19:35:08", "22/10/2025, 19:25 (GMT+7)",
//! "Cập nhật: Thứ năm, 4/1/2024 | 2:33:14 PM", "April 16, 2015 8:02 pm UTC").
//! The calendar and the zones are jiff's; this module only finds the parts.

use std::sync::LazyLock;

use jiff::civil::{Date, DateTime, Time};
use jiff::tz::{Offset, TimeZone};
use jiff::Timestamp;
use regex::{Captures, Regex};

use super::vocabulary::{dates, pattern};

/// A moment as a page states it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Stated {
    /// An instant, with the UTC offset the page gives.
    Exact(Moment),
    /// A wall-clock time, with no offset anywhere near it.
    Local(DateTime),
    /// A day only.
    Day(Date),
}

/// An instant and the UTC offset to show it in.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Moment {
    /// The instant.
    pub at: Timestamp,
    /// The offset it is written in.
    pub offset: Offset,
}

/// Which comes first in a numeric date like `04/03/2015`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum DayOrder {
    /// `dd/mm/yyyy`, as in Vietnam and most of the world.
    DayFirst,
    /// `mm/dd/yyyy`, as in the United States.
    MonthFirst,
}

impl DayOrder {
    /// The order of numeric dates in a page of `language` (a BCP 47 tag):
    /// month first in American English, day first elsewhere.
    pub fn of_language(language: Option<&str>) -> DayOrder {
        match language.map(str::to_ascii_lowercase).as_deref() {
            Some("en-us") => DayOrder::MonthFirst,
            _ => DayOrder::DayFirst,
        }
    }
}

impl Moment {
    /// The moment as an RFC 3339 stamp in its own offset, to the second.
    pub fn rfc3339(&self) -> String {
        let local = self.offset.to_datetime(self.at);
        let seconds = self.offset.seconds();
        let sign = if seconds < 0 { '-' } else { '+' };
        let minutes = seconds.unsigned_abs() / 60;
        format!(
            "{:04}-{:02}-{:02}T{:02}:{:02}:{:02}{sign}{:02}:{:02}",
            local.year(),
            local.month(),
            local.day(),
            local.hour(),
            local.minute(),
            local.second(),
            minutes / 60,
            minutes % 60
        )
    }

    /// The moment a page shows as `wall` when `at` is the same moment
    /// stated elsewhere (an epoch, a UTC time): the clocks' difference, to
    /// the quarter hour and within a day, is the page's offset.
    pub fn with_wall_clock(at: Timestamp, wall: DateTime) -> Option<Moment> {
        let as_utc = Offset::UTC.to_timestamp(wall).ok()?;
        let seconds = as_utc.as_second() - at.as_second();
        // A clock shown to the minute leaves the seconds out: that much slack.
        let quarters = (seconds as f64 / 900.0).round() as i64;
        let slack = (seconds - quarters * 900).abs();
        let allowed = if wall.second() == 0 { 59 } else { 0 };
        if slack > allowed || quarters.abs() > 14 * 4 {
            return None;
        }
        let offset = Offset::from_seconds(i32::try_from(quarters * 900).ok()?).ok()?;
        Some(Moment {
            at: offset.to_timestamp(wall).ok()?,
            offset,
        })
    }

    /// The calendar day of the moment in `zone`.
    pub fn day_in(&self, zone: &TimeZone) -> Date {
        zone.to_datetime(self.at).date()
    }
}

impl Stated {
    /// Reads a date as metadata or a page writes it; `None` if there is no
    /// plausible date in `text`.
    pub fn parse(text: &str, order: DayOrder) -> Option<Stated> {
        let text = text.trim();
        if text.is_empty() || text.len() > 200 {
            return None;
        }
        // Text whose entities a page encoded twice ("Cập nh&#7853;t").
        if text.contains('&') {
            let decoded = html_escape::decode_html_entities(text);
            if decoded != text {
                return Stated::parse(&decoded, order);
            }
        }
        structured(text)
            .or_else(|| epoch(text))
            .or_else(|| loose(text, order))
            .filter(Stated::plausible)
    }

    /// The moment, taking a stated time without an offset as a wall-clock
    /// time in `zone` (and a day alone as its midnight there).
    pub fn in_zone(&self, zone: &TimeZone) -> Option<Moment> {
        let local = match *self {
            Stated::Exact(moment) => return Some(moment),
            Stated::Local(local) => local,
            Stated::Day(day) => day.to_datetime(Time::midnight()),
        };
        let zoned = local.to_zoned(zone.clone()).ok()?;
        Some(Moment {
            at: zoned.timestamp(),
            offset: zoned.offset(),
        })
    }

    /// The stated calendar day, in the page's own terms.
    pub fn day(&self) -> Date {
        match *self {
            Stated::Exact(moment) => moment.offset.to_datetime(moment.at).date(),
            Stated::Local(local) => local.date(),
            Stated::Day(day) => day,
        }
    }

    /// The wall-clock time, if one is stated.
    pub fn wall_clock(&self) -> Option<DateTime> {
        match *self {
            Stated::Exact(moment) => Some(moment.offset.to_datetime(moment.at)),
            Stated::Local(local) => Some(local),
            Stated::Day(_) => None,
        }
    }

    /// How much it says: an offset beats a bare time, which beats a day.
    pub fn precision(&self) -> u8 {
        match self {
            Stated::Exact(_) => 2,
            Stated::Local(_) => 1,
            Stated::Day(_) => 0,
        }
    }

    fn plausible(&self) -> bool {
        (1990..=2100).contains(&self.day().year())
    }
}

/// ISO 8601 / RFC 3339 and their common slips, and RFC 2822.
fn structured(text: &str) -> Option<Stated> {
    static ISO: LazyLock<Regex> = LazyLock::new(|| {
        pattern(
            r"^(\d{4})-(\d{2})-(\d{2})(?:[Tt ]+(\d{2}):(\d{2})(?::(\d{2})(?:[.,]\d+)?)?)?\s*(?:([Zz])|([+\-−])(\d{2}):?(\d{2})?)?$",
        )
    });
    if let Some(c) = ISO.captures(text) {
        let date = date(num(&c, 1)?, num(&c, 2)?, num(&c, 3)?)?;
        let Some(hour) = num(&c, 4) else {
            return Some(Stated::Day(date));
        };
        let time = Time::new(
            hour as i8,
            num(&c, 5)? as i8,
            num(&c, 6).unwrap_or(0) as i8,
            0,
        )
        .ok()?;
        let local = date.to_datetime(time);
        return match (c.get(7), c.get(8)) {
            (Some(_), _) => exact(local, Offset::UTC),
            (None, Some(sign)) => {
                let minutes = num(&c, 9)? * 60 + num(&c, 10).unwrap_or(0);
                let minutes = if sign.as_str() == "+" {
                    minutes
                } else {
                    -minutes
                };
                exact(local, Offset::from_seconds((minutes * 60) as i32).ok()?)
            }
            (None, None) => Some(Stated::Local(local)),
        };
    }
    let zoned = jiff::fmt::rfc2822::parse(text).ok()?;
    Some(Stated::Exact(Moment {
        at: zoned.timestamp(),
        offset: zoned.offset(),
    }))
}

/// Seconds (or milliseconds) since 1970, as some pages put in attributes.
fn epoch(text: &str) -> Option<Stated> {
    if !text.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    let n: i64 = text.parse().ok()?;
    let at = match text.len() {
        10 => Timestamp::from_second(n).ok()?,
        13 => Timestamp::from_millisecond(n).ok()?,
        _ => return None,
    };
    Some(Stated::Exact(Moment {
        at,
        offset: Offset::UTC,
    }))
}

/// A date somewhere in a sentence, with a time and an offset near it.
fn loose(text: &str, order: DayOrder) -> Option<Stated> {
    static YMD: LazyLock<Regex> =
        LazyLock::new(|| pattern(r"\b(\d{4})[-/.](\d{1,2})[-/.](\d{1,2})\b"));
    static DMY: LazyLock<Regex> =
        LazyLock::new(|| pattern(r"\b(\d{1,2})[-/.](\d{1,2})[-/.](\d{4})\b"));
    // Two-digit years, with dots or slashes only ("Do 25.04.24 | 14:07 Uhr").
    static DMY_SHORT: LazyLock<Regex> = LazyLock::new(|| {
        pattern(r"\b(\d{1,2})\.(\d{1,2})\.(\d{2})\b|\b(\d{1,2})/(\d{1,2})/(\d{2})\b")
    });
    // "24 April 2024", "24. April 2024", "24 de abril de 2024", "24 апреля 2024".
    static NAMED_DM: LazyLock<Regex> = LazyLock::new(|| {
        pattern(
            r"(?i)\b(\d{1,2})(?:st|nd|rd|th)?\.?\s+(?:of\s+|de\s+)?(\p{L}+)\.?,?\s+(?:de\s+)?(\d{4})\b",
        )
    });
    // "April 24, 2024", "Sept. 3 2024".
    static NAMED_MD: LazyLock<Regex> =
        LazyLock::new(|| pattern(r"(?i)\b(\p{L}+)\.?\s+(\d{1,2})(?:st|nd|rd|th)?,?\s+(\d{4})\b"));
    // Chinese and Japanese 年月日, Korean 년월일.
    static CJK: LazyLock<Regex> =
        LazyLock::new(|| pattern(r"(\d{4})\s*[年년]\s*(\d{1,2})\s*[月월]\s*(\d{1,2})\s*[日일]"));
    static VI: LazyLock<Regex> = LazyLock::new(|| {
        pattern(r"(?i)(?:ngày\s+)?(\d{1,2})\s+tháng\s+(\d{1,2})(?:\s+năm|,)?\s+(\d{4})")
    });

    let found: Option<(Date, usize, usize)> = [
        YMD.captures(text)
            .and_then(|c| Some((date(num(&c, 1)?, num(&c, 2)?, num(&c, 3)?)?, span(&c)))),
        DMY.captures(text).and_then(|c| {
            let (a, b, y) = (num(&c, 1)?, num(&c, 2)?, num(&c, 3)?);
            let month_first = b > 12 || (a <= 12 && order == DayOrder::MonthFirst);
            let (d, m) = if month_first { (b, a) } else { (a, b) };
            Some((date(y, m, d)?, span(&c)))
        }),
        DMY_SHORT.captures(text).and_then(|c| {
            let (a, b, y) = match c.get(1) {
                Some(_) => (num(&c, 1)?, num(&c, 2)?, num(&c, 3)?),
                None => (num(&c, 4)?, num(&c, 5)?, num(&c, 6)?),
            };
            let month_first = b > 12 || (a <= 12 && order == DayOrder::MonthFirst);
            let (d, m) = if month_first { (b, a) } else { (a, b) };
            Some((date(2000 + y, m, d)?, span(&c)))
        }),
        VI.captures(text)
            .and_then(|c| Some((date(num(&c, 3)?, num(&c, 2)?, num(&c, 1)?)?, span(&c)))),
        CJK.captures(text)
            .and_then(|c| Some((date(num(&c, 1)?, num(&c, 2)?, num(&c, 3)?)?, span(&c)))),
        NAMED_MD.captures_iter(text).find_map(|c| {
            Some((
                date(num(&c, 3)?, named_month(&c, 1)?, num(&c, 2)?)?,
                span(&c),
            ))
        }),
        NAMED_DM.captures_iter(text).find_map(|c| {
            Some((
                date(num(&c, 3)?, named_month(&c, 2)?, num(&c, 1)?)?,
                span(&c),
            ))
        }),
    ]
    .into_iter()
    .flatten()
    .min_by_key(|(_, (start, _))| *start)
    .map(|(d, (start, end))| (d, start, end));
    let (day, start, end) = found?;

    // The time: after the date, or just before it ("19:35 20/01/2022").
    let after = text.get(end..).unwrap_or("");
    let before = text.get(..start).unwrap_or("");
    let (time, rest) = match clock(after) {
        Some((time, used)) => (Some(time), after.get(used..).unwrap_or("")),
        None => match clock(before) {
            Some((time, _)) => (Some(time), after),
            None => (None, after),
        },
    };
    let Some(time) = time else {
        return Some(Stated::Day(day));
    };
    let local = day.to_datetime(time);
    match zone_offset(rest, day).or_else(|| zone_offset(before, day)) {
        Some(offset) => exact(local, offset),
        None => Some(Stated::Local(local)),
    }
}

/// The month a word of 3 to 12 letters names, in group `i`. The length is
/// checked here, not in the patterns: `\p{L}{3,12}` made each a 4 ms
/// compile, a tenth of the importer's start.
fn named_month(c: &Captures, i: usize) -> Option<i64> {
    let name = c.get(i)?.as_str();
    if !(3..=12).contains(&name.chars().count()) {
        return None;
    }
    dates::month(name)
}

/// The first time of day in `text`, and where it ends.
fn clock(text: &str) -> Option<(Time, usize)> {
    static CLOCK: LazyLock<Regex> = LazyLock::new(|| {
        pattern(
            r"(?i)(?:^|\D)(\d{1,2})[:h](\d{2})(?::(\d{2}))?(?:[.,]\d+)?(?:\s*(a\.m\.|p\.m\.|am\b|pm\b|sa\b|ch\b))?",
        )
    });
    let c = CLOCK.captures(text)?;
    let mut hour = num(&c, 1)?;
    if let Some(half) = c.get(4) {
        let half = half.as_str().to_ascii_lowercase();
        let pm = half.starts_with('p') || half == "ch";
        match (pm, hour) {
            (true, 1..=11) => hour += 12,
            (false, 12) => hour = 0,
            _ => {}
        }
    }
    let time = Time::new(
        hour as i8,
        num(&c, 2)? as i8,
        num(&c, 3).unwrap_or(0) as i8,
        0,
    )
    .ok()?;
    Some((time, c.get(0)?.end()))
}

/// A UTC offset written near a time: `GMT+7`, `UTC+07:00`, `+0700`, `UTC`,
/// or a zone abbreviation (`EST`, `PT`), as in force on `day`.
fn zone_offset(text: &str, day: Date) -> Option<Offset> {
    static OFFSET: LazyLock<Regex> = LazyLock::new(|| {
        pattern(
            r"(?i)(?:\b(?:gmt|utc)\s*)?([+\-−])\s*(\d{1,2})(?::?(\d{2}))?\b|\b(gmt|utc|z)\b|\b(e[sd]?t|c[sd]?t|m[sd]?t|p[sd]?t|bst|cet|cest|ict|jst|wib)\b",
        )
    });
    let near = text.get(..text.len().min(40)).or(Some(text))?;
    let c = OFFSET.captures(near)?;
    if let Some(sign) = c.get(1) {
        // A bare "-5" is a range or a dash; an offset says GMT/UTC or has a colon or 4 digits.
        let whole = c.get(0)?.as_str().to_ascii_lowercase();
        let hours = num(&c, 2)?;
        let explicit = whole.contains("gmt") || whole.contains("utc") || c.get(3).is_some();
        if !explicit || hours > 14 {
            return None;
        }
        let minutes = hours * 60 + num(&c, 3).unwrap_or(0);
        let minutes = if sign.as_str() == "+" {
            minutes
        } else {
            -minutes
        };
        return Offset::from_seconds((minutes * 60) as i32).ok();
    }
    if c.get(4).is_some() {
        return Some(Offset::UTC);
    }
    let name = c.get(5)?.as_str().to_ascii_lowercase();
    let fixed = |hours: i8| Offset::from_hours(hours).ok();
    let in_zone = |zone: &str| {
        let tz = jiff::tz::db().get(zone).ok()?;
        Some(
            tz.to_offset(
                day.to_datetime(Time::midnight())
                    .to_zoned(tz.clone())
                    .ok()?
                    .timestamp(),
            ),
        )
    };
    dates::FIXED_ZONES
        .iter()
        .find(|(abbreviation, _)| *abbreviation == name)
        .and_then(|(_, hours)| fixed(*hours))
        .or_else(|| {
            dates::SEASONAL_ZONES
                .iter()
                .find(|(abbreviation, _)| *abbreviation == name)
                .and_then(|(_, zone)| in_zone(zone))
        })
}

fn exact(local: DateTime, offset: Offset) -> Option<Stated> {
    let at = offset.to_timestamp(local).ok()?;
    Some(Stated::Exact(Moment { at, offset }))
}

fn date(year: i64, month: i64, day: i64) -> Option<Date> {
    Date::new(
        i16::try_from(year).ok()?,
        i8::try_from(month).ok()?,
        i8::try_from(day).ok()?,
    )
    .ok()
}

fn num(c: &Captures, i: usize) -> Option<i64> {
    c.get(i)?.as_str().parse().ok()
}

fn span(c: &Captures) -> (usize, usize) {
    c.get(0).map_or((0, 0), |m| (m.start(), m.end()))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn stamp(text: &str) -> String {
        let zone = jiff::tz::db().get("Asia/Ho_Chi_Minh").expect("bundled");
        let stated = Stated::parse(text, DayOrder::DayFirst).unwrap_or_else(|| panic!("{text}"));
        let tag = match stated {
            Stated::Exact(_) => "exact",
            Stated::Local(_) => "local",
            Stated::Day(_) => "day",
        };
        format!(
            "{} {tag}",
            stated.in_zone(&zone).expect("in zone").rfc3339()
        )
    }

    #[test]
    fn the_forms_of_vietnamese_pages() {
        assert_eq!(
            stamp("Thứ 5, 20/01/2022 | 19:35:08"),
            "2022-01-20T19:35:08+07:00 local"
        );
        assert_eq!(
            stamp("22/10/2025, 19:25 (GMT+7)"),
            "2025-10-22T19:25:00+07:00 exact"
        );
        assert_eq!(
            stamp("Cập nhật: Thứ năm, 4/1/2024 | 2:33:14 PM"),
            "2024-01-04T14:33:14+07:00 local"
        );
        assert_eq!(
            stamp("Thứ bảy, 7/3/2026, 00:05 (GMT+7)"),
            "2026-03-07T00:05:00+07:00 exact"
        );
        assert_eq!(
            stamp("07-03-2026 - 00:01 AM"),
            "2026-03-07T00:01:00+07:00 local"
        );
        assert_eq!(
            stamp("23/03/2015 08:06 GMT+7"),
            "2015-03-23T08:06:00+07:00 exact"
        );
        assert_eq!(
            stamp("01/03/2026 · 09:51"),
            "2026-03-01T09:51:00+07:00 local"
        );
        assert_eq!(
            stamp("2015-03-23 08:06 +07:00"),
            "2015-03-23T08:06:00+07:00 exact"
        );
    }

    #[test]
    fn metadata_and_its_slips() {
        assert_eq!(
            stamp("2022-01-20T19:35:08+07:00"),
            "2022-01-20T19:35:08+07:00 exact"
        );
        assert_eq!(
            stamp("2026-03-07T00:01:00"),
            "2026-03-07T00:01:00+07:00 local"
        );
        assert_eq!(
            stamp("2016-12-22T10:43:37 -0800"),
            "2016-12-22T10:43:37-08:00 exact"
        );
        assert_eq!(
            stamp("2019-02-21T13:00:08.123Z"),
            "2019-02-21T13:00:08+00:00 exact"
        );
        assert_eq!(
            stamp("Thu, 20 Jan 2022 19:35:08 +0700"),
            "2022-01-20T19:35:08+07:00 exact"
        );
        assert_eq!(stamp("1429214521"), "2015-04-16T20:02:01+00:00 exact");
        assert_eq!(stamp("2015-04-21"), "2015-04-21T00:00:00+07:00 day");
    }

    #[test]
    fn english_pages() {
        assert_eq!(
            stamp("Apr 16, 2015 8:02 pm UTC"),
            "2015-04-16T20:02:00+00:00 exact"
        );
        assert_eq!(stamp("24 July 2015"), "2015-07-24T00:00:00+07:00 day");
        assert_eq!(
            stamp("Updated 7:11 AM PST, Feb 26, 2015"),
            "2015-02-26T07:11:00-08:00 exact"
        );
        assert_eq!(
            stamp("December 15, 2017, 8:50am ET"),
            "2017-12-15T08:50:00-05:00 exact"
        );
        assert_eq!(
            stamp("posted on  April 21, 2015, at 11:29 a.m."),
            "2015-04-21T11:29:00+07:00 local"
        );
        assert_eq!(
            stamp("2016年10月14日07:17"),
            "2016-10-14T07:17:00+07:00 local"
        );
        assert_eq!(
            stamp("Feb. 23, 2015 -- Life-threatening peanut allergies"),
            "2015-02-23T00:00:00+07:00 day"
        );
    }

    #[test]
    fn dates_of_every_language_of_the_corpora() {
        assert_eq!(
            stamp("Do 25.04.24 | 14:07 Uhr"),
            "2024-04-25T14:07:00+07:00 local"
        );
        assert_eq!(
            stamp("Veröffentlicht am 13. Mai 2026 um 15:44"),
            "2026-05-13T15:44:00+07:00 local"
        );
        assert_eq!(
            stamp("24 de abril de 2024"),
            "2024-04-24T00:00:00+07:00 day"
        );
        assert_eq!(
            stamp("24 апреля 2024, 10:15"),
            "2024-04-24T10:15:00+07:00 local"
        );
        assert_eq!(stamp("2024년 4월 24일"), "2024-04-24T00:00:00+07:00 day");
        assert_eq!(stamp("3. června 2024"), "2024-06-03T00:00:00+07:00 day");
        assert_eq!(
            stamp("17:41 JST, October 13, 2024"),
            "2024-10-13T17:41:00+09:00 exact"
        );
        assert_eq!(
            stamp("Cập nh&#7853;t: Thứ năm, 4/1/2024 | 2:33:14 CH"),
            "2024-01-04T14:33:14+07:00 local"
        );
        assert_eq!(
            stamp("Thứ Hai, 8/1/2024, 9:05 SA"),
            "2024-01-08T09:05:00+07:00 local"
        );
    }

    #[test]
    fn a_wall_clock_and_the_same_moment_elsewhere_give_the_offset() {
        let wall = jiff::civil::date(2026, 5, 13).at(15, 44, 0, 0);
        // data-utc-time="1778679869": 13:44:29 UTC.
        let at = Timestamp::from_second(1_778_679_869).expect("a time");
        let moment = Moment::with_wall_clock(at, wall).expect("the same moment");
        assert_eq!(moment.rfc3339(), "2026-05-13T15:44:00+02:00");
        // Two hours and seven minutes apart: another moment, no offset.
        let other = Timestamp::from_second(1_778_679_869 - 7 * 60).expect("a time");
        assert_eq!(Moment::with_wall_clock(other, wall), None);
    }

    #[test]
    fn no_date_is_no_date() {
        for text in ["", "yesterday", "3.824 lượt xem", "0000-01-20", "1/2/3"] {
            assert_eq!(Stated::parse(text, DayOrder::DayFirst), None, "{text}");
        }
    }
}
