//! Typed identifiers: a customer id can never be passed where an agent id is
//! expected, and every id is checked once, when it is made.

use crate::{ErrorKind, Result};

/// The longest id accepted, in bytes.
pub const MAX_ID_LEN: usize = 128;

/// The one rule every id follows (see [`CustomerId::new`]).
pub(crate) fn check_id(what: &'static str, id: &str) -> Result<()> {
    let reason = if id.is_empty() {
        "must not be empty"
    } else if id.len() > MAX_ID_LEN {
        "must be at most 128 bytes long"
    } else if id.trim() != id {
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

/// Deserialises a name with the same check as the constructors.
#[cfg(feature = "serde")]
pub(crate) fn deserialize_name<'de, D: serde::Deserializer<'de>>(
    d: D,
) -> std::result::Result<String, D::Error> {
    use serde::de::Error as _;
    let name = <String as serde::Deserialize>::deserialize(d)?;
    check_name("name", &name).map_err(D::Error::custom)?;
    Ok(name)
}

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

    #[test]
    fn ids_borrow_as_str_for_map_lookups() {
        let mut map = std::collections::HashMap::new();
        map.insert(AgentId::new("a1").unwrap(), 1);
        assert_eq!(map.get("a1"), Some(&1));
    }
}
