//! Live oxygen alerts for the committees' dashboards.

#[allow(unused_imports)]
use super::*;
use arogya_domain::ids::FacilityId;
use arogya_domain::oxygen::alerts as da;
use arogya_domain::unit::UnitPath;

/// An alert was raised, acknowledged or escalated: refresh the queue.
#[derive(SimpleObject)]
pub struct OxygenAlertChange {
    pub alert_id: ID,
    pub facility_id: ID,
    pub kind: Option<OxygenAlertKind>,
    pub level: Option<OxygenAlertLevel>,
    /// `raised`, `acknowledged` or `escalated`.
    pub action: String,
    pub at: DateTime<Utc>,
}

#[derive(Default)]
pub struct OxygenSubscription;

#[async_graphql::Subscription]
impl OxygenSubscription {
    /// Alerts of the facilities in reach, from every server instance. The stream ends
    /// when the access token used to subscribe expires.
    async fn oxygen_alert_changed(
        &self,
        ctx: &Context<'_>,
    ) -> async_graphql::Result<impl futures_util::Stream<Item = OxygenAlertChange>> {
        let reach = arogya_domain::oxygen::access::Reach::of(ctx.principal()?);
        if reach.is_empty() {
            return Err(ApiError::Forbidden("oxygen is not in your reach".into()).into());
        }
        let tenant = ctx.principal()?.tenant().ok_or(ApiError::Internal)?;
        let state = ctx.shared_app()?;
        // Where each facility lies, to check reach per event without a query each.
        let places: std::collections::HashMap<Uuid, String> = {
            let tx = state
                .db
                .tenant_tx(tenant, arogya_infra::db::Access::Read)
                .await
                .map_err(ApiError::from)?;
            let list = arogya_infra::repos::facilities::list_paths(&tx)
                .await
                .map_err(ApiError::from)?;
            tx.commit().await.map_err(ApiError::from)?;
            list.into_iter().collect()
        };
        let seconds_left = ctx.request()?.expires_at().unwrap_or(0) - Utc::now().timestamp();
        let deadline = tokio::time::Instant::now()
            + std::time::Duration::from_secs(seconds_left.max(0) as u64);
        let feed = state.oxygen.subscribe();
        Ok(futures_util::stream::unfold(feed, move |mut feed| {
            let reach = reach.clone();
            let places = places.clone();
            async move {
                use tokio::sync::broadcast::error::RecvError;
                loop {
                    match tokio::time::timeout_at(deadline, feed.recv()).await.ok()? {
                        Ok(e)
                            if e.tenant == tenant.0
                                && places.get(&e.facility).is_some_and(|p| {
                                    reach.sees(
                                        FacilityId(e.facility),
                                        &UnitPath::from_stored(p.clone()),
                                    )
                                }) =>
                        {
                            let change = OxygenAlertChange {
                                alert_id: id(e.alert),
                                facility_id: id(e.facility),
                                kind: da::AlertKind::parse(&e.kind).ok().map(Into::into),
                                level: da::AlertLevel::parse(&e.level).ok().map(Into::into),
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
