//! Handles: how a customer is known on one channel, in one normal form.

use std::borrow::Cow;
use std::fmt;
use std::str::FromStr;

use ecow::EcoString;

use crate::model::{Channel, Country, OtherChannel};
use crate::{ErrorKind, Result};

/// How a customer is known on one channel: `@nath_conso` on Twitter, an email
/// address, a phone number, a forum pseudonym.
///
/// A handle is stored in its channel's normal form, so two spellings of one
/// account are one handle and the directory finds it in one lookup:
///
/// | channel | normal form |
/// |---|---|
/// | Twitter, Instagram, TikTok, YouTube, Facebook, Messenger | no `@`, lowercase, profile URLs reduced to the name; each network's charset and length |
/// | Twitter, Facebook, Instagram, Messenger: platform ids | `id:` and the digits (`id:1456789012345678901`): X's user ids and Meta's page- or app-scoped ids, which do not change when the username does |
/// | LinkedIn | the profile slug, lowercase |
/// | email | the address of a mailbox (`"Name" <addr>` gives `addr`), lowercase (see [`EmailRule`]) |
/// | phone, SMS, WhatsApp | E.164 (`+33612345678`) when the number is international (`+`, `00`) or a region is given (every country with a calling code with the `phone-metadata` feature, 17 without); otherwise the national digits |
/// | forum, community, review site | lowercase, white space runs folded to one space |
/// | blog | the address without scheme, `www.` or trailing `/`, lowercase |
/// | live chat, web form, store, other | trimmed, white space runs folded, case kept |
///
/// Normalising is idempotent: a normal form parses to itself.
///
/// ```
/// use social_crm::{Channel, Country, Handle};
///
/// let a = Handle::new(Channel::Twitter, "@Nath_Conso")?;
/// let b = Handle::new(Channel::Twitter, "https://x.com/nath_conso")?;
/// assert_eq!(a, b);
/// assert_eq!(a.to_string(), "twitter:@nath_conso");
///
/// let mail = Handle::new(Channel::Email, "Julie.Bernard@EXEMPLE.fr")?;
/// assert_eq!(mail.value(), "julie.bernard@exemple.fr");
///
/// let x_user = Handle::new(Channel::Twitter, "id:1456789012345678901")?;
/// assert!(x_user.is_platform_id());
/// assert_eq!(x_user.to_string(), "twitter:id:1456789012345678901");
///
/// let phone = Handle::with_region(Channel::Phone, "06 12 34 56 78", Some(Country::new("FR")?))?;
/// assert_eq!(phone.value(), "+33612345678");
/// assert_eq!(Handle::new(Channel::Phone, "+33 6 12 34 56 78")?, phone);
///
/// assert!(Handle::new(Channel::Twitter, "not a handle").is_err());
/// # Ok::<(), social_crm::Error>(())
/// ```
#[derive(Clone, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct Handle {
    /// The channel and the normal form in one string, so a handle is two
    /// words wide (a directory holds millions): a tag character for the
    /// channel (see [`tag`]), for [`Channel::Other`] its name and a NUL, then
    /// the value. The tags follow the declaration order of [`Channel`] and NUL
    /// sorts before any character of a name, so the derived order is the
    /// order of (channel, value). Up to 15 bytes (the tag and a name of up
    /// to 14, as most `@` handles) the text is held in those two words, so
    /// comparing such a handle reads no other memory; longer ones (e-mail
    /// addresses, platform ids) share one reference-counted copy.
    text: EcoString,
}

/// The tag of [`Channel::Other`]: after every named channel's.
const OTHER_TAG: u8 = Channel::NAMED.len() as u8 + 1;

/// The first character of a handle's text on `channel`: a control character
/// (no channel name or normal form starts with one), one per named channel
/// in declaration order, then [`OTHER_TAG`].
fn tag(channel: &Channel) -> u8 {
    Channel::NAMED
        .iter()
        .position(|named| named == channel)
        .map_or(OTHER_TAG, |i| i as u8 + 1)
}

impl Handle {
    /// The longest raw handle accepted, in bytes.
    pub const MAX_LEN: usize = 256;

    /// Normalises and checks a handle for its channel.
    ///
    /// # Errors
    ///
    /// [`ErrorKind::InvalidHandle`] if the handle is empty, too long, or not
    /// of the form its channel allows; the message says which rule failed.
    pub fn new(channel: Channel, raw: &str) -> Result<Handle> {
        Handle::with_region(channel, raw, None)
    }

    /// Like [`Handle::new`], and a national phone number (`06 12 34 56 78`)
    /// is turned into E.164 using the region's calling code when the crate
    /// knows it. The region is ignored on channels that are not phone
    /// numbers.
    ///
    /// # Errors
    ///
    /// As [`Handle::new`].
    pub fn with_region(channel: Channel, raw: &str, region: Option<Country>) -> Result<Handle> {
        let normal = normalise(&channel, raw, region).and_then(|value| {
            // Lowercasing can lengthen text (`İ` is two bytes, `i̇` three):
            // the normal form obeys the same limit, so it always parses
            // back to itself.
            if value.len() > Handle::MAX_LEN {
                Err(format!("must be at most {} bytes long", Handle::MAX_LEN))
            } else {
                Ok(value)
            }
        });
        match normal {
            Ok(value) => Ok(Handle::from_parts(&channel, &value)),
            Err(reason) => Err(ErrorKind::InvalidHandle {
                channel,
                value: raw.to_owned(),
                reason,
            }
            .into()),
        }
    }

    /// The channel this handle lives on.
    pub fn channel(&self) -> Channel {
        match self.named() {
            Some(channel) => channel.clone(),
            None => Channel::Other(OtherChannel::checked(self.split_other().0)),
        }
    }

