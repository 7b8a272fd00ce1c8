//! What a line of text says, by language: a photo credit's label, a
//! byline's "By" and the roles after a name, "Read more", a contributor or
//! copyright line, "Updated". Each list feeds one pattern below.

use std::sync::LazyLock;

use regex::Regex;

use super::{alternation, pattern, Words};

/// Words that introduce a photo credit ("Ảnh: Reuters", "Photo: AP",
/// "Foto: dpa"), before `:`, `by`, `de` or a dash.
#[rustfmt::skip]
pub const CREDIT_LABELS: Words = &[
    (
        "en",
        &[
            "photo", "photos", "photograph", "photographs", "image", "images", "picture",
            "illustration", "credit", "credits", "source",
        ],
    ),
    ("vi", &["ảnh", "anh", "nguồn", "nguồn ảnh"]),
    ("de", &["foto", "fotos", "bild", "bildquelle", "quelle"]),
    ("fr", &["crédit"]),
    ("es", &["foto", "fotos", "crédito"]),
    ("it", &["foto"]),
    ("nl", &["foto"]),
    ("pt", &["foto"]),
    ("tr", &["fotoğraf"]),
    ("ru", &["фото"]),
];

/// Words after a photo credit's names, set off by slashes ("… / J.
/// Stacevičiaus / LRT nuotr.").
#[rustfmt::skip]
pub const CREDIT_LABELS_AFTER: Words = &[("lt", &[r"nuotr\.", "nuotrauka"])];

/// Agencies named alone in parentheses at a caption's end ("(Reuters)").
#[rustfmt::skip]
pub const AGENCIES: Words = &[(
    "*",
    &[
        "Reuters", "AFP", "AP", "EPA", "Getty Images", "Bloomberg", "Xinhua", "TTXVN", "VNA",
        "AFP/Getty Images", "AP Photo",
    ],
)];

/// Photo agencies and picture desks, named beside a photographer in a
/// credit ("Philipp von Ditfurth/dpa", "AP Photo/Carolyn Kaster").
#[rustfmt::skip]
pub const PHOTO_AGENCIES: Words = &[(
    "*",
    &[
        "Getty", "Getty Images", "Imago", "picture alliance", "picture-alliance", "Keystone",
        "SIPA", "Shutterstock", "Alamy", "PA Images", "PA", "EFE", "KCNA", "Scanpix", "Ritzau Scanpix",
        "ZUMA", "ZUMA Press", "Polaris", "dpa-Bildfunk", "Unsplash", "Pexels", "Pool",
    ],
)];

/// Whether `credit` names a news or photo agency as a word of its own.
pub fn names_agency(credit: &str) -> bool {
    static AGENCY: LazyLock<Regex> = LazyLock::new(|| {
        pattern(&format!(
            r"(?i)(?:^|[^\p{{L}}\p{{N}}])(?:{}|{}|{})(?:$|[^\p{{L}}\p{{N}}])",
            alternation(AGENCIES),
            alternation(PHOTO_AGENCIES),
            NEWS_AGENCIES.join("|")
        ))
    });
    AGENCY.is_match(credit)
}

/// News agencies, which write articles as a person does (a byline of
/// "dpa" names its writer, lower case and all).
#[rustfmt::skip]
pub const NEWS_AGENCIES: &[&str] = &[
    "dpa", "afp", "ap", "reuters", "sda", "apa", "kna", "epd", "efe", "europa press", "ansa",
    "ttxvn", "vna", "ritzau", "ntb", "tt", "anp", "belga", "pap", "čtk", "ctk", "xinhua",
    "kyodo", "yonhap", "aap", "ians", "pti", "ani", "anadolu ajansı", "sid", "dts",
    "associated press", "agence france-presse", "deutsche presse-agentur", "keystone-sda",
];

/// Whether `name` is a news agency's.
pub fn is_agency(name: &str) -> bool {
    let name = name.trim().to_lowercase();
    NEWS_AGENCIES.contains(&name.as_str())
}

/// A line crediting the article's photos as a whole ("Ảnh: Thành Tâm").
#[rustfmt::skip]
pub const PHOTO_LINE_LABELS: Words = &[
    ("vi", &["ảnh", "bài và ảnh", "ảnh và bài"]),
    ("en", &["photos?"]),
];

