//! The numbers a health department runs on: today, how far the roll-out of electronic
//! medical records has come and which facilities are at risk of missing its deadline;
//! the indicators kept per place and period; hospitals' scorecards, rankings and awards.

pub mod awards;
pub mod days;
pub mod emr_rollout;
pub mod indicators;
pub mod measures;
pub mod registry_counts;
pub mod scorecard;
