//! Service levels: when each promise to a customer falls due, whether it was
//! kept, and how the desk did overall.
//!
//! - [`BusinessCalendar`]: when the desk is open, in a real time zone, with
//!   holidays, overrides and overnight shifts; business-time arithmetic.
//! - [`PolicySet`], [`Policy`], [`Target`]: what the brand promises, chosen
//!   by ordered conditions (first match wins).
//! - [`evaluate`]: a conversation's [`MetricClock`]s at "now": achieved, in
//!   progress, warning, breached or paused, with due instants.
//! - [`SlaReport`]: attainment per metric, channel, priority, agent and
//!   language, with median and 90th-percentile times.
//!
//! Everything here is pure: the caller passes events and "now". Agents'
//! shifts are business calendars too: [`BusinessCalendar::is_open`] tells who
//! is on shift at an instant.

mod calendar;
mod clock;
mod policy;
mod report;

pub(crate) use calendar::Place;
pub use calendar::{
    BusinessCalendar, CalendarBuilder, HolidayMode, Shift, WallTime, WeeklySchedule, DEFAULT_YEARS,
};
pub use clock::{evaluate, ClockStatus, ConversationSla, MetricClock};
pub use policy::{
    Condition, Hours, Metric, Policy, PolicySet, Priority, Target, TargetRule, TicketContext,
};
pub use report::{Attainment, SlaReport, TimeStats};
