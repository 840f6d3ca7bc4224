//! Customers: who is speaking, on which channels, in which language, and what
//! they allowed.

use std::collections::BTreeSet;
use std::fmt;

use jiff::civil::Date;

use crate::model::ids::Name;
use crate::model::{
    AudienceStats, Consent, Country, CustomerId, Handle, Handles, Language, Purpose,
};
use crate::{ErrorKind, Result};

word_enum! {
    /// The part a person plays in the brand's audience. A customer may have
    /// several roles (a blogger who is also a client).
    #[non_exhaustive]
    pub enum Role ("role") {
        /// Buys from the brand.
        Client => "client" | "customer",
        /// Might buy.
        Prospect => "prospect",
        /// Loves the brand and says so.
        Fan => "fan",
        /// Sells the brand's products.
        Reseller => "reseller",
        /// Writes for the press.
        Journalist => "journalist" | "press",
        /// Runs a blog.
        Blogger => "blogger",
        /// Is followed and listened to: an influencer, a prescriber.
        OpinionLeader => "opinion-leader" | "influencer",
        /// Works for the brand.
        Employee => "employee",
        /// Buys from a competitor.
        CompetitorCustomer => "competitor-customer",
    }
}

/// A year of birth, within `1900..=2100`.
///
/// Only the year is kept: that is all a persona needs, and all a care desk
/// should hold.
///
/// ```
/// use social_crm::BirthYear;
///
/// let year = BirthYear::new(1992)?;
/// assert_eq!(year.age_in(2026), Some(34));
/// assert!(BirthYear::new(1066).is_err());
/// # Ok::<(), social_crm::Error>(())
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
// Written as the integer it is read as: a binary format with fixed-width
// integers (bincode) reads back only what it wrote.
#[cfg_attr(feature = "serde", serde(try_from = "i64", into = "i64"))]
pub struct BirthYear(i16);

impl BirthYear {
    /// The earliest year accepted.
    pub const MIN: i16 = 1900;
    /// The latest year accepted.
    pub const MAX: i16 = 2100;

    /// Checks a year of birth.
    ///
    /// # Errors
    ///
    /// [`ErrorKind::InvalidBirthYear`] outside `1900..=2100`.
    pub fn new(year: i64) -> Result<BirthYear> {
        if (i64::from(Self::MIN)..=i64::from(Self::MAX)).contains(&year) {
            // In range, so it fits.
            Ok(BirthYear(year as i16))
        } else {
            Err(ErrorKind::InvalidBirthYear {
                year,
                min: Self::MIN,
                max: Self::MAX,
            }
            .into())
        }
    }

    /// The year.
    pub fn get(self) -> i16 {
        self.0
    }

    /// The age reached during `year` (the birthday itself is unknown), or
    /// `None` if `year` is before the birth year.
    pub fn age_in(self, year: i16) -> Option<u8> {
        u8::try_from(year.checked_sub(self.0)?).ok()
    }
}

impl TryFrom<i64> for BirthYear {
    type Error = crate::Error;

    fn try_from(year: i64) -> Result<BirthYear> {
        BirthYear::new(year)
    }
}

impl From<BirthYear> for i16 {
    fn from(year: BirthYear) -> i16 {
        year.0
    }
}

impl From<BirthYear> for i64 {
    fn from(year: BirthYear) -> i64 {
        i64::from(year.0)
    }
}

impl fmt::Display for BirthYear {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        fmt::Display::fmt(&self.0, f)
    }
}

/// A person the brand talks to, across all their channels.
///
/// Build one with [`Customer::new`] and the `with_*` methods; every value is
/// checked when its type is made ([`Language`], [`Handle`], [`BirthYear`]...),
/// so a `Customer` always holds valid data, including after deserialising.
///
/// ```
/// use social_crm::{AudienceStats, BirthYear, Channel, Customer, Handle, Language, Role};
///
/// let nathalie = Customer::new("c001", "Nathalie Girard")?
///     .with_language(Language::FRENCH)
///     .with_birth_year(BirthYear::new(1981)?)
///     .with_role(Role::OpinionLeader)
///     .with_role(Role::Blogger)
///     .with_handle(
///         Handle::new(Channel::Twitter, "@nath_conso")?,
///         AudienceStats { followers: 182_000, following: 950, ..Default::default() },
///     );
/// assert_eq!(nathalie.handles.len(), 1);
/// assert!(nathalie.roles.contains(&Role::OpinionLeader));
/// assert!(Customer::new("c002", "   ").is_err());
/// # Ok::<(), social_crm::Error>(())
/// ```
#[derive(Debug, Clone, PartialEq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[non_exhaustive]
pub struct Customer {
    /// Stable identifier.
    pub id: CustomerId,
    /// The name agents see and address.
    pub display_name: Name,
    /// The language the customer prefers to be answered in.
    #[cfg_attr(feature = "serde", serde(default))]
    pub language: Option<Language>,
    /// Country of residence.
    #[cfg_attr(feature = "serde", serde(default))]
    pub country: Option<Country>,
    /// Region, state or city within the country, as free text.
    #[cfg_attr(feature = "serde", serde(default))]
    pub region: Option<String>,
    /// Year of birth.
    #[cfg_attr(feature = "serde", serde(default))]
    pub birth_year: Option<BirthYear>,
    /// Roles in the brand's audience.
    #[cfg_attr(feature = "serde", serde(default))]
    pub roles: BTreeSet<Role>,
    /// Handles on every channel, each with its audience figures.
    #[cfg_attr(feature = "serde", serde(default))]
    pub handles: Handles,
    /// Consent decisions per purpose.
    #[cfg_attr(feature = "serde", serde(default))]
    pub consent: Consent,
}