/// Words before a byline's names, then a space ("By", "Par", "Theo").
#[rustfmt::skip]
pub const BYLINE_PREFIXES: Words = &[
    (
        "en",
        &[
            r"written\s+by", r"posted\s+by", r"story\s+by", r"words\s+by", r"text\s+by",
            r"reporting\s+by", "by", r"author\s*:", r"reporter\s*:",
        ],
    ),
    ("fr", &["par", r"auteur\s*:"]),
    ("de", &["von", "autor(?:in)?(?:/autor|/in)?:?", r"quelle\s*:"]),
    ("es", &["por"]),
    ("it", &["di"]),
    ("nl", &["door"]),
    (
        "vi",
        &[
            r"tác\s+giả\s*:?", r"bài\s+và\s+ảnh\s*:?", r"bài\s*:", "theo", r"nhóm\s+phóng\s+viên",
            r"pv\s*:",
        ],
    ),
];

/// Words before a byline's names in scripts without spaces ("作者︱").
#[rustfmt::skip]
pub const BYLINE_PREFIXES_UNSPACED: Words = &[("zh", &["作者", "文", "记者", "编译"])];

/// A byline closing the last paragraph, in brackets ("（编译/林靖东）").
#[rustfmt::skip]
pub const BYLINE_CLOSING: Words = &[
    ("zh", &["编译", "文", "记者", "作者", "撰文"]),
    ("vi", &["Theo"]),
    ("en", &["By"]),
];

/// Words that join two names in a byline.
#[rustfmt::skip]
pub const NAME_AND: Words = &[
    ("en", &["and", "&"]),
    ("vi", &["và"]),
    ("fr", &["et"]),
    ("de", &["und"]),
    ("es", &["y"]),
    ("it", &["e"]),
    ("da", &["og"]),
    ("sv", &["och"]),
    ("nl", &["en"]),
];

/// Words that add a name ("avec", "with", "cùng").
#[rustfmt::skip]
pub const NAME_WITH: Words = &[
    ("fr", &["avec"]),
    ("en", &["with"]),
    ("es", &["con"]),
    ("de", &["mit"]),
    ("vi", &["cùng"]),
];

/// A remark in brackets after a name ("Hà Thu (tổng hợp)").
#[rustfmt::skip]
pub const NAME_REMARKS: Words = &[("vi", &["tổng hợp", "lược dịch", "biên dịch", "dịch"])];

/// Jobs in brackets after a name ("(Staff Writer)").
#[rustfmt::skip]
pub const NAME_JOBS: Words = &[("en", &["reporter", "writer", "editor", "correspondent"])];

/// Words after a name and a comma that start a job title (", Staff Writer").
#[rustfmt::skip]
pub const NAME_DESKS: Words = &[(
    "en",
    &[
        "staff", "senior", "contributing", "associate", "special", "chief", "political", "science",
        "technology", "tech", "health", "business", "foreign", "national", "sports", "the",
    ],
)];

/// Degrees after a name (", MA").
#[rustfmt::skip]
pub const NAME_DEGREES: Words = &[("en", &["ma", "md", "phd", "rd", "ms", "msc", "bsc"])];

/// Words of a job, a desk or a link, not of a name ("Games Editor",
/// "WebMD Health News", "Redakteur", "Follow"): a byline's piece with one
/// of them names no person.
#[rustfmt::skip]
pub const ROLES: Words = &[
    ("en", &["reporter", "editor", "editors", "writer", "writers", "correspondent", "columnist",
             "contributor", "contributing", "producer", "photographer", "journalist", "intern",
             "analyst", "news", "times", "health", "staff writer", "director", "updated",
             "published", "author", "authors", "agencies"]),
    ("de", &["autor", "autorin", "autoren", "agenturen", "redakteur", "redakteurin", "redaktion", "korrespondent", "korrespondentin",
             "chefredakteur", "chefredakteurin", "leitender", "leitende", "nachrichtenagentur",
             "präsident", "präsidentin", "kommentar", "gastbeitrag", "volontär", "volontärin"]),
    ("fr", &["journaliste", "rédaction", "rédacteur", "rédactrice", "correspondant",
             "correspondante", "envoyé spécial", "envoyée spéciale", "mis à jour"]),
    ("es", &["redacción", "redactor", "redactora", "periodista", "corresponsal"]),
    ("it", &["redazione", "giornalista", "inviato", "inviata"]),
    ("pt", &["redação", "jornalista", "repórter"]),
    ("nl", &["redactie", "verslaggever", "correspondent"]),
    ("no", &["journalist", "reporter", "redaksjonen", "journalister"]),
    ("sv", &["reporter", "redaktionen", "reportrar"]),
    ("pl", &["redakcja", "dziennikarz", "dziennikarka"]),
    ("cs", &["redakce", "redaktor", "redaktorka"]),
    ("tr", &["muhabir", "muhabiri"]),
    ("vi", &["phóng viên", "biên tập", "cộng tác viên"]),
];

