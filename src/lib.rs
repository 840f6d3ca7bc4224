//! Social customer relationship management, as a pure library.
#![forbid(unsafe_code)]
#![deny(missing_docs)]
#![warn(missing_debug_implementations)]
#![cfg_attr(docsrs, feature(doc_cfg))]

#[macro_use]
mod macros;

pub mod directory;
pub mod error;
pub mod model;
pub mod sample;
pub mod time;

pub use jiff;

pub use directory::{Directory, MergeReport, Resolution};
pub use error::{Error, ErrorKind, Result};
pub use model::*;