    /// The handle in its normal form, without the channel (and without the
    /// `@` that `Display` shows on networks that use one).
    pub fn value(&self) -> &str {
        match self.named() {
            Some(_) => &self.text[1..],
            None => self.split_other().1,
        }
    }

    /// The channel, unless it is a [`Channel::Other`].
    fn named(&self) -> Option<&'static Channel> {
        static NAMED: [Channel; Channel::NAMED.len()] = Channel::NAMED;
        let tag = self.text.as_bytes().first().copied().unwrap_or(OTHER_TAG);
        NAMED.get(usize::from(tag).wrapping_sub(1))
    }

    /// The channel name and the value of a [`Channel::Other`] handle.
    fn split_other(&self) -> (&str, &str) {
        self.text[1..].split_once('\0').unwrap_or_default()
    }

    /// A handle from its parts, already checked.
    fn from_parts(channel: &Channel, value: &str) -> Handle {
        let name = match channel {
            Channel::Other(name) => name.as_str().len() + 1,
            _ => 0,
        };
        let mut text = EcoString::with_capacity(1 + name + value.len());
        text.push(char::from(tag(channel)));
        if let Channel::Other(name) = channel {
            text.push_str(name.as_str());
            text.push('\0');
        }
        text.push_str(value);
        Handle { text }
    }
}

/// Whether the channel writes its handles with a leading `@`.
fn at_style(channel: &Channel) -> bool {
    matches!(
        channel,
        Channel::Twitter | Channel::Instagram | Channel::TikTok | Channel::YouTube
    )
}

impl fmt::Debug for Handle {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "Handle({self})")
    }
}

/// `channel:value`, with `@` before the value on networks that use one
/// (`twitter:@nath_conso`, `email:julie@exemple.fr`).
impl fmt::Display for Handle {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        self.parts()
            .into_iter()
            .try_for_each(|part| f.write_str(part))
    }
}

impl Handle {
    /// The pieces of the text `Display` writes: channel, `:`, `@` or
    /// nothing, value.
    fn parts(&self) -> [&str; 4] {
        match self.named() {
            Some(channel) => {
                let at = at_style(channel) && !self.is_platform_id();
                [
                    channel.as_str(),
                    ":",
                    if at { "@" } else { "" },
                    self.value(),
                ]
            }
            None => {
                let (name, value) = self.split_other();
                [name, ":", "", value]
            }
        }
    }

    /// That text in one string, put together without the formatting
    /// machinery (what a snapshot writes for every message); up to 15
    /// bytes are held inline.
    #[cfg(feature = "serde")]
    fn text(&self) -> EcoString {
        let parts = self.parts();
        let mut text = EcoString::with_capacity(parts.iter().map(|p| p.len()).sum());
        for part in parts {
            text.push_str(part);
        }
        text
    }
}

/// Parses `channel:value`, the form `Display` writes.
impl FromStr for Handle {
    type Err = crate::Error;

    fn from_str(s: &str) -> Result<Handle> {
        let Some((channel, value)) = s.split_once(':') else {
            return Err(ErrorKind::InvalidText {
                what: "handle",
                value: s.to_owned(),
                reason: "expected `channel:handle`, such as `twitter:@name`",
            }
            .into());
        };
        Handle::new(channel.parse()?, value)
    }
}

serde_via_str!(Handle, "a handle written `channel:handle`", Handle::text);

/// Audience figures of one handle, as the network reports them: what the
/// influence ranking reads.
///
/// ```
/// use social_crm::AudienceStats;
///
/// let stats = AudienceStats { followers: 182_000, following: 950, ..AudienceStats::default() };
/// assert_eq!(stats.listed, 0);
/// ```
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[cfg_attr(feature = "serde", serde(default))]
pub struct AudienceStats {
    /// Accounts following this one.
    pub followers: u64,
    /// Accounts this one follows.
    pub following: u64,
    /// Public lists this account is on.
    pub listed: u64,
    /// Posts published so far.
    pub posts: u64,
    /// When the account was created, if known.
    pub created: Option<jiff::Timestamp>,
}

/// A customer's handles, each with its audience figures: at most one entry
/// per handle, kept in handle order.
///
/// A customer has a handful of handles, so they are stored as a sorted list
/// rather than a tree, the first two inside the record itself (no
/// allocation, and a directory that reaches the record reaches them); the
/// figures sit in a second list that stays empty while every handle has the
/// default ones (e-mail addresses and phone numbers have no followers), so
/// such a customer pays 16 bytes a handle rather than 72. The serde form is
/// a map from handle to figures.
///
/// ```
/// use social_crm::{AudienceStats, Channel, Handle, Handles};
///
/// let mut handles = Handles::new();
/// let lea = Handle::new(Channel::Twitter, "@lea_m")?;
/// assert_eq!(handles.insert(lea.clone(), AudienceStats { followers: 890, ..Default::default() }), None);
/// assert_eq!(handles.get(&lea).map(|s| s.followers), Some(890));
/// assert_eq!(handles.len(), 1);
/// # Ok::<(), social_crm::Error>(())
/// ```
#[derive(Debug, Clone, Default)]
pub struct Handles {
    handles: HandleList,
    /// The figures of `handles[i]` at `i`; empty while all are the default.
    stats: Box<[AudienceStats]>,
}

/// A sorted list of handles, the first two held inline.
#[derive(Clone, Default)]
enum HandleList {
    #[default]
    Empty,
    One(Handle),
    Two([Handle; 2]),
    Many(Vec<Handle>),
}

impl HandleList {
    fn as_slice(&self) -> &[Handle] {
        match self {
            HandleList::Empty => &[],
            HandleList::One(handle) => std::slice::from_ref(handle),
            HandleList::Two(pair) => pair,
            HandleList::Many(handles) => handles,
        }
    }

