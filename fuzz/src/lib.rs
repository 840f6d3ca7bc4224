//! The fuzz targets' checks, one function per target, shared with the
//! crate's stable test `tests/fuzz_regressions.rs`, which replays every
//! crash input kept under `fuzz/regressions/<target>/` through them.

pub mod checks;
