//! Bytes to text: a page in the encoding it declares (a byte order mark,
//! the HTTP `charset`, a `<meta charset>` in its first kilobyte, unless the
//! bytes are valid UTF-8), else UTF-8 if it is valid, else windows-1252, as
//! browsers read it; and what is not a page at all, said plainly.

use std::sync::LazyLock;

use encoding_rs::{Encoding, UTF_8, WINDOWS_1252};
use regex::bytes::Regex;

use super::skip::{FetchError, KindError, Skip};

/// The largest document the importer reads: a real page is far smaller.
pub const MAX_BYTES: usize = 16 * 1024 * 1024;

/// `bytes` as text, in the encoding the document or its `content_type`
/// declares; or why it is not a text document.
pub fn text(bytes: &[u8], content_type: Option<&str>) -> Result<String, Skip> {
    if bytes.len() > MAX_BYTES {
        return Err(FetchError::TooLarge(MAX_BYTES).into());
    }
    if let Some(kind) = binary(bytes) {
        return Err(KindError::Binary(kind).into());
    }
    // A page saved again (as UTF-8) often keeps its old `<meta charset>`:
    // bytes that are valid UTF-8 with non-ASCII in them are, whatever the
    // markup says (legacy encodings almost never make valid UTF-8).
    let utf8 = std::str::from_utf8(bytes).is_ok() && !bytes.is_ascii();
    let declared = Encoding::for_bom(bytes)
        .map(|(encoding, _)| encoding)
        .or_else(|| {
            content_type
                .and_then(charset)
                .and_then(|c| Encoding::for_label(c.as_bytes()))
        })
        .or_else(|| (!utf8).then(|| meta_charset(bytes)).flatten());
    let encoding = match declared {
        // A page that says UTF-16 in its markup is not UTF-16 (HTML's rule).
        Some(e) if e == encoding_rs::UTF_16LE || e == encoding_rs::UTF_16BE => {
            if Encoding::for_bom(bytes).is_some() {
                e
            } else {
                UTF_8
            }
        }
        Some(e) => e,
        None if std::str::from_utf8(bytes).is_ok() => UTF_8,
        None => WINDOWS_1252,
    };
    let (text, _, _) = encoding.decode(bytes);
    // Composed, as the format's text is compared and shown (windows-1258
    // and some CMSs write Vietnamese with combining marks).
    Ok(composed(&text))
}

/// `text` in Unicode's composed form (NFC), a run of non-ASCII at a time.
/// ASCII is composed and never the second of a pair, so the form breaks
/// before each ASCII character: a page is mostly ASCII markup, and
/// normalising all of it took a tenth of an import.
fn composed(text: &str) -> String {
    use unicode_normalization::{is_nfc_quick, IsNormalized, UnicodeNormalization};
    let mut out = String::with_capacity(text.len());
    let mut rest = text;
    // By bytes: a byte that is ASCII is a whole character, and one that is
    // not starts or continues a character that is not.
    loop {
        let bytes = rest.as_bytes();
        let first = ascii_up_to(bytes);
        if first == bytes.len() {
            break;
        }
        let end = bytes
            .get(first..)
            .and_then(|run| run.iter().position(u8::is_ascii))
            .map_or(rest.len(), |i| first + i);
        // The ASCII letter before the run may take its marks ("a" + U+0301).
        let start = first.saturating_sub(1);
        let (Some(ascii), Some(run)) = (rest.get(..start), rest.get(start..end)) else {
            break;
        };
        out.push_str(ascii);
        match is_nfc_quick(run.chars()) {
            IsNormalized::Yes => out.push_str(run),
            _ => out.extend(run.nfc()),
        }
        rest = rest.get(end..).unwrap_or_default();
    }
    out.push_str(rest);
    out
}

