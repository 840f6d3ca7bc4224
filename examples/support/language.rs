//! The language of a labelled file, from its name, shared by
//! `sentiment_eval`, `sentiment_cv` and `language_eval`.

use social_crm::Language;

/// The language whose code starts the file's name before a `-`
/// (`fr-train.tsv` is French), if it does.
pub fn of_file(path: &str) -> Option<Language> {
    let name = std::path::Path::new(path).file_name()?.to_str()?;
    name.get(..2)
        .filter(|_| name.get(2..3) == Some("-"))?
        .parse()
        .ok()
}
