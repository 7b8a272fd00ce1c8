//! Prints the JSON Schema of the article format, generated from the Rust types.
//! `make schema` writes it to `schema/article.schema.json`, which ships as
//! `dist/article.schema.json`.

fn main() {
    let mut schema = schemars::schema_for!(news_widget::model::Article);
    schema.insert("$id".into(), "article.schema.json".into());
    schema.insert(
        "description".into(),
        "A news article for the news-widget embed. Block and inline shapes: see README.md#the-article-format".into(),
    );
    match serde_json::to_string_pretty(&schema) {
        Ok(json) => println!("{json}"),
        Err(error) => {
            eprintln!("schema: {error}");
            std::process::exit(1);
        }
    }
}