    fn insert(&mut self, i: usize, handle: Handle) {
        *self = match (std::mem::take(self), i) {
            (HandleList::Empty, _) => HandleList::One(handle),
            (HandleList::One(first), 0) => HandleList::Two([handle, first]),
            (HandleList::One(first), _) => HandleList::Two([first, handle]),
            (list, i) => {
                let mut handles = list.into_vec();
                handles.insert(i, handle);
                HandleList::Many(handles)
            }
        }
    }

    fn remove(&mut self, i: usize) {
        let mut handles = std::mem::take(self).into_vec();
        handles.remove(i);
        *self = match handles.len() {
            0 | 1 => handles.pop().map_or(HandleList::Empty, HandleList::One),
            2 => <[Handle; 2]>::try_from(handles).map_or_else(HandleList::Many, HandleList::Two),
            _ => HandleList::Many(handles),
        };
    }

    fn into_vec(self) -> Vec<Handle> {
        match self {
            HandleList::Empty => Vec::new(),
            HandleList::One(handle) => vec![handle],
            HandleList::Two(pair) => Vec::from(pair),
            HandleList::Many(handles) => handles,
        }
    }
}

impl fmt::Debug for HandleList {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_list().entries(self.as_slice()).finish()
    }
}

/// The figures of a handle nobody gave figures for.
static NO_FIGURES: AudienceStats = AudienceStats {
    followers: 0,
    following: 0,
    listed: 0,
    posts: 0,
    created: None,
};

impl Handles {
    /// No handle.
    pub fn new() -> Handles {
        Handles::default()
    }

    /// How many handles.
    pub fn len(&self) -> usize {
        self.handles.as_slice().len()
    }

    /// Whether there is no handle.
    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }

    fn position(&self, handle: &Handle) -> Result<usize, usize> {
        self.handles.as_slice().binary_search(handle)
    }

    fn stats_at(&self, i: usize) -> &AudienceStats {
        self.stats.get(i).unwrap_or(&NO_FIGURES)
    }

    /// The figures of one handle.
    pub fn get(&self, handle: &Handle) -> Option<&AudienceStats> {
        self.position(handle).ok().map(|i| self.stats_at(i))
    }

    /// Whether the handle is there.
    pub fn contains(&self, handle: &Handle) -> bool {
        self.position(handle).is_ok()
    }

    /// Adds a handle, or replaces its figures; returns the figures replaced.
    pub fn insert(&mut self, handle: Handle, stats: AudienceStats) -> Option<AudienceStats> {
        // While no handle has figures, default ones need no room.
        let implicit = self.stats.is_empty() && stats == NO_FIGURES;
        match self.position(&handle) {
            Ok(_) if implicit => Some(NO_FIGURES),
            Ok(i) => {
                let len = self.len();
                Some(self.edit_figures(len, |figures| std::mem::replace(&mut figures[i], stats)))
            }
            Err(i) => {
                if !implicit {
                    let len = self.len();
                    self.edit_figures(len, |figures| figures.insert(i, stats));
                }
                self.handles.insert(i, handle);
                None
            }
        }
    }

    /// Edits the figures of every handle, written out (`len` of them); they
    /// are left out again when all are the default ones.
    fn edit_figures<T>(
        &mut self,
        len: usize,
        edit: impl FnOnce(&mut Vec<AudienceStats>) -> T,
    ) -> T {
        let mut figures = std::mem::take(&mut self.stats).into_vec();
        if figures.is_empty() {
            figures = vec![NO_FIGURES; len];
        }
        let out = edit(&mut figures);
        if figures.iter().any(|s| *s != NO_FIGURES) {
            self.stats = figures.into_boxed_slice();
        }
        out
    }

    /// Removes a handle; returns its figures.
    pub fn remove(&mut self, handle: &Handle) -> Option<AudienceStats> {
        let i = self.position(handle).ok()?;
        let len = self.len();
        self.handles.remove(i);
        if self.stats.is_empty() {
            return Some(NO_FIGURES);
        }
        Some(self.edit_figures(len, |figures| figures.remove(i)))
    }

    /// The handles, in order.
    pub fn keys(&self) -> impl Iterator<Item = &Handle> {
        self.handles.as_slice().iter()
    }

    /// The figures, in handle order.
    pub fn values(&self) -> impl Iterator<Item = &AudienceStats> {
        self.iter().map(|(_, s)| s)
    }

    /// Handles with their figures, in order.
    pub fn iter(&self) -> HandlesIter<'_> {
        HandlesIter {
            handles: self.handles.as_slice().iter().enumerate(),
            of: self,
        }
    }
}

impl PartialEq for Handles {
    fn eq(&self, other: &Handles) -> bool {
        self.len() == other.len() && self.iter().eq(other.iter())
    }
}

impl Eq for Handles {}

/// The handles of a [`Handles`] with their figures, in handle order.
#[derive(Debug, Clone)]
pub struct HandlesIter<'a> {
    handles: std::iter::Enumerate<std::slice::Iter<'a, Handle>>,
    of: &'a Handles,
}

impl<'a> Iterator for HandlesIter<'a> {
    type Item = (&'a Handle, &'a AudienceStats);

    fn next(&mut self) -> Option<Self::Item> {
        let (i, handle) = self.handles.next()?;
        Some((handle, self.of.stats_at(i)))
    }

    fn size_hint(&self) -> (usize, Option<usize>) {
        self.handles.size_hint()
    }
}

impl ExactSizeIterator for HandlesIter<'_> {}

impl FromIterator<(Handle, AudienceStats)> for Handles {
    /// Collects handles; a handle given twice keeps its last figures.
    fn from_iter<I: IntoIterator<Item = (Handle, AudienceStats)>>(iter: I) -> Handles {
        let mut handles = Handles::new();
        for (handle, stats) in iter {
            handles.insert(handle, stats);
        }
        handles
    }
}

