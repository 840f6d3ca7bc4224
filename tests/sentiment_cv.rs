//! The cross-validation example's grid of scorer settings: every
//! combination named, and the setting chosen by its macro-F1 alone.

#[path = "../examples/sentiment_cv.rs"]
#[allow(dead_code)]
mod sentiment_cv;

use social_crm::sentiment::{Label, SentimentConfig};

fn grid(fields: &[(&str, &[&str])]) -> Vec<(String, Vec<String>)> {
    fields
        .iter()
        .map(|(f, vs)| (f.to_string(), vs.iter().map(|v| v.to_string()).collect()))
        .collect()
}

#[test]
fn a_grid_expands_to_every_combination_in_order() {
    let settings = sentiment_cv::expand(&grid(&[
        ("negation", &["-0.5", "-1"]),
        ("contrast", &["0.5:1.5", "0.3:1.7"]),
    ]))
    .unwrap();
    let names: Vec<&str> = settings.iter().map(|(n, _)| n.as_str()).collect();
    assert_eq!(
        names,
        [
            "negation=-0.5 contrast=0.5:1.5",
            "negation=-0.5 contrast=0.3:1.7",
            "negation=-1 contrast=0.5:1.5",
            "negation=-1 contrast=0.3:1.7",
        ]
    );
    assert_eq!(
        settings[3].1,
        SentimentConfig::new().negation(-1.0).contrast(0.3, 1.7)
    );
}

#[test]
fn no_grid_is_the_defaults_alone() {
    let settings = sentiment_cv::expand(&[]).unwrap();
    assert_eq!(settings.len(), 1);
    assert_eq!(settings[0], ("defaults".to_owned(), SentimentConfig::new()));
}

#[test]
fn a_field_or_value_the_scorer_has_not_is_an_error() {
    for (field, value) in [
        ("booster", "0.3"),
        ("negation", "strong"),
        ("window", "2.5"),
        ("contrast", "0.5"),
    ] {
        assert!(
            sentiment_cv::expand(&grid(&[(field, &[value])])).is_err(),
            "{field}={value}"
        );
    }
}

#[test]
fn the_setting_chosen_is_the_first_with_the_best_macro_f1_where_it_is_chosen() {
    use Label::{Negative as N, Neutral as U, Positive as P};
    let rows: Vec<(Label, Label, f64)> = [N, U, P, N].iter().map(|&g| (g, U, 0.0)).collect();
    let labelled = vec![
        vec![U, U, U, U],
        vec![N, U, P, P],
        vec![N, U, P, N],
        vec![N, U, P, N],
    ];
    // On every row the third setting is right and the fourth ties it.
    assert_eq!(
        sentiment_cv::best_setting(&labelled, &rows, &[0, 1, 2, 3]),
        2
    );
    // On the first three rows the second is as good, and comes first.
    assert_eq!(sentiment_cv::best_setting(&labelled, &rows, &[0, 1, 2]), 1);
}
