//! Writes the JSON Schemas of the format, generated from the Rust types, into
//! a folder: `article.schema.json` and `date-index.schema.json`.
//! `make schema` writes them to `schema/`, which ships in `dist/`.

use std::path::PathBuf;

use news_widget::model::{Article, DateIndex};
use schemars::{schema_for, Schema};

fn with_id(mut schema: Schema, id: &str, description: &str) -> Schema {
    schema.insert("$id".into(), id.into());
    schema.insert("description".into(), description.into());
    schema
}

fn main() {
    let Some(dir) = std::env::args_os().nth(1).map(PathBuf::from) else {
        eprintln!("usage: schema <folder>");
        std::process::exit(2);
    };
    let schemas = [
        with_id(
            schema_for!(Article),
            "article.schema.json",
            "A news article for the news-widget embed (see README.md#the-article-format).",
        ),
        with_id(
            schema_for!(DateIndex),
            "date-index.schema.json",
            "The articles of one day, for the news-widget's date browser (see README.md#the-date-index).",
        ),
    ];
    for schema in schemas {
        let name = schema
            .get("$id")
            .and_then(|id| id.as_str())
            .unwrap_or_default()
            .to_owned();
        let written = serde_json::to_string_pretty(&schema)
            .map_err(|e| e.to_string())
            .and_then(|json| {
                std::fs::write(dir.join(&name), json + "\n").map_err(|e| e.to_string())
            });
        if let Err(error) = written {
            eprintln!("schema: {name}: {error}");
            std::process::exit(1);
        }
    }
}
