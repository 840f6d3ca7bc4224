//! The crate's few macros: one way to give a type a text form, and one way
//! to store a struct in every serde format.
//!
//! Many of the crate's types are stored and printed as short words (`twitter`,
//! `opinion-leader`, `pending`) or validated strings (ids, handles, language
//! codes). They all get `Display`, `FromStr` and, with the `serde` feature, a
//! serde form that is exactly that text, so a value written by one reads back
//! through the other and through the same validation. Structs that leave
//! empty fields out of JSON get their `Serialize` from `serialize_struct!`,
//! which writes those fields in binary formats.

use std::fmt;

/// The accepted spellings of an enumerated value, printed as `` `a`, `b` ``.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Spellings(pub(crate) &'static [&'static str]);

impl fmt::Display for Spellings {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        for (i, word) in self.0.iter().enumerate() {
            if i > 0 {
                f.write_str(", ")?;
            }
            write!(f, "`{word}`")?;
        }
        Ok(())
    }
}

/// Folds a user-typed word to the form the spelling tables use: trimmed,
/// lowercase, with spaces and underscores as hyphens (`Opinion Leader`,
/// `opinion_leader` and `opinion-leader` are one word). A word already in
/// that form, as every stored one is, is returned as it is, without a copy.
pub(crate) fn fold_word(s: &str) -> std::borrow::Cow<'_, str> {
    let s = s.trim();
    if !s
        .bytes()
        .any(|b| b == b' ' || b == b'_' || b.is_ascii_uppercase())
    {
        return std::borrow::Cow::Borrowed(s);
    }
    s.chars()
        .map(|c| match c {
            ' ' | '_' => '-',
            c => c.to_ascii_lowercase(),
        })
        .collect()
}

/// Implements `Serialize` through `Display` and `Deserialize` through
/// `FromStr`, so the serde form is the text form and is validated on the way in.
/// With a third argument, a function giving that text (`Tag::as_str`), the
/// text is written as it is, without the formatting machinery (which
/// postcard runs twice: once to count the bytes).
macro_rules! serde_via_str {
    ($ty:ty, $expecting:expr) => {
        #[cfg(feature = "serde")]
        impl serde::Serialize for $ty {
            fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
                s.collect_str(self)
            }
        }

        serde_via_str!(@deserialize $ty, $expecting);
    };
    ($ty:ty, $expecting:expr, $text:path) => {
        #[cfg(feature = "serde")]
        impl serde::Serialize for $ty {
            fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
                s.serialize_str(&$text(self))
            }
        }

        serde_via_str!(@deserialize $ty, $expecting);
    };
    (@deserialize $ty:ty, $expecting:expr) => {
        #[cfg(feature = "serde")]
        impl<'de> serde::Deserialize<'de> for $ty {
            fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
                struct Visitor;
                impl serde::de::Visitor<'_> for Visitor {
                    type Value = $ty;
                    fn expecting(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
                        f.write_str($expecting)
                    }
                    fn visit_str<E: serde::de::Error>(self, v: &str) -> Result<$ty, E> {
                        v.parse().map_err(E::custom)
                    }
                }
                d.deserialize_str(Visitor)
            }
        }
    };
}

/// Implements `Serialize` for a struct, field by field in the order given.
/// A field written `name if empty` is left out of human-readable forms
/// (JSON) when `empty(&self.name)` holds, as `skip_serializing_if` would,
/// and written in every other form: binary formats (postcard, bincode) read
/// a struct's fields by position, so a field left out would shift the rest.
/// A field written `name as Form` is written as `Form(&self.name)`.
/// `Deserialize` stays derived, with `#[serde(default)]` on the fields that
/// may be left out.
#[cfg(feature = "serde")]
macro_rules! serialize_struct {
    ($ty:ident $(<$lt:lifetime>)? {
        $($field:ident $(if $empty:path)? $(as $form:path)?),* $(,)?
    }) => {
        impl $(<$lt>)? serde::Serialize for $ty $(<$lt>)? {
            fn serialize<S: serde::Serializer>(
                &self,
                s: S,
            ) -> std::result::Result<S::Ok, S::Error> {
                use serde::ser::SerializeStruct as _;
                let readable = s.is_human_readable();
                // Each field's fate, decided once: the count goes first.
                let skipped = [$(serialize_struct!(@skip readable, self.$field $(, $empty)?)),*];
                let len = skipped.iter().filter(|&&skip| !skip).count();
                let mut out = s.serialize_struct(stringify!($ty), len)?;
                let mut skipped = skipped.into_iter();
                $(
                    if skipped.next() == Some(true) {
                        out.skip_field(stringify!($field))?;
                    } else {
                        out.serialize_field(
                            stringify!($field),
                            serialize_struct!(@value self.$field $(, $form)?),
                        )?;
                    }
                )*
                out.end()
            }
        }
    };
    // Whether the field is left out.
    (@skip $readable:ident, $value:expr) => {{
        let _ = $readable;
        false
    }};
    (@skip $readable:ident, $value:expr, $empty:path) => {
        $readable && $empty(&$value)
    };
    (@value $value:expr) => {
        &$value
    };
    (@value $value:expr, $form:path) => {
        &$form(&$value)
    };
}

