//! Languages and countries, as the ISO codes every CRM exchanges.

use std::fmt;
use std::str::FromStr;

use crate::{ErrorKind, Result};

/// Every ISO 639-1 code, sorted, two letters each.
const ISO_639_1: &str = "aaabaeafakamanarasavayazbabebgbhbibmbnbobrbscacechcocrcscucvcydadedvdz\
eeeleneoeseteufafffifjfofrfygagdglgngugvhahehihohrhthuhyhziaidieigiiikioisitiujajv\
kakgkikjkkklkmknkokrkskukvkwkylalblglilnloltlulvmgmhmimkmlmnmrmsmtmynanbndnengnlnn\
nonrnvnyocojomorospapiplpsptqurmrnrorurwsascsdsesgsiskslsmsnsosqsrssstsusvswtatetg\
thtitktltntotrtstttwtyugukuruzvevivowawoxhyiyozazhzu";

/// Every ISO 3166-1 alpha-2 country code, sorted, two letters each.
const ISO_3166_1: &str = "ADAEAFAGAIALAMAOAQARASATAUAWAXAZBABBBDBEBFBGBHBIBJBLBMBNBOBQBRBSBTBVBWBY\
BZCACCCDCFCGCHCICKCLCMCNCOCRCUCVCWCXCYCZDEDJDKDMDODZECEEEGEHERESETFIFJFKFMFOFRGAGB\
GDGEGFGGGHGIGLGMGNGPGQGRGSGTGUGWGYHKHMHNHRHTHUIDIEILIMINIOIQIRISITJEJMJOJPKEKGKHKI\
KMKNKPKRKWKYKZLALBLCLILKLRLSLTLULVLYMAMCMDMEMFMGMHMKMLMMMNMOMPMQMRMSMTMUMVMWMXMYMZ\
NANCNENFNGNINLNONPNRNUNZOMPAPEPFPGPHPKPLPMPNPRPSPTPWPYQARERORSRURWSASBSCSDSESGSHSI\
SJSKSLSMSNSOSRSSSTSVSXSYSZTCTDTFTGTHTJTKTLTMTNTOTRTTTVTWTZUAUGUMUSUYUZVAVCVEVGVIVN\
VUWFWSYEYTZAZMZW";

/// Looks a two-letter code up in a sorted table of two-letter codes.
fn in_table(table: &'static str, code: [u8; 2]) -> bool {
    let pairs = table.as_bytes();
    let (mut lo, mut hi) = (0, pairs.len() / 2);
    while lo < hi {
        let mid = lo + (hi - lo) / 2;
        match [pairs[2 * mid], pairs[2 * mid + 1]].cmp(&code) {
            std::cmp::Ordering::Less => lo = mid + 1,
            std::cmp::Ordering::Greater => hi = mid,
            std::cmp::Ordering::Equal => return true,
        }
    }
    false
}

/// Folds a user-typed two-letter code with the given case, if it is two ASCII
/// letters once trimmed.
fn two_letters(s: &str, upper: bool) -> Option<[u8; 2]> {
    match s.trim().as_bytes() {
        &[a, b] if a.is_ascii_alphabetic() && b.is_ascii_alphabetic() => Some(if upper {
            [a.to_ascii_uppercase(), b.to_ascii_uppercase()]
        } else {
            [a.to_ascii_lowercase(), b.to_ascii_lowercase()]
        }),
        _ => None,
    }
}

/// A language, as its ISO 639-1 code (`fr`, `en`, `es`, ...).
///
/// Parsing is case-insensitive and checks the code against the whole ISO
/// 639-1 list; a regional tag such as `fr-CA` is refused rather than silently
/// cut, so the caller decides what it meant.
///
/// ```
/// use social_crm::Language;
///
/// let fr: Language = "FR".parse()?;
/// assert_eq!(fr, Language::FRENCH);
/// assert_eq!(fr.to_string(), "fr");
/// // BCP 47 tags, as platforms send them, give their language.
/// assert_eq!("fr-CA".parse::<Language>()?, Language::FRENCH);
/// assert_eq!(Language::from_tag("es-419")?, Some(Language::SPANISH));
/// assert_eq!(Language::from_tag("und")?, None); // undetermined
/// assert!("zz".parse::<Language>().is_err());
/// # Ok::<(), social_crm::Error>(())
/// ```
#[derive(Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct Language([u8; 2]);

impl Language {
    /// French.
    pub const FRENCH: Language = Language(*b"fr");
    /// English.
    pub const ENGLISH: Language = Language(*b"en");
    /// Spanish.
    pub const SPANISH: Language = Language(*b"es");

    /// Checks an ISO 639-1 code, alone or as the language of a BCP 47 tag
    /// (`fr`, `FR`, `fr-FR`, `en_GB`, `es-419`, `zh-Hant-TW`): the region,
    /// script and variants are not kept. Same as `FromStr`.
    ///
    /// # Errors
    ///
    /// [`ErrorKind::InvalidLanguage`] if the code is not an ISO 639-1 code
    /// or the tag's subtags are not 1 to 8 letters or digits; the tags that
    /// name no language (`und`, `mul`, `zxx`, `mis`) too: see
    /// [`Language::from_tag`].
    pub fn new(code: &str) -> Result<Language> {
        match Language::from_tag(code) {
            Ok(Some(language)) => Ok(language),
            _ => Err(ErrorKind::InvalidLanguage {
                value: code.to_owned(),
            }
            .into()),
        }
    }

