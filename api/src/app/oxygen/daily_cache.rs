//! Day-by-day answers (a district's or the state's chart), per tenant and question
//! (scope, range and the caller's reach), kept a minute (`app::answer_cache`): charts
//! are polled by many and change when a reading of one of their facilities is entered.
//! A reading on this instance forgets the answers covering its facility; a delivery, a
//! source or the rules forget the tenant's.

use super::daily::Day;

pub type DailyCache = crate::app::answer_cache::AnswerCache<Vec<Day>>;
