//! Live changes to admitted patients, for the monitoring list and ward boards.

#[allow(unused_imports)]
use super::*;
use arogya_domain::inpatient::condition as dc;

/// An admission changed: refresh what shows it.
#[derive(SimpleObject)]
pub struct AdmissionChange {
    pub admission_id: ID,
    pub facility_id: ID,
    pub ward_id: ID,
    /// `admit`, `condition`, `transfer`, `reserve` (a bed held or given up) or `discharge`.
    pub action: String,
    pub category: Option<ConditionCategory>,
    pub life_support: Option<LifeSupport>,
    pub at: DateTime<Utc>,
}

#[derive(Default)]
pub struct InpatientSubscription;

#[async_graphql::Subscription]
impl InpatientSubscription {
    /// Admissions, condition changes, transfers and discharges at the facilities the
    /// caller sees (or one of them), from every server instance. The stream ends when
    /// the access token used to subscribe expires.
    async fn admissions_changed(
        &self,
        ctx: &Context<'_>,
        facility_id: Option<ID>,
    ) -> async_graphql::Result<impl futures_util::Stream<Item = AdmissionChange>> {
        let only = facility_id
            .as_ref()
            .map(|f| parse_id("facilityId", f))
            .transpose()?;
        let scope = inpatient(ctx)?.watch_scope().await?;
        if let (Some(f), Some(seen)) = (only, &scope) {
            if !seen.contains(&f) {
                return Err(ApiError::Forbidden("you do not oversee this facility".into()).into());
            }
        }
        let tenant = ctx.principal()?.tenant().ok_or(ApiError::Internal)?.0;
        let state = ctx.shared_app()?;
        let seconds_left = ctx.request()?.expires_at().unwrap_or(0) - Utc::now().timestamp();
        let deadline = tokio::time::Instant::now()
            + std::time::Duration::from_secs(seconds_left.max(0) as u64);
        let feed = state.wards.subscribe();
        Ok(futures_util::stream::unfold(feed, move |mut feed| {
            let scope = scope.clone();
            async move {
                use tokio::sync::broadcast::error::RecvError;
                loop {
                    match tokio::time::timeout_at(deadline, feed.recv()).await.ok()? {
                        Ok(e)
                            if e.tenant == tenant
                                && only.is_none_or(|f| f == e.facility)
                                && scope.as_ref().is_none_or(|s| s.contains(&e.facility)) =>
                        {
                            let change = AdmissionChange {
                                admission_id: id(e.admission),
                                facility_id: id(e.facility),
                                ward_id: id(e.ward),
                                action: e.action,
                                category: e
                                    .category
                                    .as_deref()
                                    .and_then(|c| stored(c, dc::ConditionCategory::parse)),
                                life_support: e
                                    .life_support
                                    .as_deref()
                                    .and_then(|c| stored(c, dc::LifeSupport::parse)),
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
