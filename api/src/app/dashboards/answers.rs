//! Dashboards' answers kept a few seconds (`indicator_cache_secs`, 15 by default; 0
//! keeps none): a state's or a district's figures and a specialty's ranking are read by
//! many officials at once and worked out from thousands of roll-up rows, while the
//! counts under them move with every visit. Each question is worked out once at a time
//! (the others wait for its answer), and the answer says when it was worked out
//! (`asOf`), so a screen shows how old its figures are. Questions are told apart by the
//! caller's reach, so an answer is only ever served to those who may see it; a
//! scorecard saved forgets the tenant's rankings.

use crate::app::answer_cache::AnswerCache;
use crate::error::ApiResult;
use arogya_domain::ids::TenantId;
use std::collections::HashSet;
use std::future::Future;
use std::sync::Arc;
use std::time::{Duration, Instant};

pub type IndicatorAnswers = AnswerCache<super::indicators::Report>;
pub type RankingAnswers = AnswerCache<super::scorecards::Ranking>;

/// The kept answer to `question`, or `work` worked out (once at a time) and kept.
pub async fn answer<T, F>(
    cache: &AnswerCache<T>,
    ttl: Duration,
    tenant: TenantId,
    question: String,
    work: F,
) -> ApiResult<Arc<T>>
where
    F: Future<Output = ApiResult<T>>,
{
    if ttl.is_zero() {
        return Ok(Arc::new(work.await?));
    }
    if let Some(a) = cache.get_within(tenant, &question, ttl) {
        return Ok(a);
    }
    // Wait for whoever is working this question out before taking a connection.
    let _flight = cache.flight(tenant, &question).await;
    if let Some(a) = cache.get_within(tenant, &question, ttl) {
        return Ok(a);
    }
    let began = Instant::now();
    let a = Arc::new(work.await?);
    cache.keep(tenant, question, Arc::clone(&a), HashSet::new(), began);
    Ok(a)
}
