//! Tells the tests which shared evaluation corpora they were built with.
//!
//! The data-backed tests (`sla_oracle`, `sentiment_corpora`,
//! `crisis_corpora`, `influence_pagerank`) read folders named by environment
//! variables. When a variable is not set, its tests are ignored with a reason
//! that `cargo test` prints, never passed with zero cases; when it is set
//! (as `.ci/run` does), they run and fail if the folder holds no case.
//! The library itself reads none of this.

fn main() {
    for (var, cfg) in [
        ("SLA_DATA", "sla_data"),
        ("SENTIMENT_DATA", "sentiment_data"),
        ("CRISIS_DATA", "crisis_data"),
        ("INFLUENCE_DATA", "influence_data"),
    ] {
        println!("cargo::rerun-if-env-changed={var}");
        println!("cargo::rustc-check-cfg=cfg({cfg})");
        if std::env::var_os(var).is_some() {
            println!("cargo::rustc-cfg={cfg}");
        }
    }
}
