//! Names the field at fault in a document that failed to parse.
//!
//! serde_json says where it stopped as a line and column. [`at`] walks the
//! document up to that point and names the field the parser was in, in the
//! form partners read in the error detail: `body[1].video.sources[0].src`.
//! This replaces serde_path_to_error, whose wrapper around every visitor was
//! 11 % of the wasm (11 KB gzip).
//!
//! It relies on serde_json stopping right after the value at fault, which
//! holds for every check in this module's parent: values are checked inside
//! their visitors (see `checked_string`). `tests/fuzz.rs` compares the names
//! with serde_path_to_error's on damaged documents: they are the same, except
//! inside rich text, where a nested list is named by its first item and an
//! unknown style by its node. Keys are named as written (escapes kept).

/// A container open at the position, and where in it the parser is.
enum Open<'a> {
    /// An object; `key` counts once its colon has been read.
    Object {
        key: Option<&'a [u8]>,
        in_value: bool,
    },
    /// An array, at item `index`.
    Array { index: usize },
}

/// The JSON path of the value being read at `line`:`column` (1-based line,
/// 0-based byte column, as serde_json reports them) of `json`; empty for the
/// root.
pub(super) fn at(json: &[u8], line: usize, column: usize) -> String {
    let line_start = match line {
        0 | 1 => 0,
        _ => json
            .iter()
            .enumerate()
            .filter(|(_, &b)| b == b'\n')
            .nth(line - 2)
            .map_or(json.len(), |(i, _)| i + 1),
    };
    let end = (line_start + column).min(json.len());
    name(&open_at(json.get(..end).unwrap_or(json)))
}

/// The containers open at the end of `json`, outermost first.
fn open_at(json: &[u8]) -> Vec<Open<'_>> {
    let mut open = Vec::new();
    let mut bytes = json.iter().enumerate();
    while let Some((i, byte)) = bytes.next() {
        match byte {
            b'{' => open.push(Open::Object {
                key: None,
                in_value: false,
            }),
            b'[' => open.push(Open::Array { index: 0 }),
            b'}' | b']' => drop(open.pop()),
            b':' => {
                if let Some(Open::Object { in_value, .. }) = open.last_mut() {
                    *in_value = true;
                }
            }
            b',' => match open.last_mut() {
                Some(Open::Object { key, in_value }) => (*key, *in_value) = (None, false),
                Some(Open::Array { index }) => *index += 1,
                None => {}
            },
            b'"' => {
                let mut end = json.len();
                while let Some((j, byte)) = bytes.next() {
                    match byte {
                        b'\\' => drop(bytes.next()),
                        b'"' => {
                            end = j;
                            break;
                        }
                        _ => {}
                    }
                }
                if let Some(Open::Object {
                    key,
                    in_value: false,
                }) = open.last_mut()
                {
                    *key = json.get(i + 1..end);
                }
            }
            _ => {}
        }
    }
    open
}

fn name(open: &[Open]) -> String {
    let mut path = String::new();
    for container in open {
        match container {
            Open::Object {
                key: Some(key),
                in_value: true,
            } => {
                if !path.is_empty() {
                    path.push('.');
                }
                path.push_str(&String::from_utf8_lossy(key));
            }
            Open::Object { .. } => {}
            Open::Array { index } => {
                path.push('[');
                path.push_str(&index.to_string());
                path.push(']');
            }
        }
    }
    path
}

#[cfg(test)]
mod tests {
    use super::at;

    #[test]
    fn names_keys_and_indexes_up_to_the_position() {
        let json = br#"{"a": {"b": [1, {"c": "x"}]}, "d": 2}"#;
        let upto = |needle: &str| {
            let column = json
                .windows(needle.len())
                .position(|w| w == needle.as_bytes())
                .map(|i| i + needle.len())
                .expect("needle in the document");
            at(json, 1, column)
        };
        assert_eq!(upto(r#"{"a""#), "");
        assert_eq!(upto(r#"[1"#), "a.b[0]");
        assert_eq!(upto(r#""c": "x""#), "a.b[1].c");
        assert_eq!(upto(r#""x"}"#), "a.b[1]");
        assert_eq!(upto(r#"]}"#), "a");
        assert_eq!(upto(r#""d": 2"#), "d");
        assert_eq!(upto(r#"2}"#), "");
    }

    #[test]
    fn counts_lines_and_skips_escaped_quotes() {
        let json = b"{\n \"a\\\"}\": {\n  \"b\": 1\n }\n}";
        assert_eq!(at(json, 3, 8), "a\\\"}.b");
        assert_eq!(at(json, 0, 0), "");
        assert_eq!(at(json, 99, 0), "");
    }
}
