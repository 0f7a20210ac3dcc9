//! Disease surveillance (India's IDSP): notifiable conditions with their case
//! definitions, cases at three levels (S: syndromic, P: presumptive, L: laboratory
//! confirmed), epidemiological weeks, the weekly counts kept current as cases change,
//! and the rule that small counts are not shown outside surveillance.

pub mod access;
pub mod alerts;
pub mod case;
pub mod condition;
pub mod counts;
pub mod dhis2;
pub mod epi_week;
pub mod investigation;
pub mod privacy;
pub mod reporting;
pub mod rules;