/// Declares a fieldless enum whose values are words: `as_str`, `ALL`,
/// `Display`, `FromStr` (case-insensitive, with aliases) and serde: the word
/// in human-readable formats, the value's position in `ALL` (one byte) in
/// the others. A new value therefore goes last.
macro_rules! word_enum {
    (
        $(#[$meta:meta])*
        pub enum $name:ident ($what:literal) {
            $(
                $(#[$vmeta:meta])*
                $variant:ident => $canonical:literal $(| $alias:literal)*
            ),+ $(,)?
        }
    ) => {
        $(#[$meta])*
        #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
        pub enum $name {
            $( $(#[$vmeta])* $variant ),+
        }

        impl $name {
            #[doc = concat!("Every ", $what, ", in declaration order.")]
            pub const ALL: &'static [$name] = &[$($name::$variant),+];

            /// The canonical spelling: what `Display` writes and serde stores.
            pub const fn as_str(self) -> &'static str {
                match self {
                    $($name::$variant => $canonical),+
                }
            }
        }

        impl std::fmt::Display for $name {
            fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
                f.pad(self.as_str())
            }
        }

        impl std::str::FromStr for $name {
            type Err = $crate::Error;

            fn from_str(s: &str) -> $crate::Result<Self> {
                let named = |word: &str| match word {
                    $($canonical $(| $alias)* => Some($name::$variant),)+
                    _ => None,
                };
                // A spelling already folded (every stored one) is looked up
                // as it is; folding is for what people type.
                named(s)
                    .or_else(|| named(&$crate::macros::fold_word(s)))
                    .ok_or_else(|| {
                        $crate::ErrorKind::UnknownName {
                            what: $what,
                            value: s.to_owned(),
                            expected: $crate::macros::Spellings(&[$($canonical),+]),
                        }
                        .into()
                    })
            }
        }

        #[cfg(feature = "serde")]
        impl serde::Serialize for $name {
            fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
                if s.is_human_readable() {
                    s.serialize_str(self.as_str())
                } else {
                    s.serialize_u8(*self as u8)
                }
            }
        }

        #[cfg(feature = "serde")]
        impl<'de> serde::Deserialize<'de> for $name {
            fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
                struct Visitor;
                impl serde::de::Visitor<'_> for Visitor {
                    type Value = $name;
                    fn expecting(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
                        f.write_str(concat!("a ", $what))
                    }
                    fn visit_str<E: serde::de::Error>(self, v: &str) -> Result<$name, E> {
                        v.parse().map_err(E::custom)
                    }
                    fn visit_u64<E: serde::de::Error>(self, v: u64) -> Result<$name, E> {
                        usize::try_from(v)
                            .ok()
                            .and_then(|at| $name::ALL.get(at).copied())
                            .ok_or_else(|| E::invalid_value(serde::de::Unexpected::Unsigned(v), &self))
                    }
                }
                if d.is_human_readable() {
                    d.deserialize_str(Visitor)
                } else {
                    d.deserialize_u8(Visitor)
                }
            }
        }
    };
}

