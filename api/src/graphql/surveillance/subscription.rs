//! Live surveillance for the officers' screens: alerts raised and verified, and
//! investigations opened and changed, in the subscriber's reach.

use super::id;
use super::investigation::SurveillanceChange;
use crate::error::ApiError;
use crate::graphql::context::ContextExt;
use arogya_domain::surveillance::access::Reach;
use arogya_domain::unit::UnitPath;
use async_graphql::{Context, Subscription};
use chrono::Utc;

#[derive(Default)]
pub struct SurveillanceSubscription;

#[Subscription]
impl SurveillanceSubscription {
    /// A change to refresh on, from every server instance. The stream ends when the
    /// access token used to subscribe expires.
    async fn surveillance_changed(
        &self,
        ctx: &Context<'_>,
    ) -> async_graphql::Result<impl futures_util::Stream<Item = SurveillanceChange>> {
        let principal = ctx.principal()?;
        let reach = Reach::of(principal);
        if reach.is_empty() {
            return Err(ApiError::Forbidden("surveillance is not in your reach".into()).into());
        }
        let tenant = principal.tenant().ok_or(ApiError::Internal)?;
        let state = ctx.shared_app()?;
        let seconds_left = ctx.request()?.expires_at().unwrap_or(0) - Utc::now().timestamp();
        let deadline = tokio::time::Instant::now()
            + std::time::Duration::from_secs(seconds_left.max(0) as u64);
        let feed = state.surveillance.subscribe();
        Ok(futures_util::stream::unfold(feed, move |mut feed| {
            let reach = reach.clone();
            async move {
                use tokio::sync::broadcast::error::RecvError;
                loop {
                    match tokio::time::timeout_at(deadline, feed.recv()).await.ok()? {
                        Ok(e)
                            if e.tenant == tenant.0
                                && reach.sees(&UnitPath::from_stored(e.unit_path.clone())) =>
                        {
                            let change = SurveillanceChange {
                                kind: e.kind,
                                id: id(e.id),
                                action: e.action,
                                at: e.at,
                            };
                            return Some((change, feed));
                        }
                        Ok(_) | Err(RecvError::Lagged(_)) => continue,
                        Err(RecvError::Closed) => return None,
                    }
                }
            }
        }))
    }
}