    /// The language of a BCP 47 tag, or `None` for the tags that name no
    /// language: `und` (undetermined, what X sends when it cannot tell),
    /// `mul` (several), `zxx` (no linguistic content), `mis` (uncoded).
    ///
    /// # Errors
    ///
    /// [`ErrorKind::InvalidLanguage`] if the primary subtag is not an ISO
    /// 639-1 code (nor one of the four above), or a subtag is not 1 to 8
    /// letters or digits.
    pub fn from_tag(tag: &str) -> Result<Option<Language>> {
        // The form every stored language has: two lowercase letters.
        if let &[a, b] = tag.as_bytes() {
            if let Some(language) = Language::stored([a, b]) {
                return Ok(Some(language));
            }
        }
        let invalid = || {
            Err(ErrorKind::InvalidLanguage {
                value: tag.to_owned(),
            }
            .into())
        };
        let mut subtags = tag.trim().split(['-', '_']);
        let primary = subtags.next().unwrap_or_default();
        let subtag_ok =
            |s: &str| (1..=8).contains(&s.len()) && s.bytes().all(|b| b.is_ascii_alphanumeric());
        if !subtags.all(subtag_ok) {
            return invalid();
        }
        if ["und", "mul", "zxx", "mis"]
            .iter()
            .any(|none| primary.eq_ignore_ascii_case(none))
        {
            return Ok(None);
        }
        match two_letters(primary, false) {
            Some(c) if in_table(ISO_639_1, c) => Ok(Some(Language(c))),
            _ => invalid(),
        }
    }

    /// The lowercase two-letter code.
    pub fn as_str(&self) -> &str {
        // Always ASCII letters, checked on construction.
        std::str::from_utf8(&self.0).unwrap_or("??")
    }

    /// The language's name in English for the three languages the desk
    /// serves out of the box, and the code otherwise.
    pub fn name(&self) -> &str {
        match &self.0 {
            b"fr" => "French",
            b"en" => "English",
            b"es" => "Spanish",
            _ => self.as_str(),
        }
    }
}

impl fmt::Debug for Language {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "Language({})", self.as_str())
    }
}

impl fmt::Display for Language {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.pad(self.as_str())
    }
}

impl FromStr for Language {
    type Err = crate::Error;

    fn from_str(s: &str) -> Result<Language> {
        Language::new(s)
    }
}

impl Language {
    /// The language whose code is these two lowercase letters, the form a
    /// language is stored in.
    fn stored(code: [u8; 2]) -> Option<Language> {
        let lowercase = code.iter().all(u8::is_ascii_lowercase);
        (lowercase && in_table(ISO_639_1, code)).then_some(Language(code))
    }
}

/// The code as text in human-readable formats, as its two bytes in one
/// integer in the others.
#[cfg(feature = "serde")]
impl serde::Serialize for Language {
    fn serialize<S: serde::Serializer>(&self, s: S) -> std::result::Result<S::Ok, S::Error> {
        if s.is_human_readable() {
            s.serialize_str(self.as_str())
        } else {
            s.serialize_u16(u16::from_be_bytes(self.0))
        }
    }
}

#[cfg(feature = "serde")]
impl<'de> serde::Deserialize<'de> for Language {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> std::result::Result<Self, D::Error> {
        struct Visitor;
        impl serde::de::Visitor<'_> for Visitor {
            type Value = Language;
            fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str("an ISO 639-1 language code")
            }
            fn visit_str<E: serde::de::Error>(self, v: &str) -> std::result::Result<Language, E> {
                v.parse().map_err(E::custom)
            }
            fn visit_u64<E: serde::de::Error>(self, v: u64) -> std::result::Result<Language, E> {
                u16::try_from(v)
                    .ok()
                    .and_then(|code| Language::stored(code.to_be_bytes()))
                    .ok_or_else(|| E::invalid_value(serde::de::Unexpected::Unsigned(v), &self))
            }
        }
        if d.is_human_readable() {
            d.deserialize_str(Visitor)
        } else {
            d.deserialize_u16(Visitor)
        }
    }
}

/// A country or territory, as its ISO 3166-1 alpha-2 code (`FR`, `US`, ...).
///
/// ```
/// use social_crm::Country;
///
/// let es: Country = "es".parse()?;
/// assert_eq!(es.to_string(), "ES");
/// assert!("EU".parse::<Country>().is_err());
/// # Ok::<(), social_crm::Error>(())
/// ```
#[derive(Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct Country([u8; 2]);

