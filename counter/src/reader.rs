//! Who read: a reader is a keyed hash of the day's random salt, the IP, the
//! user agent and the article, as Plausible tells visitors apart. The salt
//! is made for the day and deleted when the day is over, so a key cannot be
//! recomputed from an IP afterwards, and IPs and user agents are never stored.

use std::hash::Hasher;
use std::net::IpAddr;

use news_widget::model::{ArticleId, Day};
use siphasher::sip::SipHasher24;

/// A day's random key for [`ReaderKey`]s.
#[derive(Clone, Copy, PartialEq, Eq)]
pub struct Salt(pub [u8; 16]);

impl Salt {
    /// A new random salt from the operating system.
    pub fn random() -> Salt {
        let mut bytes = [0; 16];
        // The OS's random source failing leaves no safe way to count.
        getrandom::fill(&mut bytes).expect("the operating system's random source");
        Salt(bytes)
    }
}

impl std::fmt::Debug for Salt {
    // A salt in a log would let anyone who has it recompute keys.
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("Salt(..)")
    }
}

/// One reader of one article on one day, as a 64-bit keyed hash: with the
/// salt gone, nothing leads back to the reader.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct ReaderKey(pub i64);

impl ReaderKey {
    /// The key of the reader at `ip` with `user_agent`, reading `article`.
    pub fn new(salt: &Salt, ip: IpAddr, user_agent: &[u8], article: &ArticleId) -> ReaderKey {
        let mut hasher = SipHasher24::new_with_key(&salt.0);
        match ip {
            IpAddr::V4(ip) => hasher.write(&ip.to_ipv6_mapped().octets()),
            IpAddr::V6(ip) => hasher.write(&ip.octets()),
        }
        // Lengths first, so no two (user agent, article) pairs hash alike.
        hasher.write_usize(user_agent.len());
        hasher.write(user_agent);
        hasher.write(article.as_str().as_bytes());
        ReaderKey(hasher.finish() as i64)
    }
}

/// Today in `zone`: the newsroom's day, to which a view belongs.
pub fn today(zone: &jiff::tz::TimeZone) -> Day {
    day_of(jiff::Timestamp::now(), zone)
}

/// The day of `instant` in `zone`.
pub fn day_of(instant: jiff::Timestamp, zone: &jiff::tz::TimeZone) -> Day {
    let date = instant.to_zoned(zone.clone()).date();
    // jiff's dates are years -9999..=9999 and our days 1900..=2999: a clock
    // outside that is broken beyond counting.
    Day::parse(&date.to_string()).expect("the clock is between 1900 and 2999")
}

#[cfg(test)]
mod tests {
    use super::*;

    fn id(s: &str) -> ArticleId {
        serde_json::from_value(serde_json::json!(s)).unwrap()
    }

    #[test]
    fn a_reader_is_the_same_on_a_day_and_another_on_another() {
        let (monday, tuesday) = (Salt([1; 16]), Salt([2; 16]));
        let ip: IpAddr = "203.0.113.7".parse().unwrap();
        let key = |salt, ip, ua: &str, article: &str| {
            ReaderKey::new(salt, ip, ua.as_bytes(), &id(article))
        };
        let reader = key(&monday, ip, "Firefox", "1");
        assert_eq!(reader, key(&monday, ip, "Firefox", "1"));
        assert_ne!(
            reader,
            key(&tuesday, ip, "Firefox", "1"),
            "a new day, a new key"
        );
        assert_ne!(
            reader,
            key(&monday, ip, "Chrome", "1"),
            "another user agent"
        );
        assert_ne!(
            reader,
            key(&monday, "203.0.113.8".parse().unwrap(), "Firefox", "1")
        );
        assert_ne!(reader, key(&monday, ip, "Firefox", "2"), "another article");
        assert_ne!(
            key(&monday, ip, "ab", "c"),
            key(&monday, ip, "a", "bc"),
            "no run-together"
        );
        let v4: IpAddr = "1.2.3.4".parse().unwrap();
        let mapped: IpAddr = "::ffff:1.2.3.4".parse().unwrap();
        assert_eq!(
            key(&monday, v4, "x", "1"),
            key(&monday, mapped, "x", "1"),
            "one address, two spellings"
        );
    }

    #[test]
    fn the_day_is_the_newsrooms() {
        let instant: jiff::Timestamp = "2026-12-06T18:30:00Z".parse().unwrap();
        let hanoi = jiff::tz::TimeZone::get("Asia/Ho_Chi_Minh").unwrap();
        let new_york = jiff::tz::TimeZone::get("America/New_York").unwrap();
        assert_eq!(day_of(instant, &hanoi).to_string(), "2026-12-07");
        assert_eq!(day_of(instant, &new_york).to_string(), "2026-12-06");
    }
}
