//! The tenant's patient index: demographics, health IDs, e-health cards, duplicate
//! detection, merges and household surveys.

pub mod access;
pub mod card;
pub mod check_digit;
pub mod details;
pub mod health_id;
pub mod household;
pub mod identifiers;
pub mod matching;
pub mod name_key;
