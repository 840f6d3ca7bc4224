//! Short labels: interaction tags, agent skills and teams, consent sources.

use std::fmt;
use std::str::FromStr;
use std::sync::Arc;

use crate::{ErrorKind, Result};

/// A short label such as `delivery`, `#panne`, `billing` or `social-fr`.
///
/// Tags are folded so that one label has one form: trimmed, lowercase, runs
/// of white space turned into one `-`. They may not be empty, longer than 64
/// bytes, or hold `,` (which separates tags in lists) or control characters.
///
/// ```
/// use social_crm::Tag;
///
/// let tag = Tag::new("  Late Delivery ")?;
/// assert_eq!(tag.as_str(), "late-delivery");
/// assert_eq!(Tag::new("#Panne")?.as_str(), "#panne");
/// assert!(Tag::new("a,b").is_err());
/// # Ok::<(), social_crm::Error>(())
/// ```
#[derive(Clone, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct Tag(Arc<str>);

impl Tag {
    /// The longest tag accepted, in bytes, once folded.
    pub const MAX_LEN: usize = 64;

    /// Folds and checks a label.
    ///
    /// # Errors
    ///
    /// [`ErrorKind::InvalidTag`] if the folded label is empty, too long, or
    /// holds `,` or a control character.
    pub fn new(label: &str) -> Result<Tag> {
        let folded = label
            .split_whitespace()
            .map(str::to_lowercase)
            .collect::<Vec<_>>()
            .join("-");
        let reason = if folded.is_empty() {
            "must not be empty"
        } else if folded.len() > Self::MAX_LEN {
            "must be at most 64 bytes long"
        } else if folded.contains(',') {
            "must not contain `,`"
        } else if folded.chars().any(char::is_control) {
            "must not contain control characters"
        } else {
            return Ok(Tag(Arc::from(folded)));
        };
        Err(ErrorKind::InvalidTag {
            value: label.to_owned(),
            reason,
        }
        .into())
    }

    /// The folded label.
    pub fn as_str(&self) -> &str {
        &self.0
    }
}

impl fmt::Debug for Tag {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "Tag({:?})", &*self.0)
    }
}

impl fmt::Display for Tag {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.pad(&self.0)
    }
}

impl FromStr for Tag {
    type Err = crate::Error;

    fn from_str(s: &str) -> Result<Tag> {
        Tag::new(s)
    }
}

impl AsRef<str> for Tag {
    fn as_ref(&self) -> &str {
        &self.0
    }
}

serde_via_str!(Tag, "a tag");

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn folding_is_idempotent() {
        for raw in ["Black Friday", " a  b ", "ÉTÉ", "#Panne"] {
            let once = Tag::new(raw).unwrap();
            assert_eq!(Tag::new(once.as_str()).unwrap(), once);
        }
    }

    #[test]
    fn bad_tags_name_the_problem() {
        assert_eq!(
            Tag::new("   ").unwrap_err().to_string(),
            "invalid tag `   `: must not be empty"
        );
        assert!(Tag::new(&"x".repeat(65)).is_err());
        assert!(Tag::new("a\u{0}b").is_err());
    }
}