impl<'a> IntoIterator for &'a Handles {
    type Item = (&'a Handle, &'a AudienceStats);
    type IntoIter = HandlesIter<'a>;

    fn into_iter(self) -> HandlesIter<'a> {
        self.iter()
    }
}

#[cfg(feature = "serde")]
impl serde::Serialize for Handles {
    fn serialize<S: serde::Serializer>(&self, s: S) -> std::result::Result<S::Ok, S::Error> {
        s.collect_map(self.iter())
    }
}

/// Reads a map from handle to figures. Two spellings of one handle
/// normalise to the same key: that is an error, not a silent replacement.
#[cfg(feature = "serde")]
impl<'de> serde::Deserialize<'de> for Handles {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> std::result::Result<Self, D::Error> {
        struct Visitor;
        impl<'de> serde::de::Visitor<'de> for Visitor {
            type Value = Handles;
            fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str("a map from handle to audience figures")
            }
            fn visit_map<A: serde::de::MapAccess<'de>>(
                self,
                mut map: A,
            ) -> std::result::Result<Handles, A::Error> {
                use serde::de::Error as _;
                let mut handles = Handles::new();
                while let Some((handle, stats)) = map.next_entry::<Handle, AudienceStats>()? {
                    if handles.contains(&handle) {
                        return Err(A::Error::custom(format!(
                            "handle `{handle}` appears twice (perhaps spelt two ways)"
                        )));
                    }
                    handles.insert(handle, stats);
                }
                Ok(handles)
            }
        }
        d.deserialize_map(Visitor)
    }
}

/// The normal form of `raw` on `channel`, or why there is none. A handle
/// already in normal form on a network or as an address (most stored ones)
/// is returned as it is, borrowed.
fn normalise<'a>(
    channel: &Channel,
    raw: &'a str,
    region: Option<Country>,
) -> Result<Cow<'a, str>, String> {
    if raw.len() > Handle::MAX_LEN {
        return Err(format!("must be at most {} bytes long", Handle::MAX_LEN));
    }
    if raw.chars().any(char::is_control) {
        return Err("must not contain control characters".to_owned());
    }
    let raw = raw.trim();
    if raw.is_empty() {
        return Err("must not be empty".to_owned());
    }
    if takes_platform_ids(channel) {
        if let Some(id) = platform_id(raw)? {
            return Ok(Cow::Borrowed(id));
        }
    }
    match channel {
        Channel::Twitter => network_name(raw, &["twitter.com", "x.com"], 1..=15, "_"),
        Channel::Instagram => network_name(raw, &["instagram.com"], 1..=30, "._"),
        Channel::Messenger => network_name(raw, &["facebook.com", "m.me"], 1..=50, "."),
        Channel::TikTok => network_name(raw, &["tiktok.com"], 2..=24, "._"),
        Channel::YouTube => network_name(raw, &["youtube.com"], 3..=30, "._-"),
        Channel::Facebook => network_name(raw, &["facebook.com", "fb.com"], 1..=50, "."),
        Channel::LinkedIn => linkedin(raw).map(Cow::Owned),
        Channel::Email => email(raw),
        Channel::Phone | Channel::Sms | Channel::WhatsApp => phone(raw, region).map(Cow::Owned),
        Channel::Forum | Channel::Community | Channel::ReviewSite => {
            Ok(Cow::Owned(fold_spaces(raw).to_lowercase()))
        }
        Channel::Blog => blog(raw).map(Cow::Owned),
        Channel::LiveChat | Channel::WebForm | Channel::Store | Channel::Other(_) => {
            Ok(Cow::Owned(fold_spaces(raw)))
        }
    }
}

/// `s` in lower case, borrowed when it already is: lowercase ASCII, the
/// stored form of most handles, needs no case tables and no copy.
fn lowercase(s: &str) -> Cow<'_, str> {
    if s.bytes().all(|b| b.is_ascii() && !b.is_ascii_uppercase()) {
        Cow::Borrowed(s)
    } else {
        Cow::Owned(s.to_lowercase())
    }
}

fn fold_spaces(s: &str) -> String {
    s.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// Strips `https://`, `http://` and `www.` from the front of an address:
/// one scheme, then one `www.`. What is left may still start with one of
/// them (`www.www.jean`); each caller refuses or strips that, so that a
/// normal form never has a prefix that a second reading would strip.
fn strip_scheme(s: &str) -> &str {
    let s = s
        .strip_prefix("https://")
        .or_else(|| s.strip_prefix("http://"))
        .unwrap_or(s);
    s.strip_prefix("www.").unwrap_or(s)
}

/// A social network account name: `@name`, `name` or a profile URL.
fn network_name<'a>(
    raw: &'a str,
    hosts: &[&str],
    len: std::ops::RangeInclusive<usize>,
    extra: &str,
) -> Result<Cow<'a, str>, String> {
    let name = match lowercase(raw) {
        Cow::Borrowed(lower) => Cow::Borrowed(account_name(lower, hosts)),
        Cow::Owned(lower) => Cow::Owned(account_name(&lower, hosts).to_owned()),
    };
    // A name read back is stripped of one `www.` as an address would be:
    // a name that still starts with one would not read back as itself.
    if name.starts_with("www.") {
        return Err("must not start with `www.`".to_owned());
    }
    if let Some(bad) = name
        .chars()
        .find(|&c| !(c.is_ascii_lowercase() || c.is_ascii_digit() || extra.contains(c)))
    {
        return Err(format!(
            "`{bad}` is not allowed: use letters, digits or `{}`",
            extra
                .chars()
                .map(String::from)
                .collect::<Vec<_>>()
                .join("`, `")
        ));
    }
    if !len.contains(&name.len()) {
        return Err(format!(
            "must be {} to {} characters long without `@`",
            len.start(),
            len.end()
        ));
    }
    Ok(name)
}

