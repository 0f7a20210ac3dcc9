//! What the dashboards read and keep: the EMR roll-out's history and deadline.

pub mod emr_changes;
pub mod emr_deadlines;