/// How many bytes open `bytes` before the first that is not ASCII, sixteen
/// at a time (a byte at a time was most of [`composed`]'s cost).
fn ascii_up_to(bytes: &[u8]) -> usize {
    let whole = bytes.chunks_exact(16).take_while(|c| c.is_ascii()).count() * 16;
    let tail = bytes.get(whole..).unwrap_or_default();
    whole + tail.iter().take_while(|b| b.is_ascii()).count()
}

/// The `charset` parameter of a `Content-Type`.
fn charset(content_type: &str) -> Option<String> {
    content_type.split(';').find_map(|part| {
        let (key, value) = part.split_once('=')?;
        key.trim()
            .eq_ignore_ascii_case("charset")
            .then(|| value.trim().trim_matches(['"', '\'']).to_owned())
    })
}

/// A `<meta charset>` (or `http-equiv` Content-Type) in the first 1024 bytes.
fn meta_charset(bytes: &[u8]) -> Option<&'static Encoding> {
    static META: LazyLock<Regex> = LazyLock::new(|| {
        Regex::new(r#"(?i)<meta[^>]+charset\s*=\s*["']?\s*([a-z0-9_.:-]+)"#)
            .expect("a static, valid pattern")
    });
    let head = bytes.get(..bytes.len().min(1024)).unwrap_or(bytes);
    let label = META.captures(head)?.get(1)?.as_bytes();
    Encoding::for_label(label)
}

/// What kind of binary file `bytes` is, if it is one.
pub fn binary(bytes: &[u8]) -> Option<&'static str> {
    let magic: [(&[u8], &str); 8] = [
        (b"\x89PNG", "a PNG image"),
        (b"\xFF\xD8\xFF", "a JPEG image"),
        (b"GIF8", "a GIF image"),
        (b"%PDF", "a PDF"),
        (b"PK\x03\x04", "a ZIP archive"),
        (b"\x1F\x8B", "gzip-compressed data"),
        (b"RIFF", "a media file"),
        (b"\x00\x00\x00", "binary data"),
    ];
    if let Some((_, kind)) = magic.iter().find(|(m, _)| bytes.starts_with(m)) {
        return Some(kind);
    }
    let head = bytes.get(..bytes.len().min(1024)).unwrap_or(bytes);
    let utf16 = Encoding::for_bom(bytes).is_some_and(|(e, _)| e != UTF_8);
    (!utf16 && head.contains(&0)).then_some("binary data")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_declared_encoding_or_utf8() {
        let latin = b"<meta charset=\"windows-1252\"><p>Caf\xe9</p>";
        assert!(text(latin, None).expect("text").contains("Café"));
        let gbk = b"<meta http-equiv=\"Content-Type\" content=\"text/html; charset=gb2312\"><p>\xc4\xe3\xba\xc3</p>";
        assert!(text(gbk, None).expect("text").contains("你好"));
        // Saved again as UTF-8, with the old declaration left in.
        let saved = "<meta charset=\"gb2312\"><p>你好</p>".as_bytes();
        assert!(text(saved, None).expect("text").contains("你好"));
        assert!(text(b"\x89PNG\r\n", None).is_err());
        assert!(text(b"<p>\x00\x01</p>", None).is_err());
    }

    #[test]
    fn composed_a_run_at_a_time() {
        let cases = [
            ("", ""),
            ("plain ascii", "plain ascii"),
            ("Vie\u{0302}\u{0323}t Nam", "Việt Nam"),
            ("\u{0301}a", "\u{0301}a"),
            ("ca\u{0301}c ba\u{0300}i", "các bài"),
            ("đã có", "đã có"),
            ("x\u{0323}\u{0302}", "x\u{0323}\u{0302}"),
            ("o\u{0302}\u{0323}!", "ộ!"),
        ];
        for (raw, nfc) in cases {
            assert_eq!(composed(raw), nfc, "{raw:?}");
            let whole: String = unicode_normalization::UnicodeNormalization::nfc(raw).collect();
            assert_eq!(composed(raw), whole, "{raw:?} as a whole");
        }
    }
}