/// The account name in a lowercase `@name`, `name` or profile URL on one of
/// `hosts`, not yet checked.
fn account_name<'a>(lower: &'a str, hosts: &[&str]) -> &'a str {
    let mut name = strip_scheme(lower);
    for host in hosts {
        if let Some(rest) = name.strip_prefix(host).and_then(|r| r.strip_prefix('/')) {
            name = rest.trim_end_matches('/');
            break;
        }
    }
    name.strip_prefix('@').unwrap_or(name)
}

fn linkedin(raw: &str) -> Result<String, String> {
    let lower = raw.to_lowercase();
    let rest = strip_scheme(&lower);
    let slug = rest
        .strip_prefix("linkedin.com/in/")
        .unwrap_or(rest)
        .trim_end_matches('/');
    if !(3..=100).contains(&slug.chars().count()) {
        return Err("must be 3 to 100 characters long".to_owned());
    }
    if slug.chars().any(|c| !(c.is_alphanumeric() || c == '-')) {
        return Err("use letters, digits or `-`".to_owned());
    }
    Ok(slug.to_owned())
}

/// Whether a channel identifies people by a numeric platform id as well as
/// by a username.
fn takes_platform_ids(channel: &Channel) -> bool {
    matches!(
        channel,
        Channel::Twitter | Channel::Facebook | Channel::Instagram | Channel::Messenger
    )
}

/// A platform id, `id:` and 1 to 24 digits (X's user ids, Meta's
/// page-scoped and Instagram-scoped ids); `None` if `raw` is not one.
fn platform_id(raw: &str) -> Result<Option<&str>, String> {
    let Some(digits) = raw.strip_prefix("id:") else {
        return Ok(None);
    };
    if !(1..=24).contains(&digits.len()) || !digits.bytes().all(|b| b.is_ascii_digit()) {
        return Err("a platform id is `id:` and 1 to 24 digits".to_owned());
    }
    Ok(Some(raw))
}

/// When two e-mail addresses are one: the rule a [`crate::Directory`]
/// resolves addresses by.
///
/// Handles always store the address lowercased: RFC 5321 lets a server
/// tell `Antoine.Leroy` from `antoine.leroy`, but no mail provider does, and
/// customers write their address both ways. Providers differ on the rest,
/// hence the choice.
///
/// ```
/// use social_crm::{Channel, EmailRule, Handle};
///
/// let tagged = Handle::new(Channel::Email, "Antoine.Leroy+shop@GMAIL.com")?;
/// assert_eq!(tagged.value(), "antoine.leroy+shop@gmail.com");
/// assert_eq!(EmailRule::CaseInsensitive.key(&tagged), tagged);
/// assert_eq!(EmailRule::Canonical.key(&tagged).value(), "antoineleroy@gmail.com");
/// # Ok::<(), social_crm::Error>(())
/// ```
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Hash)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[cfg_attr(feature = "serde", serde(rename_all = "snake_case"))]
#[non_exhaustive]
pub enum EmailRule {
    /// Addresses that differ only in case are one (the default).
    #[default]
    CaseInsensitive,
    /// Also without a `+tag` (`lea+shop@` is `lea@`) and, at `gmail.com`
    /// and `googlemail.com`, without dots (Gmail ignores them).
    Canonical,
}

impl EmailRule {
    /// The handle two spellings of one address share under this rule: the
    /// handle itself, except for e-mail addresses under
    /// [`EmailRule::Canonical`].
    pub fn key(self, handle: &Handle) -> Handle {
        if self == EmailRule::CaseInsensitive || handle.named() != Some(&Channel::Email) {
            return handle.clone();
        }
        let Some((local, domain)) = handle.value().rsplit_once('@') else {
            return handle.clone();
        };
        let untagged = local.split('+').next().unwrap_or(local);
        let local = if matches!(domain, "gmail.com" | "googlemail.com") {
            untagged.replace('.', "")
        } else {
            untagged.to_owned()
        };
        if local.is_empty() {
            return handle.clone();
        }
        Handle::from_parts(&Channel::Email, &format!("{local}@{domain}"))
    }
}

/// Splits a mailbox as a `From:` header writes it, `"Antoine Leroy"
/// <antoine.leroy@example.com>` or `Antoine Leroy <...>`, into its display
/// name (unquoted, `None` if there is none) and its address; a bare address
/// is returned as it is. Encoded words (`=?UTF-8?Q?...?=`) in the name are
/// not decoded here.
///
/// ```
/// use social_crm::split_mailbox;
///
/// assert_eq!(
///     split_mailbox(r#""Leroy, Antoine" <Antoine.Leroy@example.com>"#),
///     (Some("Leroy, Antoine"), "Antoine.Leroy@example.com"),
/// );
/// assert_eq!(split_mailbox("lea@example.org"), (None, "lea@example.org"));
/// ```
pub fn split_mailbox(raw: &str) -> (Option<&str>, &str) {
    let raw = raw.trim();
    match (raw.rfind('<'), raw.ends_with('>')) {
        (Some(open), true) => {
            let address = raw[open + 1..raw.len() - 1].trim();
            let name = raw[..open].trim();
            let name = name
                .strip_prefix('"')
                .and_then(|n| n.strip_suffix('"'))
                .unwrap_or(name)
                .trim();
            ((!name.is_empty()).then_some(name), address)
        }
        _ => (None, raw),
    }
}

impl Handle {
    /// Whether the handle is a platform id (`id:...`) rather than a name.
    pub fn is_platform_id(&self) -> bool {
        self.named().is_some_and(takes_platform_ids) && self.value().starts_with("id:")
    }
}