/// What a byline's box says besides names: buttons, links and labels of
/// the page's furniture ("Follow", "Share", "Text size", "Ver más
/// artículos"), and a photo's credit set beside the writer's portrait.
#[rustfmt::skip]
pub const BYLINE_NOISE: Words = &[
    ("en", &["follow", "following", "share", "print", "comments?", "email", "e-mail",
             "flipboard", "whatsapp", "facebook", "twitter", "linkedin", "reddit", "copy link",
             "subscribe", "sign in", "log in", "join the conversation", "latest posts",
             "view author publications", "search author on", "google scholar", "pubmed",
             "text size", "small", "medium", "large", "aa", "read more", "more articles",
             "more from", "bio", "images?", "getty", "photo", "listen", "about"]),
    ("de", &["folgen", "ich folge", "teilen", "drucken", "kommentare", "artikel", "anmelden",
             "abonnieren", "mehr", "anhören"]),
    ("fr", &["partager", "suivre", "s'abonner", "imprimer", "écouter"]),
    ("es", &["compartir", "copiar enlace", "suscr[ií]bete", "iniciar sesión", "ver más",
             "esta funcionalidad", "escuchar"]),
    ("it", &["condividi", "segui", "ascolta"]),
    ("pt", &["compartilhar", "partilhar", "seguir", "ouvir"]),
    ("cs", &["chcete-li", "sdílet", "poslouchat"]),
];
/// Roles in scripts without word boundaries.
#[rustfmt::skip]
pub const ROLES_UNSPACED: Words = &[
    ("zh", &["责任编辑", "编辑", "来源"]),
    ("ja", &["記者"]),
    ("ko", &["기자", "특파원"]),
];

/// Words that are never a name by themselves.
#[rustfmt::skip]
pub const NOT_NAMES: Words = &[
    ("en", &["by", "and", "or", "of", "the", "with"]),
    ("fr", &["par", "et"]),
    ("de", &["von", "und"]),
    ("es", &["por"]),
    ("vi", &["theo", "và"]),
];

/// A reviewer named in a byline, who did not write it.
#[rustfmt::skip]
pub const REVIEWED_BY: Words = &[("en", &["reviewed by", "reviewed"])];

/// What sites add to their names ("TUOI TRE ONLINE", "VnExpress.net").
#[rustfmt::skip]
pub const SITE_SUFFIXES: &[&str] = &["online", "com", "net", "vn", "org", "news", "media", "tv"];

/// A line that says what follows is not the article.
#[rustfmt::skip]
pub const READ_MORE: Words = &[
    (
        "vi",
        &[
            "xem thêm", "đọc thêm", "tin liên quan", "bài liên quan", "tin cùng chuyên mục",
            "tham khảo thêm", "xem tiếp", "từ khóa", "chủ đề:",
        ],
    ),
    (
        "en",
        &[
            "read more", "more:", "related", "see also", "also read", "more from", "more stories",
            "recommended", "you may also like", "you might also like", "click here", "subscribe",
            "sign up", "follow us", "share this", "tags?:", "up next",
            "for more (?:stories|news|articles|coverage)",
        ],
    ),
    ("de", &["lesen sie auch", "mehr zum thema"]),
    ("fr", &["lire aussi", "à lire aussi"]),
    ("pt", &["leia também", "veja também"]),
    ("es", &["lea también"]),
    ("zh", &["相关", "延伸阅读"]),
];

/// A contributor, correction, contact or copyright line (anywhere in it;
/// `^` anchors at its start).
#[rustfmt::skip]
pub const TAGLINES: Words = &[
    (
        "en",
        &[
            "contributed (?:to )?(?:this report|reporting)", r"contributed\.?$",
            "additional reporting", "reported from", "originally (?:appeared|published)",
            "editor's note", "correction:", "all rights reserved", "copyright ©", "on twitter",
            "follow (?:him|her|them|us) on",
            "this (?:version|story|article) (?:has been )?correct", "^clarification", "^loading",
            r"^source\s*:",
            // A tip line (Metro's "Got a story?"); a newswire's desk credits
            // and its standards line (Reuters, AP).
            r"^got a (?:story|news tip)\b", r"^(?:reporting|writing|editing) by\b", r"^our standards\s*:", "trust principles",
            "solely responsible for all content",
        ],
    ),
    ("zh", &["责任编辑", "编辑：", "原标题", "正在加载"]),
    ("vi", &["đang tải", r"^nguồn\s*:"]),
    ("fr", &["^chargement"]),
    ("es", &["^cargando", r"^fuente\s*:"]),
    ("de", &[r"^quelle\s*:"]),
    (
        "*",
        &[
            "^©", r"\b[\w.+-]+@[\w-]+\.[\w.]+\b", r"\(\d{3}\)\s*\d{3}-\d{4}",
            r"\b\d{3}-\d{3}-\d{4}\b",
        ],
    ),
];