impl Customer {
    /// A customer with an id and a display name, and nothing else known yet.
    ///
    /// # Errors
    ///
    /// [`ErrorKind::InvalidId`] for a bad id;
    /// [`ErrorKind::InvalidText`] if the name is blank or holds control
    /// characters.
    pub fn new(id: &str, display_name: &str) -> Result<Customer> {
        let id = CustomerId::new(id)?;
        let display_name = Name::checked("display name", display_name)?;
        Ok(Customer {
            id,
            display_name,
            language: None,
            country: None,
            region: None,
            birth_year: None,
            roles: BTreeSet::new(),
            handles: Handles::new(),
            consent: Consent::default(),
        })
    }

    /// Sets the preferred language.
    #[must_use]
    pub fn with_language(mut self, language: Language) -> Customer {
        self.language = Some(language);
        self
    }

    /// Sets the country.
    #[must_use]
    pub fn with_country(mut self, country: Country) -> Customer {
        self.country = Some(country);
        self
    }

    /// Sets the region (free text).
    #[must_use]
    pub fn with_region(mut self, region: &str) -> Customer {
        self.region = Some(region.to_owned());
        self
    }

    /// Sets the year of birth.
    #[must_use]
    pub fn with_birth_year(mut self, year: BirthYear) -> Customer {
        self.birth_year = Some(year);
        self
    }

    /// Adds a role.
    #[must_use]
    pub fn with_role(mut self, role: Role) -> Customer {
        self.roles.insert(role);
        self
    }

    /// Adds a handle with its audience figures (replacing the figures if the
    /// handle was already there).
    #[must_use]
    pub fn with_handle(mut self, handle: Handle, stats: AudienceStats) -> Customer {
        self.handles.insert(handle, stats);
        self
    }

    /// Sets the consent history.
    #[must_use]
    pub fn with_consent(mut self, consent: Consent) -> Customer {
        self.consent = consent;
        self
    }

    /// The age reached during the year of `today`, when the birth year is
    /// known and not after it.
    pub fn age_on(&self, today: Date) -> Option<u8> {
        self.birth_year?.age_in(today.year())
    }

    /// Whether the customer refused to be profiled: no persona, influence
    /// score, stance or sentiment map may be computed for them.
    pub fn refused_profiling(&self) -> bool {
        self.consent.is_refused(Purpose::Profiling)
    }

    /// Total followers over every handle (saturating).
    pub fn total_followers(&self) -> u64 {
        self.handles
            .values()
            .fold(0u64, |sum, s| sum.saturating_add(s.followers))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[cfg(target_pointer_width = "64")]
    #[test]
    fn a_record_is_small() {
        // A directory holds millions: 168 bytes, the first two handles
        // inside (176 with the allocator's header).
        assert_eq!(std::mem::size_of::<Customer>(), 168);
    }

    #[test]
    fn birth_years_are_bounded() {
        assert!(BirthYear::new(1899).is_err());
        assert!(BirthYear::new(1900).is_ok());
        assert!(BirthYear::new(2100).is_ok());
        assert!(BirthYear::new(i64::MAX).is_err());
        assert_eq!(
            BirthYear::new(3000).unwrap_err().to_string(),
            "birth year `3000` is out of range `1900..=2100`"
        );
        assert_eq!(BirthYear::new(2000).unwrap().age_in(1999), None);
    }

    #[test]
    fn roles_parse_their_spellings() {
        assert_eq!(
            "Opinion Leader".parse::<Role>().unwrap(),
            Role::OpinionLeader
        );
        assert_eq!("influencer".parse::<Role>().unwrap(), Role::OpinionLeader);
        assert_eq!(
            "vip".parse::<Role>().unwrap_err().to_string(),
            "unknown role `vip`: expected one of `client`, `prospect`, `fan`, `reseller`, \
             `journalist`, `blogger`, `opinion-leader`, `employee`, `competitor-customer`"
        );
    }

    #[test]
    fn blank_names_are_refused() {
        assert_eq!(
            Customer::new("c1", "").unwrap_err().to_string(),
            "invalid display name ``: must not be blank"
        );
        assert!(Customer::new("", "Ana").is_err());
    }
}
