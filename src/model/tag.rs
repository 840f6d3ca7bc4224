//! Short labels: interaction tags, agent skills and teams, consent sources.

use std::fmt;
use std::str::FromStr;

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
pub struct Tag(ecow::EcoString);

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
        // Most stored labels are folded printable ASCII: one pass decides.
        if label.len() <= Self::MAX_LEN
            && !label.is_empty()
            && label
                .bytes()
                .all(|b| matches!(b, b'!'..=b'~') && !b.is_ascii_uppercase() && b != b',')
        {
            return Ok(Tag(ecow::EcoString::from(label)));
        }
        // Any other label already folded is taken as it is.
        let needs_folding = if label.is_ascii() {
            // Most labels: no case tables to consult.
            label
                .bytes()
                .any(|b| b.is_ascii_uppercase() || char::from(b).is_whitespace())
        } else {
            label
                .chars()
                .any(|c| c.is_whitespace() || !c.to_lowercase().eq([c]))
        };
        let folded: std::borrow::Cow<'_, str> = if needs_folding {
            let mut folded = String::with_capacity(label.len());
            for word in label.split_whitespace() {
                if !folded.is_empty() {
                    folded.push('-');
                }
                folded.push_str(&word.to_lowercase());
            }
            folded.into()
        } else {
            label.into()
        };
        let reason = if folded.is_empty() {
            "must not be empty"
        } else if folded.len() > Self::MAX_LEN {
            "must be at most 64 bytes long"
        } else if folded.contains(',') {
            "must not contain `,`"
        } else if folded.chars().any(char::is_control) {
            "must not contain control characters"
        } else {
            return Ok(Tag(ecow::EcoString::from(&*folded)));
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

serde_via_str!(Tag, "a tag", Tag::as_str);

/// The tags of an interaction: a set kept as one sorted vector. Most
/// interactions carry one to three tags, and a tree would allocate a node of
/// eleven slots for the first; a million messages with two tags each take
/// about 150 MB less this way. The serde form is a sorted list, as a
/// `BTreeSet<Tag>`'s.
///
/// ```
/// use social_crm::{Tag, Tags};
///
/// let mut tags: Tags = ["panne", "livraison"].into_iter().map(Tag::new).collect::<Result<_, _>>()?;
/// assert!(!tags.insert(Tag::new("Panne")?)); // already there
/// assert_eq!(tags.iter().map(Tag::as_str).collect::<Vec<_>>(), ["livraison", "panne"]);
/// # Ok::<(), social_crm::Error>(())
/// ```
#[derive(Debug, Clone, Default, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct Tags(Vec<Tag>);

impl Tags {
    /// No tag.
    pub fn new() -> Tags {
        Tags(Vec::new())
    }

    /// How many tags.
    pub fn len(&self) -> usize {
        self.0.len()
    }

    /// Whether there is no tag.
    pub fn is_empty(&self) -> bool {
        self.0.is_empty()
    }

    /// Whether the tag is there.
    pub fn contains(&self, tag: &Tag) -> bool {
        self.0.binary_search(tag).is_ok()
    }

    /// Adds a tag; whether it was new.
    pub fn insert(&mut self, tag: Tag) -> bool {
        match self.0.binary_search(&tag) {
            Ok(_) => false,
            Err(at) => {
                super::room_for_one(&mut self.0);
                self.0.insert(at, tag);
                true
            }
        }
    }

    /// Takes a tag out; whether it was there.
    pub fn remove(&mut self, tag: &Tag) -> bool {
        match self.0.binary_search(tag) {
            Ok(at) => {
                self.0.remove(at);
                true
            }
            Err(_) => false,
        }
    }

    /// The tags, in order.
    pub fn iter(&self) -> std::slice::Iter<'_, Tag> {
        self.0.iter()
    }

    /// Puts `shared` in place of an equal tag, so that both hold one copy of
    /// the text.
    pub(crate) fn share(&mut self, shared: &Tag) {
        if let Ok(at) = self.0.binary_search(shared) {
            self.0[at] = shared.clone();
        }
    }
}

