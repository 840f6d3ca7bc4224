//! Replays every input the fuzzers ever found (kept under
//! `fuzz/regressions/<target>/`) through the same checks as the fuzz
//! targets, on the stable toolchain, so CI guards them without nightly.
//! See `fuzz/README.md`.
#![cfg(all(
    feature = "serde",
    feature = "tzdb-bundled",
    feature = "whatsapp",
    feature = "meta",
    feature = "x",
    feature = "email",
    feature = "signatures"
))]

#[allow(dead_code, clippy::all)]
#[path = "../fuzz/src/checks.rs"]
mod checks;

use std::path::Path;

/// A target's check.
type Check = fn(&[u8]);

/// Each target with its check.
const TARGETS: [(&str, Check); 16] = [
    ("text_forms", checks::text_forms),
    ("serde_states", checks::serde_states),
    ("sentiment", checks::sentiment),
    ("redaction", checks::redaction),
    ("replies", checks::replies),
    ("sla_calendar", checks::sla_calendar),
    ("crisis", checks::crisis),
    ("conversation", checks::conversation),
    ("directory", checks::directory),
    ("influence", checks::influence),
    ("desk", checks::desk),
    ("whatsapp", checks::whatsapp),
    ("meta", checks::meta),
    ("x", checks::x),
    ("email", checks::email),
    ("signatures", checks::signatures),
];

#[test]
fn every_kept_crash_input_passes_its_check() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("fuzz/regressions");
    let mut replayed = 0;
    for (target, check) in TARGETS {
        let dir = root.join(target);
        let Ok(entries) = std::fs::read_dir(&dir) else {
            continue;
        };
        let mut files: Vec<_> = entries.filter_map(|e| e.ok()).map(|e| e.path()).collect();
        files.sort();
        for file in files.into_iter().filter(|f| f.is_file()) {
            let data = std::fs::read(&file).unwrap();
            eprintln!("replaying {}", file.display());
            check(&data);
            replayed += 1;
        }
    }
    assert!(replayed > 0, "no regression input under {}", root.display());
}

/// The checks themselves run on stable too, on a few fixed inputs, so a
/// change that breaks a law is seen without a fuzzing run.
#[test]
fn every_check_passes_on_fixed_inputs() {
    let inputs: [&[u8]; 6] = [
        b"",
        b"\x00",
        b"twitter:@nath_conso",
        "J'ai été débitée deux fois… merci de me rembourser 06 12 34 56 78".as_bytes(),
        &[0xff; 64],
        &[
            7, 3, 200, 1, 0, 42, 9, 9, 9, 255, 128, 64, 32, 16, 8, 4, 2, 1, 0, 17, 33,
        ],
    ];
    for (target, check) in TARGETS {
        for data in inputs {
            eprintln!("{target} on {data:?}");
            check(data);
        }
    }
}
