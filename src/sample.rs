//! A sample data set: one week of a fictional French brand's care desk.
//!
//! Cafélia sells coffee machines (the *Duo*) and capsules online, in its own
//! shops and through resellers, in France, Spain and a few other countries.
//! From Monday 16 to Sunday 22 November 2026 (Europe/Paris), its desk of six
//! agents hears from 80 customers on Twitter/X, Facebook, Instagram, a coffee
//! forum, email and phone, in French, English and Spanish: questions, praise,
//! billing slips, and delayed Black Friday pre-orders. On Friday at 18:05 a
//! tired agent answers a complaint on Facebook with "si vous n'êtes pas
//! content, personne ne vous oblige à commander chez nous"; an opinion leader
//! with 182,000 followers shares the screenshot an hour later, a journalist
//! asks for a statement, and the desk spends the evening and the Saturday
//! apologising. Sunday is quieter, and a few conversations are still waiting
//! at [`SampleWeek::now`].
//!
//! The data was written for this crate (no real person, account or message;
//! phone numbers are in ranges set aside for fiction, email domains are
//! `example.*`). It includes opinion leaders, a journalist, bloggers, fans,
//! angry customers, resellers, employees, one person recorded twice under
//! different handles (`c067` and `c068` share an email address), and four
//! customers who refused profiling. It is embedded as tab-separated files
//! under `src/sample/`, so examples, doctests and tests need no file access.
//!
//! ```
//! use social_crm::sample;
//!
//! let week = sample::week();
//! assert_eq!(week.customers.len(), 80);
//! assert_eq!(week.agents.len(), 6);
//! assert!(week.interaction_count() > 250);
//! let directory = week.directory()?;
//! assert_eq!(directory.shared_handles().len(), 1);
//! # Ok::<(), social_crm::Error>(())
//! ```

use jiff::tz::TimeZone;
use jiff::Timestamp;

use crate::model::{
    AgeRange, Agent, AudienceStats, BirthYear, Channel, Consent, Conversation, ConversationId,
    ConversationStatus, Country, Customer, Decision, Engagement, Handle, Interaction,
    InteractionId, Language, Persona, PersonaRule, Potentials, Purpose, Role, StatusEvent, Tag,
    Visibility,
};
use crate::time::parse_timestamp;
use crate::{Directory, ErrorKind, Result};

const CUSTOMERS: &str = include_str!("sample/customers.tsv");
const HANDLES: &str = include_str!("sample/handles.tsv");
const CONSENT: &str = include_str!("sample/consent.tsv");
const AGENTS: &str = include_str!("sample/agents.tsv");
const INTERACTIONS: &str = include_str!("sample/interactions.tsv");
const EVENTS: &str = include_str!("sample/events.tsv");

/// The sample week: everything a care desk knows on Sunday evening.
#[derive(Debug, Clone, PartialEq)]
#[non_exhaustive]
pub struct SampleWeek {
    /// The brand's name.
    pub brand: &'static str,
    /// The brand's own handles (the accounts customers mention).
    pub brand_handles: Vec<Handle>,
    /// The desk's time zone, Europe/Paris.
    pub time_zone: TimeZone,
    /// Monday 16 November 2026, 00:00 in Paris: the week's first instant.
    pub start: Timestamp,
    /// Sunday 22 November 2026, 18:00 in Paris: "now" for everything
    /// computed on the sample.
    pub now: Timestamp,
    /// The 80 customers, sorted by id, as recorded (the same person may
    /// appear twice: see [`SampleWeek::directory`]).
    pub customers: Vec<Customer>,
    /// The six agents.
    pub agents: Vec<Agent>,
    /// Four personas, in the order they are tried.
    pub personas: Vec<Persona>,
    /// Every conversation of the week, sorted by first message.
    pub conversations: Vec<Conversation>,
}

/// Loads the sample week.
///
/// Parsing takes about a millisecond; keep the value if you need it often.
///
/// # Panics
///
/// Only if the data embedded in the crate were invalid, which the crate's
/// own tests rule out.
pub fn week() -> SampleWeek {
    match load() {
        Ok(week) => week,
        Err(e) => panic!("the sample data embedded in social-crm is invalid: {e}"),
    }
}