/// How long the article takes to read, in a dateline ("Published Aug 28,
/// 2024 • Last updated 1 hour ago • 4 minute read", "3 Min Lesezeit").
#[rustfmt::skip]
pub const READING_TIME: Words = &[
    ("en", &[r"\d+\s*(?:-\s*)?min(?:ute)?s?\.?\s+read(?:$|[\s•|·,)])", r"\bread(?:ing)?\s+time\s*:?\s*\d"]),
    ("de", &[r"\d+\s*min(?:uten)?\.?\s+lesezeit", r"\blesezeit\s*:?\s*\d", r"\blesedauer\s*:?\s*\d"]),
    ("fr", &[r"\d+\s*min(?:utes)?\.?\s+de\s+lecture", r"\blecture\s*:?\s*\d+\s*min"]),
    ("es", &[r"\d+\s*min(?:utos)?\.?\s+de\s+lectura", r"\blectura\s*:?\s*\d+\s*min"]),
    ("it", &[r"\d+\s*min(?:uti)?\.?\s+di\s+lettura", r"\btempo\s+di\s+lettura\s*:?\s*\d"]),
    ("pt", &[r"\d+\s*min(?:utos)?\.?\s+de\s+leitura", r"\bleitura\s*:?\s*\d+\s*min"]),
    ("nl", &[r"\d+\s*min(?:uten)?\.?\s+leestijd", r"\bleestijd\s*:?\s*\d"]),
];

/// A line that is only how long ago something was or how long it runs: a
/// teaser's or a player's label ("14 hours ago", "vor 3 Stunden",
/// "Duration 1:30", "5 min"), never the article's sentence.
#[rustfmt::skip]
pub const TIME_LABELS: Words = &[
    ("en", &[
        r"(?:\d+|an?|one)\s+(?:sec(?:ond)?|min(?:ute)?|h(?:ou)?r|day|week|month|year)s?\s+ago",
        r"(?:duration|length|runtime)\s*:?\s*\d{1,2}:\d{2}(?::\d{2})?",
    ]),
    ("de", &[
        r"vor\s+(?:\d+|einer?|einem)\s+(?:sekunden?|minuten?|stunden?|tag(?:en)?|wochen?|monat(?:en)?|jahr(?:en)?)",
        r"(?:dauer|länge)\s*:?\s*\d{1,2}:\d{2}(?::\d{2})?",
    ]),
    ("fr", &[r"il y a\s+\d+\s+(?:secondes?|minutes?|heures?|jours?|semaines?|mois|ans?)", r"durée\s*:?\s*\d{1,2}:\d{2}"]),
    ("es", &[r"hace\s+\d+\s+(?:segundos?|minutos?|horas?|días?|semanas?|meses?|años?)", r"duración\s*:?\s*\d{1,2}:\d{2}"]),
    ("vi", &[r"\d+\s+(?:giây|phút|giờ|ngày|tuần|tháng|năm)\s+trước", r"thời lượng\s*:?\s*\d{1,2}:\d{2}"]),
    ("*", &[r"\d{1,2}:\d{2}(?::\d{2})?", r"\d+\s*min\.?"]),
];

/// A line opening with these is a caption under a photo.
#[rustfmt::skip]
pub const CAPTION_OPENERS: &[&str] = &["图为", "Ảnh:"];

/// "… lượt xem": how many times an article was read.
#[rustfmt::skip]
pub const VIEWS: Words = &[("vi", &["lượt xem", "lượt đọc"])];

/// The home page's step in a breadcrumb (squashed: no marks, no spaces).
#[rustfmt::skip]
pub const HOME: Words = &[
    ("vi", &["trangchu", "trangnhat"]),
    ("en", &["home", "homepage"]),
    ("fr", &["accueil"]),
    ("es", &["inicio"]),
    ("de", &["startseite"]),
];

/// "By" inside a line ("… 7:11 AM PST BY TMZ STAFF").
pub static BY_INSIDE: LazyLock<Regex> = LazyLock::new(|| pattern(r"(?i)(?:^|\s)by\s+(.+)$"));

/// A credit's label at the start ("Ảnh: ", "Photo by ", "© ").
pub static CREDIT_LABEL: LazyLock<Regex> = LazyLock::new(|| {
    pattern(&format!(
        r"(?i)^(?:(?:{})\s*(?:by|de|:|-|–|\s)|©)\s*",
        alternation(CREDIT_LABELS)
    ))
});

