//! Where a customer speaks to the brand: social networks, communities, direct
//! lines and the shop counter.

use std::fmt;
use std::str::FromStr;
use std::sync::Arc;

use crate::macros::fold_word;
use crate::{ErrorKind, Result};

/// A place where customers and the brand talk.
///
/// Each channel knows its [`ChannelKind`], whether a message there is
/// [public by default](Channel::is_public_by_default) (a tweet, a wall post, a
/// forum thread) and whether it is a [social network](Channel::is_social_network).
/// Channels the crate does not name are [`Channel::Other`], which keeps their
/// name and round-trips through text.
///
/// `Display` writes the canonical name; `FromStr` accepts the usual spellings,
/// case-insensitively:
///
/// ```
/// use social_crm::Channel;
///
/// assert_eq!("X".parse::<Channel>()?, Channel::Twitter);
/// assert_eq!("twitter".parse::<Channel>()?, Channel::Twitter);
/// assert_eq!("E-mail".parse::<Channel>()?, Channel::Email);
/// assert_eq!(Channel::LiveChat.to_string(), "live-chat");
///
/// let mastodon: Channel = "Mastodon".parse()?;
/// assert_eq!(mastodon.to_string(), "mastodon");
/// assert_eq!(mastodon.to_string().parse::<Channel>()?, mastodon);
/// assert!(Channel::Twitter.is_public_by_default());
/// assert!(!Channel::Email.is_public_by_default());
/// # Ok::<(), social_crm::Error>(())
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Hash, PartialOrd, Ord)]
#[non_exhaustive]
pub enum Channel {
    /// Twitter, now X.
    Twitter,
    /// Facebook (pages, posts, comments).
    Facebook,
    /// Messenger, Facebook's private messages.
    Messenger,
    /// Instagram.
    Instagram,
    /// LinkedIn.
    LinkedIn,
    /// TikTok.
    TikTok,
    /// YouTube.
    YouTube,
    /// WhatsApp (a messaging app: private).
    WhatsApp,
    /// A discussion forum not run by the brand.
    Forum,
    /// A blog and its comments.
    Blog,
    /// A review site (Trustpilot-like, marketplace reviews, app stores).
    ReviewSite,
    /// The brand's own community space.
    Community,
    /// Email.
    Email,
    /// A phone call.
    Phone,
    /// Live chat on the brand's site or app.
    LiveChat,
    /// SMS text messages.
    Sms,
    /// The shop, store or counter: a conversation in person.
    Store,
    /// A contact form on the brand's site.
    WebForm,
    /// Any other channel, by name.
    Other(OtherChannel),
}

/// The broad family of a [`Channel`], which decides its defaults.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
#[non_exhaustive]
pub enum ChannelKind {
    /// A public social network: what is said there can spread.
    SocialNetwork,
    /// A public space of conversation: forums, blogs, reviews, communities.
    PublicCommunity,
    /// A private written or spoken line: messaging, email, phone, chat, SMS,
    /// web forms.
    Direct,
    /// Face to face, at the shop or counter.
    InPerson,
    /// A channel the crate does not know.
    Unknown,
}

impl Channel {
    /// Every named channel (all but [`Channel::Other`]), in declaration order.
    pub const NAMED: [Channel; 18] = [
        Channel::Twitter,
        Channel::Facebook,
        Channel::Messenger,
        Channel::Instagram,
        Channel::LinkedIn,
        Channel::TikTok,
        Channel::YouTube,
        Channel::WhatsApp,
        Channel::Forum,
        Channel::Blog,
        Channel::ReviewSite,
        Channel::Community,
        Channel::Email,
        Channel::Phone,
        Channel::LiveChat,
        Channel::Sms,
        Channel::Store,
        Channel::WebForm,
    ];

    /// A channel by any name: a named one if the name is one of its
    /// spellings, otherwise [`Channel::Other`]. Same as `FromStr`.
    ///
    /// # Errors
    ///
    /// [`ErrorKind::InvalidChannel`] if the name is not a valid
    /// [`OtherChannel`] name either.
    pub fn new(name: &str) -> Result<Channel> {
        name.parse()
    }