impl SampleWeek {
    /// The customer with this id.
    pub fn customer(&self, id: &str) -> Option<&Customer> {
        self.customers.iter().find(|c| c.id.as_str() == id)
    }

    /// The agent with this id.
    pub fn agent(&self, id: &str) -> Option<&Agent> {
        self.agents.iter().find(|a| a.id.as_str() == id)
    }

    /// A directory of the week's customers, indexed by handle. The two
    /// records of one person are both there, sharing a handle, ready for
    /// [`Directory::merge`].
    ///
    /// # Errors
    ///
    /// None in practice: the sample's ids are unique.
    pub fn directory(&self) -> Result<Directory> {
        let mut directory = Directory::with_capacity(self.customers.len());
        for customer in &self.customers {
            directory.insert(customer.clone())?;
        }
        Ok(directory)
    }

    /// Every interaction of the week, oldest first.
    pub fn interactions(&self) -> Vec<&Interaction> {
        let mut all: Vec<&Interaction> = self
            .conversations
            .iter()
            .flat_map(|c| c.interactions())
            .collect();
        all.sort_by(|a, b| a.at.cmp(&b.at).then_with(|| a.id.cmp(&b.id)));
        all
    }

    /// The week as the desk received it: every interaction and status
    /// change, oldest first (at the same instant, status changes first), as
    /// [`crate::desk::Event`]s.
    pub fn events(&self) -> Vec<crate::desk::Event> {
        use crate::desk::Event;
        let mut all: Vec<(Timestamp, u8, String, Event)> = Vec::new();
        for c in &self.conversations {
            for e in c.events() {
                all.push((
                    e.at,
                    0,
                    c.id().to_string(),
                    Event::Status {
                        conversation: c.id().clone(),
                        status: e.status,
                        at: e.at,
                        by: e.by.clone(),
                    },
                ));
            }
            for i in c.interactions() {
                all.push((i.at, 1, i.id.to_string(), Event::Interaction(i.clone())));
            }
        }
        all.sort_by(|a, b| (a.0, a.1, &a.2).cmp(&(b.0, b.1, &b.2)));
        all.into_iter().map(|(.., e)| e).collect()
    }

    /// The week's [`events`](Self::events) of the conversations `keep`
    /// accepts, once for each copy number in `copies`, under distinct ids
    /// (`tw-062-0`, `tw-062-1`..., messages alike), each event followed by
    /// its copies so that time never goes back: a desk of any size with the
    /// week's shape, for benchmarks and sizing.
    ///
    /// ```
    /// let week = social_crm::sample::week();
    /// let events = week.events_copied(0..3, |_| true);
    /// assert_eq!(events.len(), 3 * week.events().len());
    /// ```
    pub fn events_copied(
        &self,
        copies: std::ops::Range<usize>,
        keep: impl Fn(&crate::ConversationId) -> bool,
    ) -> Vec<crate::desk::Event> {
        use crate::desk::Event;
        let events: Vec<Event> = self
            .events()
            .into_iter()
            .filter(|e| match e {
                Event::Interaction(i) => keep(&i.conversation),
                Event::Status { conversation, .. } => keep(conversation),
                _ => true,
            })
            .collect();
        // The week's ids are short and plain: with a number appended they
        // stay valid ids.
        fn renamed<T: std::str::FromStr + std::fmt::Display>(id: &T, k: usize) -> T {
            match format!("{id}-{k}").parse() {
                Ok(id) => id,
                Err(_) => panic!("the sample's id `{id}` with `-{k}` is not an id"),
            }
        }
        let mut out = Vec::with_capacity(events.len() * copies.len());
        for event in &events {
            for k in copies.clone() {
                out.push(match event {
                    Event::Interaction(i) => {
                        let mut i = i.clone();
                        i.id = renamed(&i.id, k);
                        i.conversation = renamed(&i.conversation, k);
                        i.in_reply_to = i.in_reply_to.as_ref().map(|r| renamed(r, k));
                        Event::Interaction(i)
                    }
                    Event::Status {
                        conversation,
                        status,
                        at,
                        by,
                    } => Event::Status {
                        conversation: renamed(conversation, k),
                        status: *status,
                        at: *at,
                        by: by.clone(),
                    },
                    other => other.clone(),
                });
            }
        }
        out
    }