/// Declares a validated string id: not empty, at most 128 bytes, no control
/// characters and no surrounding white space. Two words wide; an id of up to
/// 15 bytes (most are) is held in them, a longer one in a shared copy, so
/// cloning is cheap either way and short ids cost no allocation.
macro_rules! id_type {
    ($(#[$meta:meta])* $name:ident ($what:literal)) => {
        $(#[$meta])*
        #[derive(Clone, PartialEq, Eq, Hash, PartialOrd, Ord)]
        pub struct $name(ecow::EcoString);

        impl $name {
            #[doc = concat!("Checks and wraps a ", $what, ".")]
            ///
            /// # Errors
            ///
            /// [`ErrorKind::InvalidId`](crate::ErrorKind::InvalidId) if the id is
            /// empty, longer than 128 bytes, has leading or trailing white space
            /// or contains a control character.
            pub fn new(id: &str) -> $crate::Result<Self> {
                $crate::model::ids::check_id($what, id)?;
                Ok($name(ecow::EcoString::from(id)))
            }

            /// The id as text.
            pub fn as_str(&self) -> &str {
                &self.0
            }
        }

        impl std::fmt::Debug for $name {
            fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
                write!(f, "{}({:?})", stringify!($name), &*self.0)
            }
        }

        impl std::fmt::Display for $name {
            fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
                f.pad(&self.0)
            }
        }

        impl std::str::FromStr for $name {
            type Err = $crate::Error;

            fn from_str(s: &str) -> $crate::Result<Self> {
                $name::new(s)
            }
        }

        impl AsRef<str> for $name {
            fn as_ref(&self) -> &str {
                &self.0
            }
        }

        impl std::borrow::Borrow<str> for $name {
            fn borrow(&self) -> &str {
                &self.0
            }
        }

        serde_via_str!($name, concat!("a ", $what), $name::as_str);
    };
}

#[cfg(test)]
mod tests {

    /// Every word enum reads back from JSON (as its word) and from a binary
    /// format (as its position, one byte); a position beyond the last is
    /// an error.
    #[cfg(feature = "serde")]
    #[test]
    fn word_enums_read_back_from_text_and_binary_forms() {
        use serde::{de::DeserializeOwned, Serialize};
        fn check<T>(all: &[T], word: fn(T) -> &'static str)
        where
            T: Serialize + DeserializeOwned + PartialEq + std::fmt::Debug + Copy,
        {
            for (at, &value) in all.iter().enumerate() {
                let json = serde_json::to_string(&value).unwrap();
                assert_eq!(json, format!("\"{}\"", word(value)));
                assert_eq!(serde_json::from_str::<T>(&json).unwrap(), value);
                let bytes = postcard::to_stdvec(&value).unwrap();
                assert_eq!(bytes, [u8::try_from(at).unwrap()]);
                assert_eq!(postcard::from_bytes::<T>(&bytes).unwrap(), value);
            }
            let beyond = [u8::try_from(all.len()).unwrap()];
            assert!(postcard::from_bytes::<T>(&beyond).is_err());
        }
        // Every word enum of the crate.
        use crate::channels::Delivery;
        use crate::crisis::{self, StreamKind};
        use crate::desk::Period;
        use crate::influence::Stance;
        use crate::model::*;
        use crate::privacy::PiiKind;
        use crate::reply::{Guidance, ReplyRule, Situation};
        use crate::sentiment::Label;
        use crate::sla::{ClockStatus, HolidayMode, Hours, Metric, Priority};
        check(ConversationStatus::ALL, ConversationStatus::as_str);
        check(Level::ALL, Level::as_str);
        check(Role::ALL, Role::as_str);
        check(Purpose::ALL, Purpose::as_str);
        check(Decision::ALL, Decision::as_str);
        check(Direction::ALL, Direction::as_str);
        check(Visibility::ALL, Visibility::as_str);
        check(Stance::ALL, Stance::as_str);
        check(Delivery::ALL, Delivery::as_str);
        check(Period::ALL, Period::as_str);
        check(Label::ALL, Label::as_str);
        check(Situation::ALL, Situation::as_str);
        check(Guidance::ALL, Guidance::as_str);
        check(ReplyRule::ALL, ReplyRule::as_str);
        check(PiiKind::ALL, PiiKind::as_str);
        check(crisis::Level::ALL, crisis::Level::as_str);
        check(StreamKind::ALL, StreamKind::as_str);
        check(HolidayMode::ALL, HolidayMode::as_str);
        check(ClockStatus::ALL, ClockStatus::as_str);
        check(Metric::ALL, Metric::as_str);
        check(Priority::ALL, Priority::as_str);
        check(Hours::ALL, Hours::as_str);
    }
    proptest::proptest! {
        /// Words already folded are returned as they are, and every word
        /// folds as the plain rule says.
        #[test]
        fn fold_word_is_the_plain_rule(word in "\\PC{0,12}|[ a-zA-Z_-]{0,12}") {
            let plain: String = word
                .trim()
                .chars()
                .map(|c| match c {
                    ' ' | '_' => '-',
                    c => c.to_ascii_lowercase(),
                })
                .collect();
            proptest::prop_assert_eq!(super::fold_word(&word), plain);
        }
    }
}