impl Country {
    /// Checks an ISO 3166-1 alpha-2 code, in any case. Same as `FromStr`.
    ///
    /// # Errors
    ///
    /// [`ErrorKind::InvalidCountry`] if the code is not an assigned ISO
    /// 3166-1 alpha-2 code.
    pub fn new(code: &str) -> Result<Country> {
        match two_letters(code, true) {
            Some(c) if in_table(ISO_3166_1, c) => Ok(Country(c)),
            _ => Err(ErrorKind::InvalidCountry {
                value: code.to_owned(),
            }
            .into()),
        }
    }

    /// The uppercase two-letter code.
    pub fn as_str(&self) -> &str {
        std::str::from_utf8(&self.0).unwrap_or("??")
    }
}

impl fmt::Debug for Country {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "Country({})", self.as_str())
    }
}

impl fmt::Display for Country {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.pad(self.as_str())
    }
}

impl FromStr for Country {
    type Err = crate::Error;

    fn from_str(s: &str) -> Result<Country> {
        Country::new(s)
    }
}

serde_via_str!(
    Country,
    "an ISO 3166-1 alpha-2 country code",
    Country::as_str
);

#[cfg(test)]
mod tests {
    use super::*;

    /// Two lowercase letters (every stored language) take a shorter path
    /// that must read them as the full one does: every pair, compared with
    /// the same letters in capitals and with spaces around, which take it.
    #[test]
    fn stored_codes_read_as_any_other_spelling() {
        for a in b'a'..=b'z' {
            for b in b'a'..=b'z' {
                let code = String::from_utf8(vec![a, b]).unwrap();
                let fast = Language::from_tag(&code).ok();
                assert_eq!(
                    fast,
                    Language::from_tag(&code.to_uppercase()).ok(),
                    "{code}"
                );
                assert_eq!(
                    fast,
                    Language::from_tag(&format!(" {code} ")).ok(),
                    "{code}"
                );
            }
        }
    }

    /// Every language reads back from JSON (as its code) and from a binary
    /// format (as two bytes), and no other pair of bytes reads as one.
    #[cfg(feature = "serde")]
    #[test]
    fn languages_read_back_from_text_and_binary_forms() {
        let mut stored = 0;
        for code in 0..=u16::MAX {
            let [a, b] = code.to_be_bytes();
            let text = String::from_utf8(vec![a, b]).ok();
            let language = text.as_deref().and_then(|t| t.parse::<Language>().ok());
            let language = language.filter(|l| l.as_str().as_bytes() == [a, b]);
            let bytes = postcard::to_stdvec(&code).unwrap();
            let read = postcard::from_bytes::<Language>(&bytes).ok();
            assert_eq!(read, language, "{code:#06x}");
            if let Some(language) = language {
                stored += 1;
                assert_eq!(postcard::to_stdvec(&language).unwrap(), bytes);
                let json = serde_json::to_string(&language).unwrap();
                assert_eq!(json, format!("\"{}\"", language.as_str()));
                assert_eq!(serde_json::from_str::<Language>(&json).unwrap(), language);
            }
        }
        assert_eq!(stored, ISO_639_1.len() / 2);
    }

    fn codes(table: &str) -> Vec<&[u8]> {
        table.as_bytes().chunks_exact(2).collect()
    }

    #[test]
    fn tables_are_sorted_complete_and_well_formed() {
        let languages = codes(ISO_639_1);
        let countries = codes(ISO_3166_1);
        assert_eq!(ISO_639_1.len() % 2, 0);
        assert_eq!(ISO_3166_1.len() % 2, 0);
        assert!(languages.windows(2).all(|w| w[0] < w[1]));
        assert!(countries.windows(2).all(|w| w[0] < w[1]));
        assert_eq!(languages.len(), 184);
        assert_eq!(countries.len(), 249);
    }

    #[test]
    fn every_code_round_trips() {
        for code in codes(ISO_639_1) {
            let code = std::str::from_utf8(code).unwrap();
            assert_eq!(Language::new(code).unwrap().as_str(), code);
        }
        for code in codes(ISO_3166_1) {
            let code = std::str::from_utf8(code).unwrap();
            assert_eq!(Country::new(code).unwrap().as_str(), code);
        }
    }

    #[test]
    fn malformed_codes_are_refused() {
        for bad in ["", "f", "fra", "f1", "é", "fr-FR", "  "] {
            assert!(Country::new(bad).is_err(), "{bad:?}");
        }
        for bad in [
            "",
            "f",
            "fra",
            "f1",
            "é",
            "fr-",
            "fr-FR!",
            "fr-abcdefghi",
            "und",
            "  ",
        ] {
            assert!(Language::new(bad).is_err(), "{bad:?}");
        }
        for (tag, language) in [
            ("fr-FR", Some(Language::FRENCH)),
            ("en_GB", Some(Language::ENGLISH)),
            ("es-419", Some(Language::SPANISH)),
            ("zh-Hant-TW", Some(Language::new("zh").unwrap())),
            ("und", None),
            ("zxx", None),
        ] {
            assert_eq!(Language::from_tag(tag).unwrap(), language, "{tag}");
        }
        assert_eq!(
            Country::new("XX").unwrap_err().to_string(),
            "invalid country `XX`: expected an ISO 3166-1 alpha-2 code such as `FR`, `US` or `ES`"
        );
    }
}