/// A credit element's text that is only its label ("Copyright", "Foto:",
/// "©"), its name in the next element.
pub static BARE_CREDIT_LABEL: LazyLock<Regex> = LazyLock::new(|| {
    pattern(&format!(
        r"(?i)^\s*(?:{}|copyright|©)\s*:?\s*$",
        alternation(CREDIT_LABELS)
    ))
});

/// A visually hidden label glued to the name ("CreditKirsten Luce").
pub static GLUED_CREDIT_LABEL: LazyLock<Regex> =
    LazyLock::new(|| pattern(&format!(r"^(?i:{})(\p{{Lu}})", alternation(CREDIT_LABELS))));

/// A credit at the end of a caption: "… Ảnh: Thành Tâm", "… Photo by X",
/// "… | Foto: Reuters", "… © X | Y" (group 1); "… / X / LRT nuotr.", the
/// label after the names (group 2).
pub static TRAILING_CREDIT: LazyLock<Regex> = LazyLock::new(|| {
    pattern(&format!(
        r"(?i)(?:^|[\s.|–—-]\(?)((?:{})\s*(?:by\s+|de\s+|:\s*)[^()|]{{2,80}}?|©\s*[^()]{{2,80}}?)\)?\s*$|\s/\s([^()|/]{{2,60}}?(?:\s/\s[^()|/]{{2,60}}?)?\s(?:{}))\s*$",
        alternation(CREDIT_LABELS),
        alternation(CREDIT_LABELS_AFTER)
    ))
});

/// A credit in brackets at the end of a caption: "(Reuters)",
/// "(Photo: X)", "(AP / Jane Doe)".
pub static BRACKETED_CREDIT: LazyLock<Regex> = LazyLock::new(|| {
    pattern(&format!(
        r"(?i)\(((?:{})|(?:{})s?\s+[^()]{{2,80}}|[^()]{{3,60}}\s/\s[^()]{{2,60}})\)\s*$",
        alternation(AGENCIES),
        alternation(CREDIT_LABELS)
    ))
});

/// A photographer and an agency joined by a slash at a caption's end, in
/// brackets ("(AP Photo/Carolyn Kaster)") or after the caption's last
/// sentence or a bar ("… von der Leyen. Philipp von Ditfurth/dpa"): the
/// credit, where it stands in `caption`. A credit only if one side names
/// an agency ([`names_agency`]: "Paris/Berlin" is none).
pub fn slashed_credit(caption: &str) -> Option<regex::Match<'_>> {
    static SLASHED: LazyLock<Regex> = LazyLock::new(|| {
        pattern(
            r"(?:\(([^()]{2,80}/[^()]{2,80})\)|(?:^|[.!?»”|\n]\s*)([^.!?»”|\n()/]{2,60}/[^.!?»”|\n()]{2,60}))\s*$",
        )
    });
    SLASHED
        .captures(caption)
        .and_then(|c| c.get(1).or(c.get(2)))
        .filter(|m| names_agency(m.as_str()))
}

/// A line crediting the article's photos; the names are its group 1.
pub static PHOTO_LINE: LazyLock<Regex> = LazyLock::new(|| {
    pattern(&format!(
        r"(?i)^(?:{})\s*:\s*(.{{2,60}})$",
        alternation(PHOTO_LINE_LABELS)
    ))
});

/// A byline's prefix, at its start.
pub static BYLINE_PREFIX: LazyLock<Regex> = LazyLock::new(|| {
    pattern(&format!(
        r"(?i)^(?:(?:{})\s+|(?:{})\s*[：:︱|/]?\s*)",
        alternation(BYLINE_PREFIXES),
        alternation(BYLINE_PREFIXES_UNSPACED)
    ))
});

/// A byline in brackets closing a paragraph; the names are its group 1.
pub static CLOSING_BYLINE: LazyLock<Regex> = LazyLock::new(|| {
    pattern(&format!(
        r"[（(]\s*(?:{})\s*[/／:：]?\s*([^()（）]{{1,24}})[)）]\s*$",
        alternation(BYLINE_CLOSING)
    ))
});

/// Roles and remarks after a name ("(tổng hợp)", ", Staff Writer", ", MA").
pub static NAME_REMARK: LazyLock<Regex> = LazyLock::new(|| {
    pattern(&format!(
        r"(?i)\s*(?:\((?:{}|theo [^)]*|[^)]*\b(?:{})\b[^)]*)\)|[,|–—]\s*(?:{})\b.*$|,\s*(?:{})\.?$|\s+(?:for|für|pour|para|per)\s+\S.*$)",
        alternation(NAME_REMARKS),
        alternation(NAME_JOBS),
        alternation(NAME_DESKS),
        alternation(NAME_DEGREES)
    ))
});

