//! Points in time and calendar days from the JSON, checked on parse.
//!
//! Written by hand because the widget only needs to check and compare RFC 3339
//! stamps and name a day's weekday: formatting is `Intl`'s in the browser
//! (ICU4X's and jiff's natively), and a date crate would cost the embed more
//! bytes than these few lines.

use std::fmt;

use super::de::deserialize_checked_string;

/// Years an article can plausibly carry; anything else is a data error.
const YEARS: std::ops::RangeInclusive<i64> = 1900..=2999;

/// An RFC 3339 timestamp with an explicit offset, e.g. `2022-01-20T19:35:08+07:00`.
#[derive(Debug, Clone, PartialEq, Eq)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[cfg_attr(feature = "schema", schemars(extend("format" = "date-time",
    "pattern" = r"^\d{4}-\d{2}-\d{2}[Tt]\d{2}:\d{2}:\d{2}(\.\d+)?([Zz]|[+-]\d{2}:\d{2})$")))]
pub struct Timestamp(String);

/// A calendar day, `YYYY-MM-DD` (the key of the date index).
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[cfg_attr(feature = "schema", schemars(with = "String", extend("format" = "date", "pattern" = r"^\d{4}-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])$")))]
pub struct Day {
    year: i64,
    month: u32,
    day: u32,
}

/// An IANA time zone name such as `Asia/Ho_Chi_Minh`, in which dates are shown.
#[derive(Debug, Clone, PartialEq, Eq)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[cfg_attr(feature = "schema", schemars(extend("pattern" = "^[A-Za-z0-9/_+-]{1,64}$")))]
pub struct TimeZone(String);

deserialize_checked_string!(Timestamp, Day, TimeZone);

fn number(s: &str, digits: usize) -> Option<i64> {
    (s.len() == digits && s.bytes().all(|b| b.is_ascii_digit()))
        .then(|| s.parse().ok())
        .flatten()
}

fn days_in_month(year: i64, month: u32) -> u32 {
    let leap = (year % 4 == 0 && year % 100 != 0) || year % 400 == 0;
    match month {
        2 if leap => 29,
        2 => 28,
        4 | 6 | 9 | 11 => 30,
        _ => 31,
    }
}

impl Day {
    /// Parses `YYYY-MM-DD`, refusing impossible days and implausible years.
    pub fn parse(s: &str) -> Result<Day, String> {
        let bad = || format!("`{s}` is not a date of the form YYYY-MM-DD");
        let mut parts = s.splitn(3, '-');
        let (Some(y), Some(m), Some(d)) = (parts.next(), parts.next(), parts.next()) else {
            return Err(bad());
        };
        let (year, month, day) = (
            number(y, 4).ok_or_else(bad)?,
            number(m, 2).ok_or_else(bad)?,
            number(d, 2).ok_or_else(bad)?,
        );
        if !YEARS.contains(&year) {
            return Err(format!(
                "year {year} is outside {}..={}",
                YEARS.start(),
                YEARS.end()
            ));
        }
        let month = u32::try_from(month)
            .ok()
            .filter(|m| (1..=12).contains(m))
            .ok_or_else(bad)?;
        let day = u32::try_from(day)
            .ok()
            .filter(|d| (1..=days_in_month(year, month)).contains(d))
            .ok_or_else(bad)?;
        Ok(Day { year, month, day })
    }
}

impl Day {
    /// The day after.
    pub fn next(self) -> Day {
        let Day { year, month, day } = self;
        match (day < days_in_month(year, month), month < 12) {
            (true, _) => Day {
                day: day + 1,
                ..self
            },
            (false, true) => Day {
                month: month + 1,
                day: 1,
                ..self
            },
            (false, false) => Day {
                year: year + 1,
                month: 1,
                day: 1,
            },
        }
    }

    /// The day before.
    pub fn previous(self) -> Day {
        let Day { year, month, day } = self;
        match (day > 1, month > 1) {
            (true, _) => Day {
                day: day - 1,
                ..self
            },
            (false, true) => Day {
                month: month - 1,
                day: days_in_month(year, month - 1),
                ..self
            },
            (false, false) => Day {
                year: year - 1,
                month: 12,
                day: 31,
            },
        }
    }
}

impl Day {
    /// The day `delta` days later (earlier if negative), staying within the
    /// years an article can carry.
    pub fn add_days(self, delta: i64) -> Day {
        let step = |day: Day| {
            if delta < 0 {
                day.previous()
            } else {
                day.next()
            }
        };
        (0..delta.unsigned_abs())
            .try_fold(self, |day, _| {
                let to = step(day);
                YEARS.contains(&to.year).then_some(to)
            })
            .unwrap_or(self)
    }

    /// Whether this day can be chosen with `today` as the newsroom's today
    /// (any day, if today is unknown).
    pub fn is_not_after(self, today: Option<Day>) -> bool {
        today.is_none_or(|today| self <= today)
    }

    /// The first day of this day's month.
    pub fn month_start(self) -> Day {
        Day { day: 1, ..self }
    }

