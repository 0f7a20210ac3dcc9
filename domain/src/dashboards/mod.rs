//! The numbers a health department runs on: today, how far the roll-out of electronic
//! medical records has come and which facilities are at risk of missing its deadline.

pub mod emr_rollout;
pub mod indicators;
pub mod measures;
