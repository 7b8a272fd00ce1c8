//! What is wrong with a site's file, and every problem of a document that
//! does not parse, not only the first.

use std::fmt;
use std::path::{Path, PathBuf};

use news_widget::error::Error;
use news_widget::model::Document;
use serde_json::Value;

/// Something wrong with one file of a site.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize)]
pub struct Problem {
    /// The file, as it was named to the tool.
    pub file: PathBuf,
    /// The JSON path of the field at fault (`body[1].video.poster`); empty
    /// for the document as a whole.
    pub path: String,
    /// What is wrong.
    pub message: String,
}

impl Problem {
    /// The problem `error` found in `file`, at the field's JSON path.
    pub fn from_error(file: &Path, error: Error) -> Problem {
        match error {
            Error::Invalid { path, reason } => Problem::new(file, path, reason),
            other => Problem::new(file, "", other.to_string()),
        }
    }

    /// A problem with `file` at the JSON `path` (empty for the whole file).
    pub fn new(file: &Path, path: impl Into<String>, message: impl Into<String>) -> Problem {
        Problem {
            file: file.to_owned(),
            path: path.into(),
            message: message.into(),
        }
    }
}

impl fmt::Display for Problem {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self.path.as_str() {
            "" => write!(f, "{}: {}", self.file.display(), self.message),
            path => write!(f, "{}: {path}: {}", self.file.display(), self.message),
        }
    }
}

/// "1 problem", "2 problems": `n` things called `one` or `many`.
pub fn count(n: usize, one: &str, many: &str) -> String {
    match n {
        1 => format!("1 {one}"),
        n => format!("{n} {many}"),
    }
}

/// At most this many problems are named per file.
const MAX_PER_FILE: usize = 100;

/// Parses `bytes` as a document of type `T`; if it does not parse, every
/// problem in it, with its JSON path.
///
/// The model stops at the first field at fault. To find the next, the field
/// is taken out of the document and the rest parsed again, until it parses
/// or nothing more can be taken out: a field the model requires then shows
/// as missing from its object, which is the same problem and is not named
/// twice, and that object is taken out in turn.
pub fn parse_all<T: Document>(bytes: &[u8]) -> Result<T, Vec<Error>> {
    let first = match T::parse(bytes) {
        Ok(document) => return Ok(document),
        Err(error) => error,
    };
    let mut errors = vec![first.clone()];
    let bytes = bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(bytes);
    let Ok(mut value) = serde_json::from_slice::<Value>(bytes) else {
        return Err(errors); // not JSON at all: the one error says so
    };
    let mut removed = Removed::default();
    let mut last = first;
    while errors.len() < MAX_PER_FILE {
        let Error::Invalid { path, .. } = &last else {
            break;
        };
        // The field at fault goes; for a missing field, the path names its
        // object, which goes instead.
        let Some(taken) = parse_path(path) else {
            break;
        };
        if !remove(&mut value, &taken, &mut removed) {
            break;
        }
        let Ok(again) = serde_json::to_vec(&value) else {
            break;
        };
        match T::parse(&again) {
            Ok(_) => break,
            Err(next) => {
                let next = removed.original(next);
                if !is_missing(&next, &taken) {
                    errors.push(next.clone());
                }
                last = next;
            }
        }
    }
    Err(errors)
}

/// One step of a JSON path.
#[derive(Debug, Clone, PartialEq)]
enum Step {
    Key(String),
    Index(usize),
}

/// A JSON path, as the model names it (`body[1].video.poster`).
#[derive(Debug, Clone, PartialEq, Default)]
struct JsonPath(Vec<Step>);

impl JsonPath {
    fn name(&self) -> String {
        let mut out = String::new();
        for step in &self.0 {
            match step {
                Step::Key(key) if out.is_empty() => out.push_str(key),
                Step::Key(key) => {
                    out.push('.');
                    out.push_str(key);
                }
                Step::Index(i) => out.push_str(&format!("[{i}]")),
            }
        }
        out
    }
}