fn email(raw: &str) -> Result<Cow<'_, str>, String> {
    let (_, raw) = split_mailbox(raw);
    let Some((local, domain)) = raw.rsplit_once('@') else {
        return Err("expected `name@domain`".to_owned());
    };
    if local.is_empty() || local.len() > 64 {
        return Err("the part before `@` must be 1 to 64 bytes long".to_owned());
    }
    if local.contains('@') || local.chars().any(char::is_whitespace) {
        return Err("the part before `@` must not contain `@` or white space".to_owned());
    }
    let domain = lowercase(domain);
    let label_ok = |l: &str| {
        !l.is_empty()
            && l.len() <= 63
            && !l.starts_with('-')
            && !l.ends_with('-')
            && l.chars().all(|c| c.is_alphanumeric() || c == '-')
    };
    if !domain.contains('.') || !domain.split('.').all(label_ok) || domain.len() > 253 {
        return Err(format!(
            "`{domain}` is not a domain name such as `example.com`"
        ));
    }
    Ok(match (lowercase(local), domain) {
        // `raw` is `local@domain`, already in lower case.
        (Cow::Borrowed(_), Cow::Borrowed(_)) => Cow::Borrowed(raw),
        (local, domain) => Cow::Owned(format!("{local}@{domain}")),
    })
}

/// Calling code and whether national numbers start with a trunk `0` that
/// E.164 drops, for the regions the crate knows.
/// A national number in E.164 by libphonenumber's metadata for every
/// country with a calling code (feature `phone-metadata`): `None` when the
/// metadata does not know the region or finds the number invalid there
/// (then the crate's own table is tried).
#[cfg(feature = "phone-metadata")]
fn e164_from_metadata(digits: &str, region: Country) -> Option<String> {
    let id: phonenumber::country::Id = region.as_str().parse().ok()?;
    let number = phonenumber::parse(Some(id), digits).ok()?;
    if !number.is_valid() {
        return None;
    }
    let e164 = number.format().mode(phonenumber::Mode::E164).to_string();
    // What the handle stores must read back as itself: `+` and 7 to 15
    // digits, no leading 0.
    let rest = e164.strip_prefix('+')?;
    let well_formed = (7..=15).contains(&rest.len())
        && !rest.starts_with('0')
        && rest.bytes().all(|b| b.is_ascii_digit());
    well_formed.then_some(e164)
}

/// The calling codes the crate knows without `phone-metadata`, each with
/// whether national numbers carry a trunk `0`.
fn calling_code(region: Country) -> Option<(&'static str, bool)> {
    Some(match region.as_str() {
        "FR" | "MC" => ("33", true),
        "ES" => ("34", false),
        "US" | "CA" => ("1", false),
        "GB" => ("44", true),
        "IE" => ("353", true),
        "DE" => ("49", true),
        "BE" => ("32", true),
        "NL" => ("31", true),
        "CH" => ("41", true),
        "LU" => ("352", false),
        "IT" => ("39", false),
        "PT" => ("351", false),
        "MX" => ("52", false),
        "CO" => ("57", false),
        "MA" => ("212", true),
        "DZ" => ("213", true),
        "TN" => ("216", false),
        _ => return None,
    })
}

fn phone(raw: &str, region: Option<Country>) -> Result<String, String> {
    let mut digits = String::with_capacity(raw.len());
    let mut plus = false;
    for (i, c) in raw.chars().enumerate() {
        match c {
            '0'..='9' => digits.push(c),
            '+' if i == 0 => plus = true,
            ' ' | '.' | '-' | '(' | ')' | '/' | '\u{a0}' => {}
            _ => return Err(format!("`{c}` is not allowed in a phone number")),
        }
    }
    let international = if plus {
        Some(digits.as_str())
    } else {
        digits.strip_prefix("00")
    };
    if let Some(number) = international {
        if number.starts_with('0') || !(7..=15).contains(&number.len()) {
            return Err(
                "an international number has 7 to 15 digits after `+` and no leading 0".to_owned(),
            );
        }
        return Ok(format!("+{number}"));
    }
    if !(3..=15).contains(&digits.len()) {
        return Err("must have 3 to 15 digits".to_owned());
    }
    #[cfg(feature = "phone-metadata")]
    if let Some(e164) = region.and_then(|r| e164_from_metadata(&digits, r)) {
        return Ok(e164);
    }
    if let Some((code, trunk)) = region.and_then(calling_code) {
        let national = if trunk {
            digits.strip_prefix('0')
        } else if code == "1" {
            // NANP numbers may be written with their leading 1.
            Some(
                digits
                    .strip_prefix('1')
                    .filter(|d| d.len() == 10)
                    .unwrap_or(&digits),
            )
        } else {
            Some(digits.as_str())
        };
        // A number that lacks its trunk prefix is not a full national number:
        // keep what was given rather than guess.
        if let Some(national) = national.filter(|n| n.len() >= 6) {
            let e164 = format!("+{code}{national}");
            if e164.len() <= 16 {
                return Ok(e164);
            }
        }
    }
    Ok(digits)
}