/// How names are joined in a byline.
pub static NAME_JOIN: LazyLock<Regex> = LazyLock::new(|| {
    let and: Vec<String> = alternation(NAME_AND)
        .split('|')
        .map(|w| format!(r"\s+{w}\s+"))
        .collect();
    pattern(&format!(
        r"(?i)\s*(?:,\s*and\s+|{}|\s*\(?\s*(?:{})\s+|;|,|\s+-\s+|\s+–\s+|\s*/\s*|\s*\|\s*|、)\s*",
        and.join("|"),
        alternation(NAME_WITH)
    ))
});

/// Whether `text` names a job, a desk or a link rather than a person.
pub fn is_role(text: &str) -> bool {
    static ROLE: LazyLock<Regex> = LazyLock::new(|| {
        pattern(&format!(
            r"(?i)(?:\b(?:{})\b|{})",
            alternation(ROLES),
            alternation(ROLES_UNSPACED)
        ))
    });
    ROLE.is_match(text)
}

/// A writer's initials after the name ("Corina Gall (cog)"), its closing
/// bracket already trimmed.
pub static NAME_INITIALS: LazyLock<Regex> = LazyLock::new(|| pattern(r"\s*\(\p{Ll}{2,5}\)?$"));

/// A role after a name in scripts that write it unspaced or last ("구현모
/// 기자", "田中太郎記者").
pub static ROLE_AFTER_NAME: LazyLock<Regex> =
    LazyLock::new(|| pattern(&format!(r"\s*(?:{})$", alternation(ROLES_UNSPACED))));

/// The word before the section a byline files the article under ("By
/// TPN, in News, Business"): what follows it names no one.
#[rustfmt::skip]
pub const SECTION_AFTER_BYLINE: Words = &[
    ("en", &["in"]), ("de", &["in", "im"]), ("fr", &["dans"]), ("es", &["en"]),
];

/// Whether a byline's piece ends by filing the article under a section.
pub fn ends_with_section_word(piece: &str) -> bool {
    let last = piece
        .trim_end()
        .rsplit(|c: char| c.is_whitespace() || c == ',')
        .next();
    last.is_some_and(|w| {
        SECTION_AFTER_BYLINE
            .iter()
            .any(|(_, words)| words.contains(&w.to_lowercase().as_str()))
    }) && piece.trim_end().contains(' ')
}

/// Whether a byline's piece is the furniture of its box, not a name.
pub fn is_byline_noise(text: &str) -> bool {
    static NOISE: LazyLock<Regex> = LazyLock::new(|| {
        pattern(&format!(
            r"(?i)(?:^|[\s:])(?:{})(?:$|[\s:.,])",
            alternation(BYLINE_NOISE)
        ))
    });
    NOISE.is_match(text)
}

/// Name particles written in lower case ("Ursula von der Leyen", "Luiz
/// Inácio da Silva"): any other lower-case word is not part of a name.
#[rustfmt::skip]
pub const NAME_PARTICLES: &[&str] = &[
    "de", "del", "della", "der", "den", "di", "da", "das", "do", "dos", "du", "la", "le", "van",
    "von", "vom", "zu", "zum", "ten", "ter", "af", "av", "bin", "ibn", "al", "el", "y", "e",
    "i", "und", "and",
];

/// Whether `word` is never a name by itself ("by", "and", "theo").
pub fn is_not_a_name(word: &str) -> bool {
    NOT_NAMES
        .iter()
        .flat_map(|(_, w)| w.iter())
        .any(|w| word.eq_ignore_ascii_case(w) || word.to_lowercase() == *w)
}

/// Whether a byline's piece names a reviewer ("Reviewed by").
pub fn is_reviewer(piece: &str) -> bool {
    let lower = piece.to_lowercase();
    REVIEWED_BY
        .iter()
        .flat_map(|(_, w)| w.iter())
        .any(|w| lower.starts_with(w))
}

/// A line that says what follows is not the article ("Xem thêm", "Read more").
pub fn is_read_more(line: &str) -> bool {
    static RE: LazyLock<Regex> =
        LazyLock::new(|| pattern(&format!("(?i)^(?:{})", alternation(READ_MORE))));
    let line = line
        .trim()
        .trim_start_matches(['•', '-', '*', '►', '»', '▶', '›', ' ']);
    line.chars().count() <= 60 && RE.is_match(line)
}