    /// The canonical name: what `Display` writes and serde stores.
    pub fn as_str(&self) -> &str {
        match self {
            Channel::Twitter => "twitter",
            Channel::Facebook => "facebook",
            Channel::Messenger => "messenger",
            Channel::Instagram => "instagram",
            Channel::LinkedIn => "linkedin",
            Channel::TikTok => "tiktok",
            Channel::YouTube => "youtube",
            Channel::WhatsApp => "whatsapp",
            Channel::Forum => "forum",
            Channel::Blog => "blog",
            Channel::ReviewSite => "review-site",
            Channel::Community => "community",
            Channel::Email => "email",
            Channel::Phone => "phone",
            Channel::LiveChat => "live-chat",
            Channel::Sms => "sms",
            Channel::Store => "store",
            Channel::WebForm => "web-form",
            Channel::Other(other) => other.as_str(),
        }
    }

    /// The family of this channel.
    pub fn kind(&self) -> ChannelKind {
        match self {
            Channel::Twitter
            | Channel::Facebook
            | Channel::Instagram
            | Channel::LinkedIn
            | Channel::TikTok
            | Channel::YouTube => ChannelKind::SocialNetwork,
            Channel::Forum | Channel::Blog | Channel::ReviewSite | Channel::Community => {
                ChannelKind::PublicCommunity
            }
            Channel::WhatsApp
            | Channel::Messenger
            | Channel::Email
            | Channel::Phone
            | Channel::LiveChat
            | Channel::Sms
            | Channel::WebForm => ChannelKind::Direct,
            Channel::Store => ChannelKind::InPerson,
            Channel::Other(_) => ChannelKind::Unknown,
        }
    }

    /// Whether a message on this channel is seen by the public unless said
    /// otherwise (a tweet, a wall post, a review) rather than private (a DM,
    /// an email, a call). Unknown channels count as private: the crate never
    /// assumes it may publish what it cannot place.
    pub fn is_public_by_default(&self) -> bool {
        matches!(
            self.kind(),
            ChannelKind::SocialNetwork | ChannelKind::PublicCommunity
        )
    }

    /// Whether the channel is a social network (Twitter/X, Facebook,
    /// Instagram, LinkedIn, TikTok, YouTube).
    pub fn is_social_network(&self) -> bool {
        self.kind() == ChannelKind::SocialNetwork
    }

    /// The named channel for a folded spelling, if any.
    fn named(folded: &str) -> Option<Channel> {
        Some(match folded {
            "twitter" | "x" | "twitter/x" | "x/twitter" | "tweet" => Channel::Twitter,
            "facebook" | "fb" => Channel::Facebook,
            "messenger" | "facebook-messenger" | "fb-messenger" => Channel::Messenger,
            "instagram" | "ig" | "insta" => Channel::Instagram,
            "linkedin" | "linked-in" => Channel::LinkedIn,
            "tiktok" | "tik-tok" => Channel::TikTok,
            "youtube" | "yt" => Channel::YouTube,
            "whatsapp" | "whats-app" | "wa" => Channel::WhatsApp,
            "forum" | "forums" => Channel::Forum,
            "blog" | "blogs" => Channel::Blog,
            "review-site" | "reviews" | "review" | "reviewsite" => Channel::ReviewSite,
            "community" | "brand-community" => Channel::Community,
            "email" | "e-mail" | "mail" => Channel::Email,
            "phone" | "telephone" | "call" | "tel" => Channel::Phone,
            "live-chat" | "livechat" | "chat" => Channel::LiveChat,
            "sms" | "text" => Channel::Sms,
            "store" | "shop" | "counter" | "in-store" | "shop-counter" => Channel::Store,
            "web-form" | "webform" | "form" | "contact-form" => Channel::WebForm,
            _ => return None,
        })
    }
}

impl fmt::Display for Channel {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.pad(self.as_str())
    }
}

impl FromStr for Channel {
    type Err = crate::Error;

    fn from_str(s: &str) -> Result<Channel> {
        // A name already folded (every stored one) is looked up as it is.
        if let Some(channel) = Channel::named(s) {
            return Ok(channel);
        }
        let folded = fold_word(s);
        match Channel::named(&folded) {
            Some(channel) => Ok(channel),
            None => OtherChannel::from_folded(s, folded.into_owned()).map(Channel::Other),
        }
    }
}

serde_via_str!(
    Channel,
    "a channel name such as `twitter` or `email`",
    Channel::as_str
);

