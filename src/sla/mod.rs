//! Service levels: when each promise to a customer falls due, whether it was
//! kept, and how the desk did overall.
//!
//! Everything here is pure: the caller passes events and "now".

mod calendar;

pub use calendar::{
    BusinessCalendar, CalendarBuilder, HolidayMode, Shift, WallTime, WeeklySchedule, DEFAULT_YEARS,
};
