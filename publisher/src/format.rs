//! Documents of the format written as JSON: what `import` writes, read
//! back by the widget's own model before it is written.

use serde::Serialize;
use serde_json::Value;

/// `document` as the JSON the sample site is written in: two-space
/// indents, a final newline, and without the fields that say nothing (a
/// `null`, an empty list), which the model reads as absent.
pub fn to_json<T: Serialize>(document: &T) -> Result<String, serde_json::Error> {
    let mut value = serde_json::to_value(document)?;
    prune(&mut value);
    Ok(serde_json::to_string_pretty(&value)? + "\n")
}

/// Drops `null`s and empty lists from objects, all the way down. Every
/// optional field of the format is an `Option` and every list defaults to
/// empty, so the document reads the same without them.
fn prune(value: &mut Value) {
    match value {
        Value::Object(map) => {
            map.retain(|_, v| {
                !v.is_null() && !matches!(v, Value::Array(items) if items.is_empty())
            });
            map.values_mut().for_each(prune);
        }
        Value::Array(items) => items.iter_mut().for_each(prune),
        _ => {}
    }
}
