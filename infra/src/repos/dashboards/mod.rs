//! What the dashboards read and keep: the EMR roll-out's history and deadline, the
//! hospital scorecards and the award rounds frozen from them.

pub mod awards;
pub mod emr_changes;
pub mod emr_deadlines;
pub mod report_recipients;
pub mod scorecards;