    /// How many interactions the week holds.
    pub fn interaction_count(&self) -> usize {
        self.conversations
            .iter()
            .map(|c| c.interactions().len())
            .sum()
    }
}

/// The desk's zone: from the bundled database when there is one, otherwise
/// the same rules as a POSIX TZ string.
fn paris() -> Result<TimeZone> {
    #[cfg(feature = "tzdb-bundled")]
    {
        crate::time::time_zone("Europe/Paris")
    }
    #[cfg(not(feature = "tzdb-bundled"))]
    {
        crate::time::posix_time_zone("CET-1CEST,M3.5.0,M10.5.0/3")
    }
}

fn personas() -> Result<Vec<Persona>> {
    let europe = [
        "FR", "BE", "CH", "LU", "ES", "PT", "IT", "DE", "NL", "IE", "GB",
    ]
    .into_iter()
    .map(Country::new)
    .collect::<Result<Vec<_>>>()?;
    let french_speaking = ["FR", "BE", "CH", "LU"]
        .into_iter()
        .map(Country::new)
        .collect::<Result<Vec<_>>>()?;
    let anglo = ["US", "CA", "GB", "IE", "AU"]
        .into_iter()
        .map(Country::new)
        .collect::<Result<Vec<_>>>()?;
    Ok(vec![
        Persona::new(
            "voices",
            "Les voix qui portent: journalists, bloggers, opinion leaders",
            PersonaRule::any().with_roles([Role::Journalist, Role::Blogger, Role::OpinionLeader]),
            Potentials::new(0.3, 0.6, 1.0)?,
        )?,
        Persona::new(
            "marie",
            "Marie, 19, Europe, a competitor's unhappy customer",
            PersonaRule::any()
                .with_age(AgeRange::new(16, 25)?)
                .with_countries(europe)
                .with_roles([Role::CompetitorCustomer]),
            Potentials::new(0.6, 0.3, 0.3)?,
        )?,
        Persona::new(
            "sophie",
            "Sophie, 45, France, a loyal fan",
            PersonaRule::any()
                .with_age(AgeRange::new(35, 60)?)
                .with_countries(french_speaking)
                .with_roles([Role::Fan]),
            Potentials::new(0.8, 0.9, 0.4)?,
        )?,
        Persona::new(
            "john",
            "John, 34, USA, a regular customer",
            PersonaRule::any()
                .with_age(AgeRange::new(25, 45)?)
                .with_countries(anglo)
                .with_roles([Role::Client])
                .with_languages([Language::ENGLISH]),
            Potentials::new(0.7, 0.5, 0.2)?,
        )?,
    ])
}