/// The name of a channel the crate does not know, such as `mastodon`.
///
/// Names are folded like every channel spelling (trimmed, lowercase, spaces
/// and underscores as hyphens), so `Mastodon` and `mastodon` are one channel.
/// A name that is a spelling of a named channel is not an `OtherChannel`:
/// `"X"` always means [`Channel::Twitter`]. This keeps text round trips exact.
///
/// ```
/// use social_crm::{Channel, OtherChannel};
///
/// let bluesky = OtherChannel::new("Bluesky")?;
/// assert_eq!(bluesky.as_str(), "bluesky");
/// assert!(OtherChannel::new("facebook").is_err());
/// assert_eq!(Channel::Other(bluesky).to_string(), "bluesky");
/// # Ok::<(), social_crm::Error>(())
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Hash, PartialOrd, Ord)]
// `Arc<String>` is one pointer wide where `Arc<str>` is two: every
// `Channel` (in every handle and interaction) is 16 bytes instead of 24, for
// one more indirection on names that are rare.
#[allow(clippy::rc_buffer)]
pub struct OtherChannel(Arc<String>);

impl OtherChannel {
    /// The longest name accepted, in bytes.
    pub const MAX_LEN: usize = 64;

    /// Checks and folds a channel name.
    ///
    /// # Errors
    ///
    /// [`ErrorKind::InvalidChannel`] if the folded name is empty, longer than
    /// [`Self::MAX_LEN`], contains `:` (which separates a channel from a
    /// handle in text), white space or control characters, or is a spelling
    /// of a named channel.
    pub fn new(name: &str) -> Result<OtherChannel> {
        let folded = fold_word(name);
        if Channel::named(&folded).is_some() {
            return Err(ErrorKind::InvalidChannel {
                value: name.to_owned(),
                reason: "this names a channel the crate knows; use that variant",
            }
            .into());
        }
        OtherChannel::from_folded(name, folded.into_owned())
    }

    fn from_folded(original: &str, folded: String) -> Result<OtherChannel> {
        let reason = if folded.is_empty() {
            "must not be empty"
        } else if folded.len() > Self::MAX_LEN {
            "must be at most 64 bytes long"
        } else if folded.contains(':') {
            "must not contain `:`"
        } else if folded.chars().any(|c| c.is_whitespace() || c.is_control()) {
            "must not contain white space inside or control characters"
        } else {
            return Ok(OtherChannel(Arc::new(folded)));
        };
        Err(ErrorKind::InvalidChannel {
            value: original.to_owned(),
            reason,
        }
        .into())
    }

    /// The channel of a name that passed [`OtherChannel::new`] before.
    pub(crate) fn checked(name: &str) -> OtherChannel {
        OtherChannel(Arc::new(name.to_owned()))
    }

    /// The folded name.
    pub fn as_str(&self) -> &str {
        &self.0
    }
}

impl fmt::Display for OtherChannel {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.pad(&self.0)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_named_channel_round_trips_through_its_name() {
        for channel in Channel::NAMED {
            assert_eq!(channel.as_str().parse::<Channel>().unwrap(), channel);
        }
    }

    #[test]
    fn usual_spellings_parse() {
        let cases = [
            ("X", Channel::Twitter),
            (" Twitter ", Channel::Twitter),
            ("FB", Channel::Facebook),
            ("Live Chat", Channel::LiveChat),
            ("live_chat", Channel::LiveChat),
            ("Review site", Channel::ReviewSite),
            ("shop", Channel::Store),
            ("e-mail", Channel::Email),
        ];
        for (text, channel) in cases {
            assert_eq!(text.parse::<Channel>().unwrap(), channel, "{text}");
        }
    }

    #[test]
    fn defaults_follow_the_kind() {
        assert!(Channel::Forum.is_public_by_default());
        assert!(!Channel::Forum.is_social_network());
        assert!(!Channel::WhatsApp.is_public_by_default());
        assert!(!Channel::Store.is_public_by_default());
        let other: Channel = "mastodon".parse().unwrap();
        assert_eq!(other.kind(), ChannelKind::Unknown);
        assert!(!other.is_public_by_default());
    }

    #[test]
    fn bad_names_are_refused_with_a_reason() {
        assert_eq!(
            "".parse::<Channel>().unwrap_err().to_string(),
            "invalid channel ``: must not be empty"
        );
        assert_eq!(
            "a:b".parse::<Channel>().unwrap_err().to_string(),
            "invalid channel `a:b`: must not contain `:`"
        );
        assert!("a\tb".parse::<Channel>().is_err());
        assert!("x".repeat(65).parse::<Channel>().is_err());
    }
}