    /// How many days this day's month has.
    pub fn days_in_month(self) -> u32 {
        days_in_month(self.year, self.month)
    }

    /// The same day of the month `delta` months later (earlier if negative),
    /// or the month's last day if it is shorter; stays within the years an
    /// article can carry.
    pub fn add_months(self, delta: i64) -> Day {
        let index = (self.year * 12 + i64::from(self.month) - 1 + delta)
            .clamp(YEARS.start() * 12, YEARS.end() * 12 + 11);
        let (year, month) = (index.div_euclid(12), index.rem_euclid(12) + 1);
        let month = u32::try_from(month).unwrap_or(1);
        Day {
            year,
            month,
            day: self.day.min(days_in_month(year, month)),
        }
    }

    /// The year and the month (1 to 12).
    pub fn year_month(self) -> (i64, u32) {
        (self.year, self.month)
    }

    /// The day of the month (1 to 31).
    pub fn day_of_month(self) -> u32 {
        self.day
    }

    /// The day of the week: 0 for Monday to 6 for Sunday (the same in the
    /// browser and natively, whatever a locale's data says).
    pub fn weekday(self) -> usize {
        // Days since 1970-01-01, a Thursday (Howard Hinnant's days_from_civil).
        let year = self.year - i64::from(self.month <= 2);
        let era = year.div_euclid(400);
        let year_of_era = year - era * 400;
        let month = (i64::from(self.month) + 9) % 12;
        let day_of_year = (153 * month + 2) / 5 + i64::from(self.day) - 1;
        let day_of_era = year_of_era * 365 + year_of_era / 4 - year_of_era / 100 + day_of_year;
        let days = era * 146_097 + day_of_era - 719_468;
        // rem_euclid(7) is in 0..7.
        usize::try_from((days + 3).rem_euclid(7)).unwrap_or_default()
    }
}

impl TryFrom<String> for Day {
    type Error = String;
    fn try_from(s: String) -> Result<Self, String> {
        Day::parse(&s)
    }
}

impl fmt::Display for Day {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{:04}-{:02}-{:02}", self.year, self.month, self.day)
    }
}

impl TryFrom<String> for Timestamp {
    type Error = String;
    fn try_from(s: String) -> Result<Self, String> {
        let bad = || format!("`{s}` is not an RFC 3339 timestamp with offset");
        let (date, rest) = s.split_once(['T', 't']).ok_or_else(bad)?;
        Day::parse(date).map_err(|_| bad())?;
        let (time, offset) = match rest.strip_suffix(['Z', 'z']) {
            Some(time) => (time, None),
            None => {
                let at = rest.rfind(['+', '-']).ok_or_else(bad)?;
                (&rest[..at], Some(&rest[at + 1..]))
            }
        };
        let (hms, fraction) = time.split_once('.').unwrap_or((time, "0"));
        let fields: Vec<Option<i64>> = hms.split(':').map(|p| number(p, 2)).collect();
        let valid_time = matches!(fields.as_slice(),
            [Some(h), Some(m), Some(sec)] if *h < 24 && *m < 60 && *sec < 61)
            && !fraction.is_empty()
            && fraction.bytes().all(|b| b.is_ascii_digit());
        let valid_offset = offset.is_none_or(|o| {
            matches!(o.split_once(':'), Some((h, m))
                if number(h, 2).is_some_and(|h| h < 24) && number(m, 2).is_some_and(|m| m < 60))
        });
        if valid_time && valid_offset {
            Ok(Timestamp(s))
        } else {
            Err(bad())
        }
    }
}

impl Timestamp {
    /// The stamp as written, for `<time datetime>` and for the browser's `Date`.
    pub fn as_str(&self) -> &str {
        &self.0
    }

    /// The calendar day in the stamp's own offset (the newsroom's day).
    pub fn day(&self) -> Option<Day> {
        self.0.get(..10).and_then(|date| Day::parse(date).ok())
    }
}

impl TryFrom<String> for TimeZone {
    type Error = String;
    fn try_from(s: String) -> Result<Self, String> {
        let plausible = !s.is_empty()
            && s.len() <= 64
            && s.chars()
                .all(|c| c.is_ascii_alphanumeric() || "/_+-".contains(c));
        if plausible {
            Ok(TimeZone(s))
        } else {
            Err(format!("`{s}` is not an IANA time zone name"))
        }
    }
}

impl TimeZone {
    /// The IANA name, as `Intl.DateTimeFormat` takes it.
    pub fn as_str(&self) -> &str {
        &self.0
    }
}

impl Default for TimeZone {
    /// The original portal's zone.
    fn default() -> Self {
        TimeZone("Asia/Ho_Chi_Minh".into())
    }
}

// Written as they are read: as strings (the publisher's side writes them).
#[cfg(feature = "serialize")]
impl serde::Serialize for Day {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.collect_str(self)
    }
}

#[cfg(feature = "serialize")]
impl serde::Serialize for Timestamp {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.serialize_str(&self.0)
    }
}

#[cfg(feature = "serialize")]
impl serde::Serialize for TimeZone {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.serialize_str(&self.0)
    }
}
