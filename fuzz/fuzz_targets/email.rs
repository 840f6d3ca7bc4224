#![no_main]
//! See `social_crm_fuzz::checks::email` for what this target checks.

libfuzzer_sys::fuzz_target!(|data: &[u8]| social_crm_fuzz::checks::email(data));