/// A contributor, correction, contact or copyright line.
pub fn is_tagline(line: &str) -> bool {
    static RE: LazyLock<Regex> =
        LazyLock::new(|| pattern(&format!("(?i)(?:{})", alternation(TAGLINES))));
    line.chars().count() <= 400 && RE.is_match(line)
}

/// A short line that gives the article's reading time: the page's
/// dateline, not its text.
pub fn is_reading_time(line: &str) -> bool {
    static RE: LazyLock<Regex> =
        LazyLock::new(|| pattern(&format!("(?i)(?:{})", alternation(READING_TIME))));
    line.chars().count() <= 160 && RE.is_match(line)
}

/// A line that is only a teaser's or a player's time label ([`TIME_LABELS`]).
pub fn is_time_label(line: &str) -> bool {
    static RE: LazyLock<Regex> = LazyLock::new(|| {
        pattern(&format!(
            r"(?i)^[\s•·|]*(?:{})[\s•·|]*$",
            alternation(TIME_LABELS)
        ))
    });
    line.chars().count() <= 40 && RE.is_match(line)
}

/// A line that opens as a byline or a dateline does ("By …", "Updated …").
pub fn opens_as_byline(line: &str) -> bool {
    let lower = line.trim_start().to_lowercase();
    lower.starts_with("by ") || is_reviewer(&lower) || lower.starts_with("updated")
}

/// A line that says when the article was last changed ("Cập nhật: …").
pub fn is_updated_line(line: &str) -> bool {
    let lower = line.trim_start().to_lowercase();
    super::dates::UPDATED
        .iter()
        .flat_map(|(_, w)| w.iter())
        .any(|w| lower.starts_with(w))
}

/// The home page's step in a breadcrumb (given squashed).
pub fn is_home(squashed: &str) -> bool {
    squashed.is_empty() || HOME.iter().any(|(_, w)| w.contains(&squashed))
}

/// "3.824 lượt xem", "Lượt xem: 3824": the count is group 1 or 2.
pub static VIEW_COUNT: LazyLock<Regex> = LazyLock::new(|| {
    let words = alternation(VIEWS).replace(' ', r"\s+");
    pattern(&format!(
        r"(?i)(?:(\d[\d.,\s]{{0,12}})\s*(?:{words})|(?:{words})\s*:?\s*(\d[\d.,\s]{{0,12}}))"
    ))
});

#[cfg(test)]
mod tests {
    use super::*;

    /// A line in, the decision out.
    #[test]
    fn lines_by_what_they_say() {
        let table: &[super::super::Case] = &[
            (is_read_more, "Xem thêm: Giá vàng hôm nay", true),
            (
                is_reading_time,
                "Published Aug 28, 2024 • Last updated 1 hour ago • 4 minute read",
                true,
            ),
            (
                is_reading_time,
                "November 6, 2025 Ntombizethu Ngcobo 2 minutes read",
                true,
            ),
            (is_reading_time, "28.04.2023, 19:09 3 Min. Lesezeit", true),
            (is_reading_time, "Lesezeit: 4 Minuten", true),
            (is_reading_time, "5 min de lecture", true),
            (
                is_reading_time,
                "He said the 90-minute read-through went well.",
                false,
            ),
            (
                is_reading_time,
                "She had 5 minutes to read the statement.",
                false,
            ),
            (is_read_more, "» Read more: the week in review", true),
            (is_read_more, "Lesen Sie auch", true),
            (
                is_read_more,
                "For more stories like this, check our news page.",
                true,
            ),
            (is_read_more, "Related coverage of the storm was", true),
            (is_read_more, "Readers wrote in to say the storm", false),
            (is_time_label, "14 hours ago", true),
            (is_time_label, "vor 3 Stunden", true),
            (is_time_label, "Duration 1:30", true),
            (is_time_label, "• 5 min", true),
            (is_time_label, "5 hours ago, the fire", false),
            (is_time_label, "He left 14 hours ago.", false),
            (is_tagline, "Jane Doe contributed reporting.", true),
            (is_tagline, "© 2024 The Times. All rights reserved.", true),
            (is_tagline, "Reach her at jane@paper.example", true),
            (is_tagline, "Nguồn: Reuters", true),
            (
                is_tagline,
                "Reporting by Jane Doe; Editing by John Roe",
                true,
            ),
            (
                is_tagline,
                "Our Standards: The Thomson Reuters Trust Principles.",
                true,
            ),
            (
                is_tagline,
                "The mayor said the source of the leak was",
                false,
            ),
            (is_role, "Games Editor", true),
            (is_role, "phóng viên", true),
            (is_role, "责任编辑", true),
            (is_role, "Jane Doe", false),
            (is_role, "Leitender Wirtschaftsredakteur", true),
            (is_role, "Redactora de tribunales", true),
            (is_role, "구현모 기자", true),
            (is_byline_noise, "Join the conversation", true),
            (is_byline_noise, "Ich folge", true),
            (is_byline_noise, "Ver más artículos", true),
            (is_byline_noise, "Image: Getty Images", true),
            (is_byline_noise, "Text size", true),
            (is_byline_noise, "Aaron Kliegman", false),
            (is_byline_noise, "Samuel Bio-Wright", false),
            (is_updated_line, "Cập nhật: 12:00", true),
            (is_updated_line, "Aktualisiert am 3. Mai", true),
            (is_updated_line, "Published 3 May", false),
            (is_not_a_name, "Theo", true),
            (is_not_a_name, "Theodor", false),
        ];
        for (predicate, line, expected) in table {
            assert_eq!(predicate(line), *expected, "{line}");
        }
    }

