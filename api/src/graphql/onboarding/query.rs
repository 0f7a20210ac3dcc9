//! Reading applications: the applicant's own, or the department's review queue.

use super::super::context::ContextExt;
use super::super::pagination::{connection, page_request};
use super::super::types::parse_id;
use super::objects::{ApplicationCount, ApplicationStatus, EmailVerification, HospitalApplication};
use super::onboarding;
use crate::error::ApiResult;
use arogya_domain::onboarding as domain;
use arogya_infra::repos::applications::Filter;
use async_graphql::connection::Connection;
use async_graphql::{Context, Object, ID};

#[derive(Default)]
pub struct OnboardingQuery;

#[Object]
impl OnboardingQuery {
    /// Whether the caller's e-mail address is proved (an applicant must prove it
    /// before submitting an application).
    async fn my_email_verification(&self, ctx: &Context<'_>) -> ApiResult<EmailVerification> {
        let req = ctx.request()?;
        Ok(
            crate::app::onboarding::email::status(ctx.app()?, req.principal()?)
                .await?
                .into(),
        )
    }

    /// One application: the applicant's own, or (once submitted) one in a reviewer's reach.
    async fn hospital_application(
        &self,
        ctx: &Context<'_>,
        id: ID,
    ) -> ApiResult<HospitalApplication> {
        let id = parse_id("id", &id)?;
        Ok(HospitalApplication(onboarding(ctx)?.get(id).await?))
    }

    /// Applications, newest first. Reviewers see the submitted ones in their reach
    /// (drafts stay private to the applicant); applicants see their own.
    async fn hospital_applications(
        &self,
        ctx: &Context<'_>,
        statuses: Option<Vec<ApplicationStatus>>,
        district_id: Option<ID>,
        first: Option<i32>,
        after: Option<String>,
    ) -> ApiResult<Connection<String, HospitalApplication>> {
        let had_cursor = after.is_some();
        let page = page_request(first, after)?;
        let filter = Filter {
            statuses: statuses
                .unwrap_or_default()
                .into_iter()
                .map(domain::ApplicationStatus::from)
                .collect(),
            district: district_id
                .as_ref()
                .map(|d| parse_id("districtId", d))
                .transpose()?,
            ..Filter::default()
        };
        let page = onboarding(ctx)?.list(filter, page).await?;
        Ok(connection(page, had_cursor, |a| a.id, HospitalApplication))
    }

    /// How many applications there are per status and district (reviewers).
    async fn hospital_application_counts(
        &self,
        ctx: &Context<'_>,
        district_id: Option<ID>,
    ) -> ApiResult<Vec<ApplicationCount>> {
        let filter = Filter {
            district: district_id
                .as_ref()
                .map(|d| parse_id("districtId", d))
                .transpose()?,
            ..Filter::default()
        };
        let rows = onboarding(ctx)?.counts(filter).await?;
        Ok(rows
            .into_iter()
            .filter_map(|r| {
                Some(ApplicationCount {
                    status: domain::ApplicationStatus::parse(&r.status).ok()?.into(),
                    district_id: r.district_id.map(|d| ID(d.to_string())),
                    count: r.count as i32,
                })
            })
            .collect())
    }
}
