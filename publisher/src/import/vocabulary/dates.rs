//! Date words by language: month names, and the words that mark a date as
//! the last change rather than the publication; zone abbreviations.

use super::Words;

/// Month names (and their genitive forms, where a date uses them), January
/// first, by language. A word names a month when it is one of these, or
/// the first three or more letters of forms of one month only ("Sept.",
/// "Dez", "abr").
#[rustfmt::skip]
pub const MONTHS: &[(&str, [&[&str]; 12])] = &[
    ("en", [&["january"], &["february"], &["march"], &["april"], &["may"], &["june"],
            &["july"], &["august"], &["september", "sept"], &["october"], &["november"],
            &["december"]]),
    ("de", [&["januar", "jänner"], &["februar", "feber"], &["märz", "mrz"], &["april"],
            &["mai"], &["juni"], &["juli"], &["august"], &["september"], &["oktober"],
            &["november"], &["dezember"]]),
    ("fr", [&["janvier"], &["février", "fevrier"], &["mars"], &["avril"], &["mai"],
            &["juin"], &["juillet"], &["août", "aout"], &["septembre"], &["octobre"],
            &["novembre"], &["décembre", "decembre"]]),
    ("es", [&["enero"], &["febrero"], &["marzo"], &["abril"], &["mayo"], &["junio"],
            &["julio"], &["agosto"], &["septiembre", "setiembre"], &["octubre"],
            &["noviembre"], &["diciembre"]]),
    ("pt", [&["janeiro"], &["fevereiro"], &["março", "marco"], &["abril"], &["maio"],
            &["junho"], &["julho"], &["agosto"], &["setembro"], &["outubro"], &["novembro"],
            &["dezembro"]]),
    ("it", [&["gennaio"], &["febbraio"], &["marzo"], &["aprile"], &["maggio"], &["giugno"],
            &["luglio"], &["agosto"], &["settembre"], &["ottobre"], &["novembre"],
            &["dicembre"]]),
    ("nl", [&["januari"], &["februari"], &["maart"], &["april"], &["mei"], &["juni"],
            &["juli"], &["augustus"], &["september"], &["oktober"], &["november"],
            &["december"]]),
    ("no", [&["januar"], &["februar"], &["mars"], &["april"], &["mai"], &["juni"], &["juli"],
            &["august"], &["september"], &["oktober"], &["november"], &["desember"]]),
    ("sv", [&["januari"], &["februari"], &["mars"], &["april"], &["maj"], &["juni"],
            &["juli"], &["augusti"], &["september"], &["oktober"], &["november"],
            &["december"]]),
    ("da", [&["januar"], &["februar"], &["marts"], &["april"], &["maj"], &["juni"], &["juli"],
            &["august"], &["september"], &["oktober"], &["november"], &["december"]]),
    ("pl", [&["stycznia", "styczeń"], &["lutego", "luty"], &["marca", "marzec"],
            &["kwietnia", "kwiecień"], &["maja", "maj"], &["czerwca", "czerwiec"],
            &["lipca", "lipiec"], &["sierpnia", "sierpień"], &["września", "wrzesień"],
            &["października", "październik"], &["listopada", "listopad"],
            &["grudnia", "grudzień"]]),
    ("cs", [&["ledna", "leden"], &["února", "únor"], &["března", "březen"],
            &["dubna", "duben"], &["května", "květen"], &["června", "červen"],
            &["července", "červenec"], &["srpna", "srpen"], &["září"], &["října", "říjen"],
            &["listopadu"], &["prosince", "prosinec"]]),
    ("tr", [&["ocak"], &["şubat"], &["mart"], &["nisan"], &["mayıs"], &["haziran"],
            &["temmuz"], &["ağustos"], &["eylül"], &["ekim"], &["kasım"], &["aralık"]]),
    ("id", [&["januari"], &["februari"], &["maret"], &["april"], &["mei"], &["juni"],
            &["juli"], &["agustus"], &["september"], &["oktober"], &["november"],
            &["desember"]]),
    ("ru", [&["января", "январь"], &["февраля", "февраль"], &["марта", "март"],
            &["апреля", "апрель"], &["мая", "май"], &["июня", "июнь"], &["июля", "июль"],
            &["августа", "август"], &["сентября", "сентябрь"], &["октября", "октябрь"],
            &["ноября", "ноябрь"], &["декабря", "декабрь"]]),
    ("uk", [&["січня"], &["лютого"], &["березня"], &["квітня"], &["травня"], &["червня"],
            &["липня"], &["серпня"], &["вересня"], &["жовтня"], &["листопада"], &["грудня"]]),
    ("lt", [&["sausio"], &["vasario"], &["kovo"], &["balandžio"], &["gegužės"],
            &["birželio"], &["liepos"], &["rugpjūčio"], &["rugsėjo"], &["spalio"],
            &["lapkričio"], &["gruodžio"]]),
    ("is", [&["janúar"], &["febrúar"], &["mars"], &["apríl"], &["maí"], &["júní"],
            &["júlí"], &["ágúst"], &["september"], &["október"], &["nóvember"],
            &["desember"]]),
];

