//! What a service keeps and shares between threads (behind an `Arc`, a
//! lock, a channel) is `Send + Sync`: the desk and everything a caller
//! stores from it. Checked when the tests compile, so a field that is not
//! (an `Rc`, a `Cell`) cannot slip into one of them.

use social_crm::crisis::Monitor;
use social_crm::desk::{Desk, DeskChanges, Event};
use social_crm::reply::Templates;
use social_crm::routing::Roster;
use social_crm::sentiment::Analyzer;
use social_crm::sla::BusinessCalendar;
use social_crm::{
    AgentId, Conversation, ConversationId, Customer, CustomerId, Directory, Error, Handle,
    Interaction, InteractionId, Name, Tag, Tags,
};

fn shared_between_threads<T: Send + Sync>() {}

#[test]
fn what_a_service_shares_between_threads_is_send_and_sync() {
    shared_between_threads::<Desk>();
    shared_between_threads::<DeskChanges>();
    shared_between_threads::<Event>();
    shared_between_threads::<Directory>();
    shared_between_threads::<Customer>();
    shared_between_threads::<Conversation>();
    shared_between_threads::<Interaction>();
    shared_between_threads::<Handle>();
    shared_between_threads::<CustomerId>();
    shared_between_threads::<AgentId>();
    shared_between_threads::<ConversationId>();
    shared_between_threads::<InteractionId>();
    shared_between_threads::<Name>();
    shared_between_threads::<Tag>();
    shared_between_threads::<Tags>();
    shared_between_threads::<Analyzer>();
    shared_between_threads::<Monitor>();
    shared_between_threads::<BusinessCalendar>();
    shared_between_threads::<Templates>();
    shared_between_threads::<Roster>();
    shared_between_threads::<Error>();
}
