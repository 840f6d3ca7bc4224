//! The business calendar against the independent Python oracle's answers.
//!
//! `SLA_DATA` names a folder with `cases.jsonl` and `answers.txt` (CI sets it
//! to `../shared/data/sla`): every one of its cases must give exactly the
//! oracle's answer. Without the variable, only the crate's own cases in
//! `tests/data/sla_cases.jsonl` run.
#![cfg(feature = "tzdb-bundled")]

#[path = "../examples/sla_cases.rs"]
#[allow(dead_code)]
mod sla_cases;

fn run(cases: &str) -> Vec<String> {
    cases
        .lines()
        .filter(|l| !l.trim().is_empty())
        .map(|line| match sla_cases::answer(line) {
            Ok(answer) => answer,
            Err(e) => format!("ERROR {e}"),
        })
        .collect()
}

/// `ERROR` answers match on the word alone: the oracle's reasons are its own.
fn same(ours: &str, expected: &str) -> bool {
    if expected.starts_with("ERROR") {
        ours.starts_with("ERROR")
    } else {
        ours == expected
    }
}

#[test]
#[cfg_attr(
    not(sla_data),
    ignore = "needs the 3,000 SLA oracle cases: set SLA_DATA to ../shared/data/sla"
)]
fn every_oracle_case_gives_the_oracle_answer() {
    let Some(dir) = std::env::var_os("SLA_DATA") else {
        panic!(
            "{} is not set: run without it, this test is ignored",
            "SLA_DATA"
        );
    };
    let dir = std::path::PathBuf::from(dir);
    let read = |name: &str| {
        std::fs::read_to_string(dir.join(name)).unwrap_or_else(|e| {
            panic!(
                "SLA_DATA is set to {} but {name} cannot be read: {e}",
                dir.display()
            )
        })
    };
    let cases = read("cases.jsonl");
    let expected: Vec<String> = read("answers.txt").lines().map(str::to_owned).collect();
    assert!(!expected.is_empty(), "SLA_DATA holds no case");
    let ours = run(&cases);
    assert_eq!(ours.len(), expected.len(), "one answer per case");
    let wrong: Vec<String> = cases
        .lines()
        .zip(ours.iter().zip(&expected))
        .filter(|(_, (o, e))| !same(o, e))
        .map(|(case, (o, e))| format!("{case}\n  ours: {o}\n  oracle: {e}"))
        .collect();
    assert!(
        wrong.is_empty(),
        "{} of {} cases differ:\n{}",
        wrong.len(),
        expected.len(),
        wrong.join("\n")
    );
    eprintln!("{} oracle cases, all identical", expected.len());
}

#[test]
fn our_own_cases() {
    let text = include_str!("data/sla_cases.jsonl");
    let cases: Vec<&str> = text.lines().filter(|l| !l.trim().is_empty()).collect();
    let answers = run(text);
    for (case, answer) in cases.iter().zip(&answers) {
        let value: serde_json::Value = serde_json::from_str(case).unwrap();
        let expect = value["expect"].as_str().unwrap();
        assert!(
            same(answer, expect),
            "{}: expected {expect}, got {answer}",
            value["id"]
        );
    }
    assert!(cases.len() >= 10);
}