impl Extend<Tag> for Tags {
    fn extend<I: IntoIterator<Item = Tag>>(&mut self, tags: I) {
        for tag in tags {
            self.insert(tag);
        }
    }
}

impl FromIterator<Tag> for Tags {
    fn from_iter<I: IntoIterator<Item = Tag>>(tags: I) -> Tags {
        let mut all = Tags::new();
        all.extend(tags);
        all
    }
}

impl<'a> IntoIterator for &'a Tags {
    type Item = &'a Tag;
    type IntoIter = std::slice::Iter<'a, Tag>;

    fn into_iter(self) -> std::slice::Iter<'a, Tag> {
        self.0.iter()
    }
}

impl IntoIterator for Tags {
    type Item = Tag;
    type IntoIter = std::vec::IntoIter<Tag>;

    fn into_iter(self) -> std::vec::IntoIter<Tag> {
        self.0.into_iter()
    }
}

#[cfg(feature = "serde")]
impl serde::Serialize for Tags {
    fn serialize<S: serde::Serializer>(&self, s: S) -> std::result::Result<S::Ok, S::Error> {
        s.collect_seq(self.iter())
    }
}

/// Reads a list of tags; a tag written twice is one tag, as in a set.
#[cfg(feature = "serde")]
impl<'de> serde::Deserialize<'de> for Tags {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> std::result::Result<Self, D::Error> {
        struct Visitor;
        impl<'de> serde::de::Visitor<'de> for Visitor {
            type Value = Tags;
            fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str("a list of tags")
            }
            fn visit_seq<A: serde::de::SeqAccess<'de>>(
                self,
                mut seq: A,
            ) -> std::result::Result<Tags, A::Error> {
                // A binary format says how many (JSON does not): one
                // allocation of the right size rather than one per tag. The
                // count is the input's, so it only sizes a first allocation.
                let mut tags = Tags(Vec::with_capacity(seq.size_hint().unwrap_or(0).min(16)));
                while let Some(tag) = seq.next_element::<Tag>()? {
                    tags.insert(tag);
                }
                Ok(tags)
            }
        }
        d.deserialize_seq(Visitor)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    proptest::proptest! {
        /// The fast paths for labels already folded take and refuse what
        /// the plain rule does, and fold as it does.
        #[test]
        fn folding_takes_every_label_as_the_plain_rule_does(
            label in "\\PC{0,12}|[a-zA-Z ,~!\\x7fǅᾈİ_-]{0,12}|[a,]{60,70}",
        ) {
            let plain = label
                .split_whitespace()
                .map(str::to_lowercase)
                .collect::<Vec<_>>()
                .join("-");
            let valid = !plain.is_empty()
                && plain.len() <= Tag::MAX_LEN
                && !plain.contains(',')
                && !plain.chars().any(char::is_control);
            proptest::prop_assert_eq!(
                Tag::new(&label).ok().map(|tag| tag.as_str().to_owned()),
                valid.then_some(plain)
            );
        }
    }

    #[test]
    fn tags_are_a_sorted_set() {
        let tag = |t: &str| Tag::new(t).unwrap();
        let mut tags: Tags = [tag("b"), tag("a"), tag("c"), tag("a")]
            .into_iter()
            .collect();
        assert_eq!(tags.len(), 3);
        assert!(tags.iter().zip(tags.iter().skip(1)).all(|(x, y)| x < y));
        assert!(!tags.insert(tag("B")));
        assert!(tags.remove(&tag("b")) && !tags.remove(&tag("b")));
        assert!(tags.contains(&tag("c")) && !tags.contains(&tag("b")));
        let set: std::collections::BTreeSet<Tag> = tags.iter().cloned().collect();
        assert!(tags.iter().eq(set.iter()));
    }

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
