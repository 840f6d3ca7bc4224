//! Typed identifiers: a customer id can never be passed where an agent id is
//! expected, and every id is checked once, when it is made.

use crate::{ErrorKind, Result};

/// The longest id accepted, in bytes.
pub const MAX_ID_LEN: usize = 128;

/// The one rule every id follows (see [`CustomerId::new`]).
pub(crate) fn check_id(what: &'static str, id: &str) -> Result<()> {
    // Most ids are printable ASCII: then only a space at either end can be
    // wrong, and no character needs decoding.
    if id.len() <= MAX_ID_LEN
        && id.bytes().all(|b| matches!(b, b' '..=b'~'))
        && !id.starts_with(' ')
        && !id.ends_with(' ')
        && !id.is_empty()
    {
        return Ok(());
    }
    let reason = if id.is_empty() {
        "must not be empty"
    } else if id.len() > MAX_ID_LEN {
        "must be at most 128 bytes long"
    } else if id.starts_with(char::is_whitespace) || id.ends_with(char::is_whitespace) {
        "must not start or end with white space"
    } else if id.chars().any(char::is_control) {
        "must not contain control characters"
    } else {
        return Ok(());
    };
    Err(ErrorKind::InvalidId {
        what,
        value: id.to_owned(),
        reason,
    }
    .into())
}

/// The rule for names people read (a customer's display name, an agent's
/// name, a persona's name): not blank, no control characters.
pub(crate) fn check_name(what: &'static str, name: &str) -> Result<()> {
    let reason = if name.trim().is_empty() {
        "must not be blank"
    } else if name.chars().any(char::is_control) {
        "must not contain control characters"
    } else {
        return Ok(());
    };
    Err(ErrorKind::InvalidText {
        what,
        value: name.to_owned(),
        reason,
    }
    .into())
}

/// A person's name as agents see it and replies use it: never blank, no
/// control characters.
///
/// The check is made when the value is made, so a [`Customer`](crate::Customer)
/// or an [`Agent`](crate::Agent) cannot hold a name that its stored form
/// would refuse to read back.
///
/// ```
/// use social_crm::Name;
///
/// let name: Name = "Léa Martin".parse()?;
/// assert_eq!(name, "Léa Martin");
/// assert!(name.starts_with("Léa")); // a `Name` reads as a `str`
/// assert!(Name::new("   ").is_err());
/// # Ok::<(), social_crm::Error>(())
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct Name(Box<str>);

impl Name {
    /// Checks and wraps a name.
    ///
    /// # Errors
    ///
    /// [`ErrorKind::InvalidText`] if the name is blank or holds control
    /// characters.
    pub fn new(name: &str) -> Result<Name> {
        Name::checked("name", name)
    }

    /// As [`Name::new`], the error naming the name as `what`.
    pub(crate) fn checked(what: &'static str, name: &str) -> Result<Name> {
        check_name(what, name)?;
        Ok(Name(name.into()))
    }

    /// The name as text.
    pub fn as_str(&self) -> &str {
        &self.0
    }
}

impl std::ops::Deref for Name {
    type Target = str;

    fn deref(&self) -> &str {
        &self.0
    }
}

impl AsRef<str> for Name {
    fn as_ref(&self) -> &str {
        &self.0
    }
}

impl PartialEq<str> for Name {
    fn eq(&self, other: &str) -> bool {
        *self.0 == *other
    }
}

impl PartialEq<&str> for Name {
    fn eq(&self, other: &&str) -> bool {
        *self.0 == **other
    }
}

impl From<Name> for String {
    fn from(name: Name) -> String {
        name.0.into_string()
    }
}

impl std::fmt::Display for Name {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.pad(&self.0)
    }
}

impl std::str::FromStr for Name {
    type Err = crate::Error;

    fn from_str(s: &str) -> Result<Name> {
        Name::new(s)
    }
}

serde_via_str!(Name, "a name", Name::as_str);

id_type! {
    /// Identifies a [`Customer`](crate::Customer): stable across channels and
    /// across identity merges (the kept customer keeps its id).
    ///
    /// ```
    /// use social_crm::CustomerId;
    ///
    /// let id = CustomerId::new("c042")?;
    /// assert_eq!(id.as_str(), "c042");
    /// assert!(CustomerId::new("").is_err());
    /// assert!(CustomerId::new(" c042").is_err());
    /// # Ok::<(), social_crm::Error>(())
    /// ```
    CustomerId("customer id")
}

id_type! {
    /// Identifies an [`Agent`](crate::Agent) of the care desk.
    AgentId("agent id")
}

id_type! {
    /// Identifies one [`Interaction`](crate::Interaction): a message, a call,
    /// a note.
    InteractionId("interaction id")
}

id_type! {
    /// Identifies a [`Conversation`](crate::Conversation): a thread of
    /// interactions with one customer.
    ConversationId("conversation id")
}

id_type! {
    /// Identifies a [`Persona`](crate::Persona).
    PersonaId("persona id")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn messages_name_the_value_and_the_rule() {
        let cases = [
            ("", "invalid customer id ``: must not be empty"),
            (
                " a",
                "invalid customer id ` a`: must not start or end with white space",
            ),
            (
                "a\u{7}b",
                "invalid customer id `a\u{7}b`: must not contain control characters",
            ),
        ];
        for (input, message) in cases {
            assert_eq!(CustomerId::new(input).unwrap_err().to_string(), message);
        }
        let long = "x".repeat(MAX_ID_LEN + 1);
        assert!(CustomerId::new(&long).is_err());
        assert!(CustomerId::new(&long[..MAX_ID_LEN]).is_ok());
    }

    proptest::proptest! {
        /// Whether an id is held inline (up to 15 bytes) or shared, it
        /// reads, compares, orders and hashes as its text does.
        #[test]
        fn an_id_is_its_text_whatever_its_length(
            a in "[a-zé€-]{1,20}",
            b in "[a-zé€-]{1,20}",
        ) {
            use std::hash::BuildHasher;
            let hasher = std::collections::hash_map::RandomState::new();
            let (x, y) = (CustomerId::new(&a).unwrap(), CustomerId::new(&b).unwrap());
            proptest::prop_assert_eq!(x.as_str(), a.as_str());
            proptest::prop_assert_eq!(x.to_string(), a.clone());
            proptest::prop_assert_eq!(x.clone(), a.parse::<CustomerId>().unwrap());
            proptest::prop_assert_eq!(x.cmp(&y), a.cmp(&b));
            proptest::prop_assert_eq!(x == y, a == b);
            proptest::prop_assert_eq!(
                hasher.hash_one(&x),
                hasher.hash_one(a.as_str()),
                "an id finds its entry in a map looked up by text"
            );
        }

        /// Looking at the two ends takes and refuses what trimming does: no
        /// surrounding white space (nor control character), ASCII or not.
        #[test]
        fn ids_are_checked_as_the_plain_rule_says(
            id in "[ a~\\t\\n\\x00\\x1f\\x7f\\u{85}\\u{a0}\\u{2003}\\u{9f}é]{1,8}|[ a]{126,130}",
        ) {
            let plain = id.trim() == id
                && !id.chars().any(char::is_control)
                && id.len() <= MAX_ID_LEN;
            proptest::prop_assert_eq!(check_id("id", &id).is_ok(), plain);
        }
    }

    #[test]
    fn ids_borrow_as_str_for_map_lookups() {
        let mut map = std::collections::HashMap::new();
        map.insert(AgentId::new("a1").unwrap(), 1);
        assert_eq!(map.get("a1"), Some(&1));
    }
}