    #[test]
    fn credits_and_bylines_as_pages_write_them() {
        assert_eq!(CREDIT_LABEL.replace("Ảnh: Thành Tâm", ""), "Thành Tâm");
        assert_eq!(CREDIT_LABEL.replace("Photo by AP", ""), "AP");
        assert_eq!(
            GLUED_CREDIT_LABEL.replace("CreditKirsten Luce", "$1"),
            "Kirsten Luce"
        );
        let trailing = |c: &str| {
            TRAILING_CREDIT
                .captures(c)
                .and_then(|c| c.get(1).or(c.get(2)))
                .map(|m| m.as_str().to_owned())
        };
        let table: &[(&str, Option<&str>)] = &[
            ("Lúa chín. Ảnh: Thành Tâm", Some("Ảnh: Thành Tâm")),
            ("Der Kanzler | Foto: dpa", Some("Foto: dpa")),
            (
                "The gutted remains. Photograph: Eva Manez/Reuters",
                Some("Photograph: Eva Manez/Reuters"),
            ),
            (
                "Fotoğraf : Didem Mente/AA",
                Some("Fotoğraf : Didem Mente/AA"),
            ),
            (
                "Rund um den Brandort. © DPA Images | Christoph Soeder",
                Some("© DPA Images | Christoph Soeder"),
            ),
            (
                "Povilas Aleksandravičius / J. Stacevičiaus / LRT nuotr.",
                Some("J. Stacevičiaus / LRT nuotr."),
            ),
            ("A quiet street", None),
            ("Either / or", None),
        ];
        for (caption, credit) in table {
            assert_eq!(trailing(caption).as_deref(), *credit, "{caption}");
        }
        let bracketed = |c: &str| {
            BRACKETED_CREDIT
                .captures(c)
                .and_then(|c| c.get(1))
                .map(|m| m.as_str().to_owned())
        };
        assert_eq!(
            bracketed("Protesters (Reuters)").as_deref(),
            Some("Reuters")
        );
        assert_eq!(bracketed("A house (left)"), None);
        let table: &[(&str, Option<&str>)] = &[
            (
                "Wray listens in Washington. (AP Photo/Carolyn Kaster)",
                Some("AP Photo/Carolyn Kaster"),
            ),
            (
                "sagt Ursula von der Leyen.Philipp von Ditfurth/dpa",
                Some("Philipp von Ditfurth/dpa"),
            ),
            (
                "Der Hafen.\nJörg Carstensen/dpa",
                Some("Jörg Carstensen/dpa"),
            ),
            (
                "Vargas Llosa ist gestorben. | Jörg Carstensen/dpa",
                Some("Jörg Carstensen/dpa"),
            ),
            ("Trains between Paris/Berlin", None),
            ("The route (Paris/Berlin)", None),
        ];
        for (caption, credit) in table {
            assert_eq!(
                slashed_credit(caption).map(|m| m.as_str()),
                *credit,
                "{caption}"
            );
        }
        assert_eq!(BYLINE_PREFIX.replace("Par Martin", ""), "Martin");
        assert_eq!(BYLINE_PREFIX.replace("作者︱李明", ""), "李明");
        assert_eq!(NAME_REMARK.replace_all("Hà Thu (tổng hợp)", ""), "Hà Thu");
        let parts: Vec<&str> = NAME_JOIN.split("A B, C D and E F").collect();
        assert_eq!(parts, ["A B", "C D", "E F"]);
        let views = VIEW_COUNT.captures("3.824 lượt xem").and_then(|c| c.get(1));
        assert_eq!(views.map(|m| m.as_str().trim()), Some("3.824"));
    }
}