fn blog(raw: &str) -> Result<String, String> {
    let lower = raw.to_lowercase();
    // Strip until nothing changes (`https://www.https://x/`), so that the
    // normal form is a fixed point: it reads back as itself.
    let mut address = lower.as_str();
    loop {
        let stripped = strip_scheme(address).trim_end_matches('/');
        if stripped == address {
            break;
        }
        address = stripped;
    }
    if address.is_empty() {
        return Err("expected the blog's address or name".to_owned());
    }
    if address.chars().any(char::is_whitespace) {
        return Err("an address must not contain white space".to_owned());
    }
    Ok(address.to_owned())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn norm(channel: Channel, raw: &str) -> String {
        Handle::new(channel, raw).unwrap().value().to_owned()
    }

    #[cfg(target_pointer_width = "64")]
    #[test]
    fn handles_and_channels_are_small() {
        // Every interaction holds a channel and most a handle; a directory
        // indexes every handle.
        assert_eq!(std::mem::size_of::<Channel>(), 16);
        assert_eq!(std::mem::size_of::<Handle>(), 16);
        assert_eq!(std::mem::size_of::<Handles>(), 56);
    }

    /// Channels to draw from: named ones, and other names that are prefixes
    /// of one another or contain characters that sort before and after the
    /// separator.
    fn any_channel() -> impl proptest::strategy::Strategy<Value = Channel> {
        use proptest::prelude::*;
        prop_oneof![
            proptest::sample::select(Channel::NAMED.to_vec()),
            proptest::sample::select(vec!["mastodon", "masto", "masto-don", "a", "a!", "z0"])
                .prop_map(|name| Channel::Other(OtherChannel::new(name).unwrap())),
        ]
    }

    proptest::proptest! {
        /// A handle keeps its channel and value apart, sorts and compares as
        /// the pair (channel, value) does, and reads back from its text.
        #[test]
        fn a_handle_is_its_channel_and_value(
            a in (any_channel(), "[a-z0-9!. -]{1,8}"),
            b in (any_channel(), "[a-z0-9!. -]{1,8}"),
        ) {
            let (Ok(x), Ok(y)) = (Handle::new(a.0.clone(), &a.1), Handle::new(b.0.clone(), &b.1)) else {
                return Ok(());
            };
            proptest::prop_assert_eq!(&x.channel(), &a.0);
            proptest::prop_assert_eq!(&y.channel(), &b.0);
            let pair = |h: &Handle| (h.channel(), h.value().to_owned());
            proptest::prop_assert_eq!(x.cmp(&y), pair(&x).cmp(&pair(&y)));
            proptest::prop_assert_eq!(x == y, pair(&x) == pair(&y));
            proptest::prop_assert_eq!(x.to_string().parse::<Handle>().unwrap(), x);
        }
    }

    proptest::proptest! {
        /// Case never matters on a network or in an address: a spelling and
        /// its lowercase give one handle, or are both refused (whether the
        /// text needs lowercasing is decided before reading it).
        #[test]
        fn case_does_not_change_a_handle(
            channel in proptest::sample::select(vec![
                Channel::Twitter, Channel::Instagram, Channel::Messenger, Channel::TikTok,
                Channel::YouTube, Channel::Facebook, Channel::Email,
            ]),
            raw in "[a-zA-Z0-9_.@/:Éé-]{0,16}|(https://)?(www\\.)?[xX]\\.[cC][oO][mM]/@?[a-zA-Z0-9_]{0,16}|[a-zA-Z]{1,4}@[a-zA-Z]{1,4}\\.[a-zA-Z]{2,3}|[a-z]{1,4}@[a-zA-Z]{1,4}\\.[a-z]{2,3}",
        ) {
            let lower = raw.to_lowercase();
            proptest::prop_assert_eq!(
                Handle::new(channel.clone(), &raw).ok(),
                Handle::new(channel, &lower).ok()
            );
        }
    }

    proptest::proptest! {
        /// Whether figures are kept or left implicit, `Handles` answers as a
        /// sorted map of handle to figures would.
        #[test]
        fn handles_behave_as_a_sorted_map(
            ops in proptest::collection::vec((0u8..3, 0u8..6, 0u64..3), 0..40),
        ) {
            let mut handles = Handles::new();
            let mut model = std::collections::BTreeMap::new();
            for (op, which, followers) in ops {
                let handle = Handle::new(Channel::Twitter, &format!("@user{which}")).unwrap();
                let stats = AudienceStats { followers, ..AudienceStats::default() };
                match op {
                    0 | 1 => proptest::prop_assert_eq!(
                        handles.insert(handle.clone(), stats),
                        model.insert(handle, stats)
                    ),
                    _ => proptest::prop_assert_eq!(handles.remove(&handle), model.remove(&handle)),
                }
                proptest::prop_assert!(handles.iter().eq(model.iter()));
                proptest::prop_assert_eq!(handles.len(), model.len());
                let rebuilt: Handles = model.iter().map(|(h, s)| (h.clone(), *s)).collect();
                proptest::prop_assert_eq!(&handles, &rebuilt);
            }
        }
    }

    #[test]
    fn social_names_fold_at_case_and_urls() {
        assert_eq!(norm(Channel::Twitter, "@Nath_Conso"), "nath_conso");
        assert_eq!(
            norm(Channel::Twitter, "https://twitter.com/Nath_Conso/"),
            "nath_conso"
        );
        assert_eq!(
            norm(Channel::Instagram, "@ryan.cole.eats"),
            "ryan.cole.eats"
        );
        assert_eq!(
            norm(Channel::Facebook, "facebook.com/julie.bernard.33"),
            "julie.bernard.33"
        );
        assert_eq!(
            norm(Channel::LinkedIn, "linkedin.com/in/Pierre-Lambert/"),
            "pierre-lambert"
        );
    }

    #[test]
    fn social_names_are_checked() {
        let err = Handle::new(Channel::Twitter, "@a b").unwrap_err();
        assert_eq!(
            err.to_string(),
            "invalid twitter handle `@a b`: ` ` is not allowed: use letters, digits or `_`"
        );
        assert!(Handle::new(Channel::Twitter, "@").is_err());
        assert!(Handle::new(Channel::Twitter, "sixteen_chars_xx").is_err());
        assert!(Handle::new(Channel::TikTok, "a").is_err());
    }

    #[test]
    fn emails_fold_case_and_keep_the_address_of_a_mailbox() {
        assert_eq!(
            norm(Channel::Email, " Lea.Martin@Exemple.FR "),
            "lea.martin@exemple.fr"
        );
        assert_eq!(
            norm(Channel::Email, r#""Martin, Léa" <Lea.Martin@Exemple.FR>"#),
            "lea.martin@exemple.fr"
        );
        assert_eq!(
            norm(Channel::Email, "Léa Martin <lea.martin@exemple.fr>"),
            "lea.martin@exemple.fr"
        );
        for bad in [
            "lea",
            "@exemple.fr",
            "lea@",
            "lea@exemple",
            "lea@-x.fr",
            "a b@x.fr",
            "lea@x..fr",
        ] {
            assert!(Handle::new(Channel::Email, bad).is_err(), "{bad}");
        }
    }

    #[test]
    fn phones_go_to_e164_where_possible() {
        let fr = Some(Country::new("FR").unwrap());
        let es = Some(Country::new("ES").unwrap());
        let us = Some(Country::new("US").unwrap());
        let with = |raw, region| {
            Handle::with_region(Channel::Phone, raw, region)
                .unwrap()
                .value()
                .to_owned()
        };
        assert_eq!(with("06.12.34.56.78", fr), "+33612345678");
        assert_eq!(with("0033 6 12 34 56 78", None), "+33612345678");
        assert_eq!(with("612 345 678", es), "+34612345678");
        assert_eq!(with("(415) 555-0134", us), "+14155550134");
        assert_eq!(with("1 415 555 0134", us), "+14155550134");
        assert_eq!(with("06 12 34 56 78", None), "0612345678");
        assert!(Handle::new(Channel::Phone, "+0612").is_err());
        assert!(Handle::new(Channel::Phone, "call me").is_err());
        assert!(Handle::new(Channel::Phone, "+33 6 12 34 56 78 99 99 99").is_err());
    }

    #[test]
    fn community_names_and_blogs() {
        assert_eq!(norm(Channel::Forum, "  Café   Addict "), "café addict");
        assert_eq!(
            norm(Channel::Blog, "https://www.Cafe-et-Tartines.fr/"),
            "cafe-et-tartines.fr"
        );
        assert_eq!(norm(Channel::Store, " Mme  Dupont "), "Mme Dupont");
    }

    #[test]
    fn normal_forms_read_back_as_themselves() {
        // Regression (fuzzing, #17): one `www.` was stripped, and the name
        // left could start with another.
        for (channel, raw) in [
            (Channel::Facebook, "www.www.jean"),
            (Channel::Facebook, "https://www.facebook.com/www."),
            (Channel::Instagram, "https://instagram.com/www.lea"),
            (Channel::TikTok, "www.www.tik"),
            (Channel::YouTube, "www.www.you"),
        ] {
            let err = Handle::new(channel.clone(), raw).unwrap_err();
            assert!(
                err.to_string().contains("must not start with `www.`"),
                "{err}"
            );
        }
        assert_eq!(norm(Channel::Facebook, "www.jean"), "jean");
        for raw in [
            "www.www.blog.fr",
            "https://www.http://blog.fr//",
            "www.https://blog.fr",
        ] {
            assert_eq!(norm(Channel::Blog, raw), "blog.fr", "{raw}");
        }
        assert!(Handle::new(Channel::Blog, "https://www./").is_err());
        for (channel, raw) in [
            (Channel::Facebook, "jean.www"),
            (Channel::Blog, "www.www.blog.fr"),
            (Channel::Instagram, "@ryan.cole.eats"),
        ] {
            let handle = Handle::new(channel, raw).unwrap();
            assert_eq!(handle.to_string().parse::<Handle>().unwrap(), handle);
        }
    }

    #[test]
    fn a_normal_form_that_would_outgrow_the_limit_is_refused() {
        let raw = "İ".repeat(Handle::MAX_LEN / 2);
        assert_eq!(raw.len(), Handle::MAX_LEN);
        assert!(Handle::new(Channel::Forum, &raw).is_err());
        assert!(Handle::new(Channel::Store, &raw).is_ok());
    }

    #[cfg(feature = "phone-metadata")]
    #[test]
    fn every_country_with_a_calling_code_reaches_e164() {
        let region = |c: &str| Some(Country::new(c).unwrap());
        for (raw, country, e164) in [
            ("090-1234-5678", "JP", "+819012345678"),
            ("(11) 91234-5678", "BR", "+5511912345678"),
            ("0412 345 678", "AU", "+61412345678"),
            ("06 12 34 56 78", "FR", "+33612345678"),
            ("612 345 678", "ES", "+34612345678"),
        ] {
            let h = Handle::with_region(Channel::WhatsApp, raw, region(country)).unwrap();
            assert_eq!(h.value(), e164, "{raw} in {country}");
            assert_eq!(h.to_string().parse::<Handle>().unwrap(), h);
        }
        // Not a number there: kept as given.
        let h = Handle::with_region(Channel::Phone, "123", region("JP")).unwrap();
        assert_eq!(h.value(), "123");
    }

    #[test]
    fn platform_ids_are_their_own_form() {
        let id = Handle::new(Channel::Twitter, "id:1456789012345678901").unwrap();
        assert!(id.is_platform_id());
        assert_ne!(id, Handle::new(Channel::Twitter, "@jean").unwrap());
        for bad in ["id:", "id:12a", "id:1234567890123456789012345"] {
            assert!(Handle::new(Channel::Twitter, bad).is_err(), "{bad}");
        }
        // Only networks with numeric ids take them.
        assert!(Handle::new(Channel::TikTok, "id:123").is_err());
        assert!(!Handle::new(Channel::Facebook, "123456")
            .unwrap()
            .is_platform_id());
    }

    #[test]
    fn text_form_round_trips() {
        for text in [
            "twitter:@nath_conso",
            "email:lea@exemple.fr",
            "twitter:id:1456789012345678901",
            "messenger:id:7391205546132",
            "phone:+33612345678",
            "forum:café addict",
        ] {
            let handle: Handle = text.parse().unwrap();
            assert_eq!(handle.to_string(), text);
        }
        assert!("nath_conso".parse::<Handle>().is_err());
    }
}
