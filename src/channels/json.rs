//! Walking a JSON payload while knowing where one is, so that every error
//! names the path that was wrong.

use jiff::Timestamp;
use serde_json::Value;

use crate::error::{ErrorKind, Result};

/// Parses a payload; malformed or truncated JSON is an error at `$`.
pub(crate) fn parse(body: &[u8]) -> Result<Value> {
    serde_json::from_slice(body).map_err(|e| {
        ErrorKind::InvalidPayload {
            path: "$".to_owned(),
            reason: e.to_string(),
        }
        .into()
    })
}

/// A value and the path that led to it.
#[derive(Clone, Copy)]
pub(crate) struct At<'a> {
    pub(crate) value: &'a Value,
    path: &'a Path<'a>,
}

/// A path, as a chain of steps from the root.
pub(crate) enum Path<'a> {
    Root,
    Field(&'a Path<'a>, &'a str),
    Index(&'a Path<'a>, usize),
}

impl std::fmt::Display for Path<'_> {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            Path::Root => Ok(()),
            Path::Field(Path::Root, name) => f.write_str(name),
            Path::Field(parent, name) => write!(f, "{parent}.{name}"),
            Path::Index(parent, i) => write!(f, "{parent}[{i}]"),
        }
    }
}

impl<'a> At<'a> {
    pub(crate) fn root(value: &'a Value) -> At<'a> {
        At {
            value,
            path: &Path::Root,
        }
    }

    /// The path, as text.
    pub(crate) fn path(&self) -> String {
        match self.path {
            Path::Root => "$".to_owned(),
            p => p.to_string(),
        }
    }

    /// An error at this path.
    pub(crate) fn error<T>(&self, reason: impl Into<String>) -> Result<T> {
        Err(ErrorKind::InvalidPayload {
            path: self.path(),
            reason: reason.into(),
        }
        .into())
    }

    /// Visits a field, required, with the path extended.
    pub(crate) fn field<R>(
        &self,
        name: &str,
        visit: impl FnOnce(At<'_>) -> Result<R>,
    ) -> Result<R> {
        let path = Path::Field(self.path, name);
        match self.value.get(name) {
            Some(value) if !value.is_null() => visit(At { value, path: &path }),
            _ => At {
                value: self.value,
                path: &path,
            }
            .error("missing"),
        }
    }

    /// Visits a field if it is there (and not null).
    pub(crate) fn optional<R>(
        &self,
        name: &str,
        visit: impl FnOnce(At<'_>) -> Result<R>,
    ) -> Result<Option<R>> {
        let path = Path::Field(self.path, name);
        match self.value.get(name) {
            Some(value) if !value.is_null() => visit(At { value, path: &path }).map(Some),
            _ => Ok(None),
        }
    }

    /// Visits each item of an array.
    pub(crate) fn each(&self, mut visit: impl FnMut(At<'_>) -> Result<()>) -> Result<()> {
        let Some(items) = self.value.as_array() else {
            return self.error("expected an array");
        };
        for (i, value) in items.iter().enumerate() {
            visit(At {
                value,
                path: &Path::Index(self.path, i),
            })?;
        }
        Ok(())
    }

    /// The value as text.
    pub(crate) fn str(&self) -> Result<&'a str> {
        match self.value.as_str() {
            Some(s) => Ok(s),
            None => self.error("expected a string"),
        }
    }

    /// A field's text.
    pub(crate) fn text(&self, name: &str) -> Result<String> {
        self.field(name, |v| v.str().map(str::to_owned))
    }

    /// A field's text, if it is there.
    pub(crate) fn optional_text(&self, name: &str) -> Result<Option<String>> {
        self.optional(name, |v| v.str().map(str::to_owned))
    }

    /// An integer written as a number or as a string of digits.
    pub(crate) fn integer(&self) -> Option<i64> {
        match self.value {
            Value::Number(n) => n.as_i64(),
            Value::String(s) => s.parse::<i64>().ok(),
            _ => None,
        }
    }

    /// An id written as a string or as a number (`"7391205546132"` or
    /// `7391205546132`), as text.
    pub(crate) fn id_text(&self) -> String {
        self.value
            .as_str()
            .map_or_else(|| self.value.to_string(), str::to_owned)
    }

    /// Seconds since the Unix epoch, as a number or a string of digits.
    pub(crate) fn unix_seconds(&self) -> Result<Timestamp> {
        match self.integer().and_then(|s| Timestamp::from_second(s).ok()) {
            Some(t) => Ok(t),
            None => self.error("expected seconds since 1970 within the years jiff supports"),
        }
    }

    /// An RFC 3339 instant (`2026-11-20T17:05:00.000Z`).
    pub(crate) fn instant(&self) -> Result<Timestamp> {
        self.check(crate::time::parse_timestamp(self.str()?))
    }

    /// Turns a crate error about this value into a payload error here.
    pub(crate) fn check<T>(&self, result: Result<T>) -> Result<T> {
        result.or_else(|e| self.error(e.to_string()))
    }
}