fn parse_path(path: &str) -> Option<JsonPath> {
    let mut steps = Vec::new();
    for part in path.split('.').filter(|p| !p.is_empty()) {
        let (key, mut rest) = part.split_once('[').map_or((part, ""), |(k, r)| (k, r));
        if !key.is_empty() {
            steps.push(Step::Key(key.to_owned()));
        }
        while !rest.is_empty() {
            let (index, after) = rest.split_once(']')?;
            steps.push(Step::Index(index.parse().ok()?));
            rest = after.strip_prefix('[').unwrap_or(after);
        }
    }
    Some(JsonPath(steps))
}

/// Whether `error` only says that the field just taken out (`taken`) is missing.
fn is_missing(error: &Error, taken: &JsonPath) -> bool {
    let Error::Invalid { path, reason } = error else {
        return false;
    };
    let Some((Step::Key(key), object)) = taken.0.split_last() else {
        return false;
    };
    *path == JsonPath(object.to_vec()).name() && *reason == format!("missing field `{key}`")
}

/// The array items taken out so far, to name later problems by their
/// places in the document as written.
#[derive(Default)]
struct Removed(Vec<(JsonPath, usize)>);

impl Removed {
    /// The index in the original array `array` (original places) of the
    /// item now at `index`.
    fn original_index(&self, array: &JsonPath, index: usize) -> usize {
        let mut gone: Vec<usize> = self
            .0
            .iter()
            .filter(|(a, _)| a == array)
            .map(|(_, i)| *i)
            .collect();
        gone.sort_unstable();
        let mut original = index;
        for i in gone {
            if i <= original {
                original += 1;
            }
        }
        original
    }

    /// `path` (places in the document now) in the document's original places.
    fn original_path(&self, path: &JsonPath) -> JsonPath {
        let mut out = JsonPath::default();
        for step in &path.0 {
            let step = match step {
                Step::Index(i) => Step::Index(self.original_index(&out, *i)),
                key => key.clone(),
            };
            out.0.push(step);
        }
        out
    }

    /// `error` with its path in original places.
    fn original(&self, error: Error) -> Error {
        match error {
            Error::Invalid { path, reason } => match parse_path(&path) {
                Some(now) => Error::Invalid {
                    path: self.original_path(&now).name(),
                    reason,
                },
                None => Error::Invalid { path, reason },
            },
            other => other,
        }
    }

    /// The place in the current document of the original path `path`.
    fn current_path(&self, path: &JsonPath) -> JsonPath {
        let mut original = JsonPath::default();
        let mut now = JsonPath::default();
        for step in &path.0 {
            match step {
                Step::Index(i) => {
                    let before = self
                        .0
                        .iter()
                        .filter(|(a, gone)| *a == original && gone < i)
                        .count();
                    now.0.push(Step::Index(i - before));
                }
                key => now.0.push(key.clone()),
            }
            original.0.push(step.clone());
        }
        now
    }
}

/// Takes the value at `path` (original places) out of `value`, and the
/// object it was in if that is left empty (a block's wrapper, say): an
/// empty object says nothing and would only be reported as incomplete.
fn remove(value: &mut Value, path: &JsonPath, removed: &mut Removed) -> bool {
    let now = removed.current_path(path);
    let Some((last, parent)) = now.0.split_last() else {
        return false;
    };
    let Some(node) = at_mut(value, parent) else {
        return false;
    };
    let left_empty = match (last, node) {
        (Step::Key(key), Value::Object(map)) => {
            if map.remove(key).is_none() {
                return false;
            }
            map.is_empty()
        }
        (Step::Index(i), Value::Array(items)) if *i < items.len() => {
            items.remove(*i);
            if let Some((Step::Index(original), array)) = path.0.split_last() {
                removed.0.push((JsonPath(array.to_vec()), *original));
            }
            false
        }
        _ => return false,
    };
    let parent = JsonPath(path.0.split_last().map_or(&[][..], |(_, p)| p).to_vec());
    if left_empty && !parent.0.is_empty() {
        remove(value, &parent, removed);
    }
    true
}

/// The value at `path` (current places) in `value`.
fn at_mut<'a>(value: &'a mut Value, path: &[Step]) -> Option<&'a mut Value> {
    path.iter()
        .try_fold(value, |node, step| match (step, node) {
            (Step::Key(key), Value::Object(map)) => map.get_mut(key),
            (Step::Index(i), Value::Array(items)) => items.get_mut(*i),
            _ => None,
        })
}