/// Weekday names, Monday first, by language (a dateline's, never a name).
#[rustfmt::skip]
pub const WEEKDAYS: Words = &[
    ("en", &["monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"]),
    ("de", &["montag", "dienstag", "mittwoch", "donnerstag", "freitag", "samstag", "sonntag"]),
    ("fr", &["lundi", "mardi", "mercredi", "jeudi", "vendredi", "samedi", "dimanche"]),
    ("es", &["lunes", "martes", "miércoles", "jueves", "viernes", "sábado", "domingo"]),
    ("it", &["lunedì", "martedì", "mercoledì", "giovedì", "venerdì", "sabato", "domenica"]),
    ("pt", &["segunda-feira", "terça-feira", "quarta-feira", "quinta-feira", "sexta-feira"]),
    ("nl", &["maandag", "dinsdag", "woensdag", "donderdag", "vrijdag", "zaterdag", "zondag"]),
];

/// Whether `word` is a weekday's name.
pub fn is_weekday(word: &str) -> bool {
    let word = word.trim_end_matches([',', '.']).to_lowercase();
    WEEKDAYS.iter().any(|(_, w)| w.contains(&word.as_str()))
}

/// A line or label that gives the last change, not the publication.
#[rustfmt::skip]
pub const UPDATED: Words = &[
    ("en", &["updated", "update:", "last updated", "modified"]),
    ("vi", &["cập nhật"]),
    ("de", &["aktualisiert", "zuletzt aktualisiert"]),
    ("fr", &["mis à jour", "actualisé"]),
    ("es", &["actualizado"]),
    ("pt", &["atualizado", "actualizado"]),
    ("it", &["aggiornato"]),
    ("nl", &["bijgewerkt"]),
    ("no", &["oppdatert"]),
    ("sv", &["uppdaterad"]),
    ("da", &["opdateret"]),
];

/// Zone abbreviations with a fixed offset, in hours.
#[rustfmt::skip]
pub const FIXED_ZONES: &[(&str, i8)] = &[
    ("est", -5),
    ("edt", -4),
    ("cst", -6),
    ("cdt", -5),
    ("mst", -7),
    ("mdt", -6),
    ("pst", -8),
    ("pdt", -7),
    ("bst", 1),
    ("cet", 1),
    ("cest", 2),
    ("ict", 7),
    ("wib", 7),
    ("jst", 9),
];

/// Zone abbreviations of a zone whose offset depends on the day.
#[rustfmt::skip]
pub const SEASONAL_ZONES: &[(&str, &str)] = &[
    ("et", "America/New_York"),
    ("ct", "America/Chicago"),
    ("mt", "America/Denver"),
    ("pt", "America/Los_Angeles"),
];

/// The month `name` names in any language, if it names one (see [`MONTHS`]).
pub fn month(name: &str) -> Option<i64> {
    let name = name.trim_end_matches('.').to_lowercase();
    if name.chars().count() < 3 {
        return None;
    }
    let months = || {
        MONTHS
            .iter()
            .flat_map(|(_, months)| months.iter().enumerate())
            .flat_map(|(i, forms)| forms.iter().map(move |f| (i, *f)))
    };
    if let Some((i, _)) = months().find(|(_, f)| *f == name) {
        return Some(i as i64 + 1);
    }
    let mut found = months()
        .filter(|(_, f)| f.starts_with(name.as_str()))
        .map(|(i, _)| i);
    let first = found.next()?;
    found.all(|i| i == first).then_some(first as i64 + 1)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn months_in_the_corpora_languages() {
        for (name, number) in [
            ("January", 1),
            ("Sept.", 9),
            ("Dez", 12),
            ("März", 3),
            ("mai", 5),
            ("abr", 4),
            ("août", 8),
            ("kwietnia", 4),
            ("června", 6),
            ("července", 7),
            ("апреля", 4),
            ("Nisan", 4),
            ("okt", 10),
            ("ma", 0),
            ("čer", 0),
            ("Monday", 0),
        ] {
            assert_eq!(month(name).unwrap_or(0), number, "{name}");
        }
    }
}
