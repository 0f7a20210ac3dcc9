//! Telling applicants and reviewers what happened, by SMS and e-mail, in the same
//! transaction as the change.

use crate::app::documents::in_reach;
use crate::error::ApiResult;
use arogya_domain::access::Principal;
use arogya_domain::ids::UserId;
use arogya_domain::patient::identifiers::MobileNumber;
use arogya_domain::role::{Role, RoleGrant};
use arogya_infra::repos::applications::ApplicationRecord;
use arogya_infra::repos::outbox::{self, Channel};
use arogya_infra::repos::{roles, users};
use arogya_infra::TenantTx;
use std::collections::HashMap;
use uuid::Uuid;

/// Tell the applicant of `app` by SMS and e-mail (in the same transaction).
pub(super) async fn notify_applicant(
    tx: &TenantTx,
    app: &ApplicationRecord,
    subject: &str,
    text: &str,
) -> ApiResult<()> {
    let Some(user) = users::find(tx, UserId(app.applicant_user_id)).await? else {
        return Ok(());
    };
    if let Ok(phone) = MobileNumber::parse(&user.username, "phone") {
        outbox::enqueue(tx, Channel::Sms, phone.as_str(), subject, text).await?;
    }
    if let Some(email) = &user.email {
        outbox::enqueue(tx, Channel::Email, email, subject, text).await?;
    }
    Ok(())
}

/// Tell the reviewers of `app` (state administrators, and district administrators whose
/// district it lies in) by e-mail that it awaits review (in the same transaction).
pub(super) async fn notify_reviewers(
    tx: &TenantTx,
    app: &ApplicationRecord,
    subject: &str,
    text: &str,
) -> ApiResult<()> {
    let mut grants: HashMap<Uuid, Vec<RoleGrant>> = HashMap::new();
    for (user, grant) in roles::holders(tx, &[Role::StateAdmin, Role::DistrictAdmin]).await? {
        grants.entry(user).or_default().push(grant);
    }
    let reviewers: Vec<Uuid> = grants
        .into_iter()
        .filter(|(user, grants)| {
            let reviewer = Principal::Staff {
                id: UserId(*user),
                tenant: tx.tenant(),
                grants: grants.clone(),
            };
            reviewer
                .application_review_reach()
                .is_ok_and(|reach| in_reach(&reach, app))
        })
        .map(|(user, _)| user)
        .collect();
    for user in users::find_many(tx, &reviewers).await? {
        if let (users::STATUS_ACTIVE, Some(email)) = (user.status.as_str(), &user.email) {
            outbox::enqueue(tx, Channel::Email, email, subject, text).await?;
        }
    }
    Ok(())
}