/// The rows of a tab-separated file after its header, each with its line
/// number and exactly `N` fields.
fn rows<const N: usize>(
    file: &'static str,
    text: &'static str,
) -> impl Iterator<Item = Result<(usize, [&'static str; N])>> {
    text.lines().enumerate().skip(1).map(move |(i, line)| {
        let mut fields = [""; N];
        let mut parts = line.split('\t');
        for field in &mut fields {
            *field = parts.next().unwrap_or("");
        }
        if parts.next().is_some() || line.split('\t').count() != N {
            return Err(ErrorKind::InvalidText {
                what: "sample row",
                value: format!("{file}:{}", i + 1),
                reason: "wrong number of fields",
            }
            .into());
        }
        Ok((i + 1, fields))
    })
}

fn optional<T>(field: &str, parse: impl FnOnce(&str) -> Result<T>) -> Result<Option<T>> {
    if field.is_empty() {
        Ok(None)
    } else {
        parse(field).map(Some)
    }
}

fn list<T>(field: &str, parse: impl Fn(&str) -> Result<T>) -> Result<Vec<T>> {
    field
        .split(',')
        .filter(|s| !s.is_empty())
        .map(parse)
        .collect()
}

fn count(field: &str) -> Result<u64> {
    field.parse().map_err(|_| {
        ErrorKind::InvalidText {
            what: "count",
            value: field.to_owned(),
            reason: "expected a whole number",
        }
        .into()
    })
}

fn load() -> Result<SampleWeek> {
    let time_zone = paris()?;
    let mut customers = Vec::new();
    for row in rows::<7>("customers.tsv", CUSTOMERS) {
        let (_, [id, name, language, country, region, birth, roles]) = row?;
        let mut customer = Customer::new(id, name)?
            .with_language(language.parse()?)
            .with_country(country.parse()?)
            .with_region(region);
        customer.birth_year = optional(birth, |b| BirthYear::new(count(b)? as i64))?;
        customer.roles.extend(list(roles, str::parse::<Role>)?);
        customers.push(customer);
    }
    let find = |customers: &mut Vec<Customer>, id: &str| -> Result<usize> {
        customers
            .iter()
            .position(|c| c.id.as_str() == id)
            .ok_or_else(|| ErrorKind::UnknownCustomer { id: id.to_owned() }.into())
    };
    for row in rows::<7>("handles.tsv", HANDLES) {
        let (_, [id, handle, followers, following, listed, posts, created]) = row?;
        let i = find(&mut customers, id)?;
        let region = customers[i].country;
        let (channel, value) = handle.split_once(':').unwrap_or(("", handle));
        let handle = Handle::with_region(channel.parse()?, value, region)?;
        let stats = AudienceStats {
            followers: count(followers)?,
            following: count(following)?,
            listed: count(listed)?,
            posts: count(posts)?,
            created: optional(created, parse_timestamp)?,
        };
        customers[i].handles.insert(handle, stats);
    }
    for row in rows::<5>("consent.tsv", CONSENT) {
        let (_, [id, purpose, decision, at, source]) = row?;
        let i = find(&mut customers, id)?;
        let consent: &mut Consent = &mut customers[i].consent;
        consent.record(
            purpose.parse::<Purpose>()?,
            decision.parse::<Decision>()?,
            parse_timestamp(at)?,
            Tag::new(source)?,
        );
    }

    let mut agents = Vec::new();
    for row in rows::<8>("agents.tsv", AGENTS) {
        let (_, [id, name, languages, channels, skills, level, teams, capacity]) = row?;
        let mut agent = Agent::new(
            id,
            name,
            u32::try_from(count(capacity)?).unwrap_or(u32::MAX),
        )?;
        agent.languages.extend(list(languages, Language::new)?);
        agent
            .channels
            .extend(list(channels, str::parse::<Channel>)?);
        agent.skills.extend(list(skills, Tag::new)?);
        agent.level = level.parse()?;
        agent.teams.extend(list(teams, Tag::new)?);
        agents.push(agent);
    }

    // Interactions and status events, grouped by conversation;
    // `from_parts` checks each thread.
    type Thread = (Vec<Interaction>, Vec<StatusEvent>);
    let mut threads: std::collections::BTreeMap<ConversationId, Thread> = Default::default();
    let mut parsed = Vec::new();
    for row in rows::<14>("interactions.tsv", INTERACTIONS) {
        let (_, f) = row?;
        let [id, conv, at, direction, author, channel, visibility, language, reply_to, likes, shares, replies, tags, text] =
            f;
        let id = InteractionId::new(id)?;
        let conversation = ConversationId::new(conv)?;
        let at = parse_timestamp(at)?;
        let channel: Channel = channel.parse()?;
        let mut interaction = match author.strip_prefix("agent:") {
            Some(agent) => {
                let agent = agent.parse()?;
                if direction == "note" {
                    Interaction::note(id, conversation, channel, agent, at, text)
                } else {
                    Interaction::outbound(id, conversation, channel, agent, at, text)
                }
            }
            None => {
                let handle: Handle = author.parse()?;
                Interaction::inbound(id, conversation, handle, at, text)
            }
        }
        .with_language(language.parse()?)
        .with_visibility(visibility.parse::<Visibility>()?)
        .with_engagement(Engagement {
            likes: count(likes)?,
            shares: count(shares)?,
            replies: count(replies)?,
        });
        interaction.in_reply_to = optional(reply_to, InteractionId::new)?;
        interaction.tags.extend(list(tags, Tag::new)?);
        parsed.push((interaction.conversation.clone(), interaction));
    }
    for (conv, interaction) in parsed {
        threads.entry(conv).or_default().0.push(interaction);
    }
    for row in rows::<3>("events.tsv", EVENTS) {
        let (_, [conv, at, status]) = row?;
        threads
            .entry(ConversationId::new(conv)?)
            .or_default()
            .1
            .push(StatusEvent::new(
                parse_timestamp(at)?,
                status.parse::<ConversationStatus>()?,
            ));
    }
    let mut conversations = threads
        .into_iter()
        .map(|(id, (interactions, events))| Conversation::from_parts(id, interactions, events))
        .collect::<Result<Vec<_>>>()?;
    conversations.sort_by_key(|c| c.first().map(|i| i.at));

    Ok(SampleWeek {
        brand: "Cafélia",
        brand_handles: vec![
            Handle::new(Channel::Twitter, "@cafelia")?,
            Handle::new(Channel::Facebook, "cafelia")?,
            Handle::new(Channel::Instagram, "@cafelia")?,
        ],
        start: parse_timestamp("2026-11-16T00:00:00+01:00")?,
        now: parse_timestamp("2026-11-22T18:00:00+01:00")?,
        time_zone,
        customers,
        agents,
        personas: personas()?,
        conversations,
    })
}

/// A WhatsApp Cloud API webhook body with `messages` text messages from
/// `messages / 10` customers (rounded up), a second apart, in the shape the
/// platform documents: for tests and benchmarks of
/// `channels::whatsapp` (feature `whatsapp`) at any size.
///
/// ```
/// let body = social_crm::sample::whatsapp_webhook(3);
/// assert!(body.starts_with(r#"{"object":"whatsapp_business_account""#));
/// assert_eq!(body.matches(r#""type":"text""#).count(), 3);
/// ```
pub fn whatsapp_webhook(messages: usize) -> String {
    let messages: Vec<String> = (0..messages)
        .map(|k| {
            format!(
                r#"{{"from":"3361234{:04}","id":"wamid.B{k}","timestamp":"{}","type":"text","text":{{"body":"Message {k} : toujours pas de nouvelles de ma commande 😕"}}}}"#,
                k / 10,
                1_763_660_700 + k
            )
        })
        .collect();
    format!(
        r#"{{"object":"whatsapp_business_account","entry":[{{"id":"1","changes":[{{"field":"messages","value":{{"messaging_product":"whatsapp","messages":[{}]}}}}]}}]}}"#,
        messages.join(",")
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_sample_loads_and_is_what_the_docs_say() {
        let week = load().unwrap();
        assert_eq!(week.customers.len(), 80);
        assert_eq!(week.agents.len(), 6);
        assert_eq!(week.personas.len(), 4);
        let n = week.interaction_count();
        assert!((250..=350).contains(&n), "{n} interactions");
        assert_eq!(
            week.customers
                .iter()
                .filter(|c| c.refused_profiling())
                .count(),
            4
        );
        for interaction in week.interactions() {
            assert!(interaction.at >= week.start && interaction.at <= week.now);
        }
        let languages: std::collections::BTreeSet<_> = week
            .interactions()
            .iter()
            .filter_map(|i| i.language)
            .collect();
        assert_eq!(
            languages.into_iter().collect::<Vec<_>>(),
            [Language::ENGLISH, Language::SPANISH, Language::FRENCH]
        );
    }

    #[test]
    fn every_inbound_author_is_a_known_customer() {
        let week = load().unwrap();
        let directory = week.directory().unwrap();
        for interaction in week.interactions() {
            if let Some(handle) = interaction.customer_handle() {
                assert!(
                    !matches!(directory.resolve(handle), crate::Resolution::Unknown),
                    "{handle}"
                );
            }
            if let Some(agent) = interaction.agent() {
                assert!(week.agent(agent.as_str()).is_some(), "{agent}");
            }
        }
    }

    #[test]
    fn the_crisis_is_on_friday_evening() {
        let week = load().unwrap();
        let friday_evening = |i: &&Interaction| {
            let local = i.at.to_zoned_datetime(week.time_zone.clone());
            local.weekday() == jiff::civil::Weekday::Friday && local.hour() >= 18
        };
        let evening = week
            .interactions()
            .into_iter()
            .filter(friday_evening)
            .count();
        assert!(evening >= 50, "{evening} messages on Friday evening");
    }
}
