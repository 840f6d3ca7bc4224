//! The scorer on the shared, labelled validation corpora: macro-F1 must not
//! fall more than 0.02 below what the crate reached when this test was
//! written. `SENTIMENT_DATA` names the folder (CI sets it to
//! `../shared/data/sentiment`); without it the test says so and passes.

use social_crm::sentiment::{Analyzer, Label};
use social_crm::Language;

/// Corpus file, its language, and the macro-F1 reached (see CHANGELOG).
const FLOORS: &[(&str, &str, f64)] = &[
    ("umsab/en-val.tsv", "en", 0.6553),
    ("umsab/fr-val.tsv", "fr", 0.6546),
    ("umsab/es-val.tsv", "es", 0.6317),
    ("vader-tweets/en-val.tsv", "en", 0.7299),
    ("vader-amazon/en-val.tsv", "en", 0.5885),
];

fn macro_f1(pairs: &[(Label, Label)]) -> f64 {
    let mut sum = 0.0;
    for class in Label::ALL {
        let tp = pairs
            .iter()
            .filter(|(g, p)| g == class && p == class)
            .count() as f64;
        let predicted = pairs.iter().filter(|(_, p)| p == class).count() as f64;
        let actual = pairs.iter().filter(|(g, _)| g == class).count() as f64;
        let precision = if predicted > 0.0 { tp / predicted } else { 0.0 };
        let recall = if actual > 0.0 { tp / actual } else { 0.0 };
        if precision + recall > 0.0 {
            sum += 2.0 * precision * recall / (precision + recall);
        }
    }
    sum / 3.0
}

#[test]
#[cfg_attr(
    not(sentiment_data),
    ignore = "needs the sentiment corpora: set SENTIMENT_DATA to ../shared/data/sentiment"
)]
fn macro_f1_holds_on_the_validation_splits() {
    let Some(dir) = std::env::var_os("SENTIMENT_DATA") else {
        panic!(
            "{} is not set: run without it, this test is ignored",
            "SENTIMENT_DATA"
        );
    };
    let dir = std::path::PathBuf::from(dir);
    let analyzer = Analyzer::default();
    let mut failures = Vec::new();
    for &(file, language, reached) in FLOORS {
        let path = dir.join(file);
        let text = std::fs::read_to_string(&path).unwrap_or_else(|e| {
            panic!(
                "SENTIMENT_DATA is set but {} cannot be read: {e}",
                path.display()
            )
        });
        let language: Language = language.parse().unwrap();
        let pairs: Vec<(Label, Label)> = text
            .lines()
            .skip(1)
            .map(|line| {
                let mut fields = line.split('\t');
                let gold: Label = fields.next().unwrap_or("").parse().expect("a gold label");
                let text = fields.next().unwrap_or("");
                (gold, analyzer.score(text, Some(language)).label)
            })
            .collect();
        assert!(
            !pairs.is_empty(),
            "{} holds no labelled text",
            path.display()
        );
        let f1 = macro_f1(&pairs);
        eprintln!("{file}: macro-F1 {f1:.4} (reached {reached:.4})");
        if f1 < reached - 0.02 {
            failures.push(format!("{file}: {f1:.4} < {reached:.4} - 0.02"));
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}
