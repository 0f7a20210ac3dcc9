//! Changing the registry: entries, verification, postings, account links.

use super::*;

#[derive(Default)]
pub struct ProfessionalMutation;

/// What every registry edit needs: the caller, tenant and write reach.
fn editor<'a>(
    ctx: &'a Context<'_>,
    tenant_id: Option<&ID>,
) -> ApiResult<(
    &'a crate::state::AppState,
    &'a crate::graphql::context::RequestCtx,
    TenantId,
    arogya_domain::access::UnitReach,
)> {
    let (app, req) = (ctx.app()?, ctx.request()?);
    let tenant = registry_tenant(ctx, tenant_id)?;
    let reach = req.principal()?.registry_write_reach()?;
    Ok((app, req, tenant, reach))
}

#[Object]
impl ProfessionalMutation {
    /// A new entry, `PENDING` verification.
    async fn create_professional(
        &self,
        ctx: &Context<'_>,
        input: CreateProfessionalInput,
    ) -> ApiResult<Professional> {
        let (app, req, tenant, reach) = editor(ctx, input.tenant_id.as_ref())?;
        let details = input.professional.parse()?;
        let posting = match &input.posting {
            Some(p) => {
                let (facility, attachment) = p.parse()?;
                Some(FirstPosting {
                    facility,
                    attachment,
                })
            }
            None => None,
        };
        let actor = Actor::from(req.principal()?);
        Ok(Professional(
            usecase::create(app, actor, &req.meta(), tenant, &reach, details, posting).await?,
        ))
    }

    /// Replace the details; the entry goes back to `PENDING` verification.
    async fn update_professional(
        &self,
        ctx: &Context<'_>,
        input: UpdateProfessionalInput,
    ) -> ApiResult<Professional> {
        let (app, req, tenant, reach) = editor(ctx, input.tenant_id.as_ref())?;
        let id = parse_id("id", &input.id)?;
        let details = input.professional.parse()?;
        let actor = Actor::from(req.principal()?);
        let p = usecase::update(
            app,
            actor,
            &req.meta(),
            tenant,
            &reach,
            id,
            input.expected_version,
            details,
        )
        .await?;
        Ok(Professional(p))
    }

    /// `PENDING` → `VERIFIED`.
    /// `PENDING` → `VERIFIED`; `note` (what was checked, 5 to 500 characters) goes to
    /// the audit trail.
    async fn verify_professional(
        &self,
        ctx: &Context<'_>,
        id: ID,
        expected_version: i32,
        tenant_id: Option<ID>,
        note: Option<String>,
    ) -> ApiResult<Professional> {
        let note = note
            .map(|n| arogya_domain::audit::reason(&n))
            .transpose()
            .map_err(|_| {
                ApiError::validation("note", "give what was checked in 5 to 500 characters")
            })?;
        set_status(
            ctx,
            id,
            expected_version,
            tenant_id,
            domain::VerificationStatus::Verified,
            note,
        )
        .await
    }

    /// `PENDING` → `REJECTED`, saying why.
    async fn reject_professional(
        &self,
        ctx: &Context<'_>,
        id: ID,
        expected_version: i32,
        reason: String,
        tenant_id: Option<ID>,
    ) -> ApiResult<Professional> {
        let reason = domain::rejection_reason(&reason)?;
        set_status(
            ctx,
            id,
            expected_version,
            tenant_id,
            domain::VerificationStatus::Rejected,
            Some(reason),
        )
        .await
    }

    /// `REJECTED` → `PENDING`, after the entry has been put right.
    async fn resubmit_professional(
        &self,
        ctx: &Context<'_>,
        id: ID,
        expected_version: i32,
        tenant_id: Option<ID>,
    ) -> ApiResult<Professional> {
        set_status(
            ctx,
            id,
            expected_version,
            tenant_id,
            domain::VerificationStatus::Pending,
            None,
        )
        .await
    }

    /// Post a professional at a facility (they may work at several).
    async fn add_posting(
        &self,
        ctx: &Context<'_>,
        professional_id: ID,
        posting: PostingInput,
        tenant_id: Option<ID>,
    ) -> ApiResult<Posting> {
        let (app, req, tenant, reach) = editor(ctx, tenant_id.as_ref())?;
        let professional = parse_id("professionalId", &professional_id)?;
        let (facility, attachment) = posting.parse()?;
        let actor = Actor::from(req.principal()?);
        let a = usecase::attach(
            app,
            actor,
            &req.meta(),
            tenant,
            &reach,
            professional,
            facility,
            attachment,
        )
        .await?;
        Ok(Posting(a))
    }

    /// Set the last day of a posting.
    async fn end_posting(
        &self,
        ctx: &Context<'_>,
        posting_id: ID,
        to: NaiveDate,
        tenant_id: Option<ID>,
    ) -> ApiResult<Posting> {
        let (app, req, tenant, reach) = editor(ctx, tenant_id.as_ref())?;
        let id = parse_id("postingId", &posting_id)?;
        let actor = Actor::from(req.principal()?);
        Ok(Posting(
            usecase::end_attachment(app, actor, &req.meta(), tenant, &reach, id, to).await?,
        ))
    }

    /// Link the entry to a user account (null unlinks), so that a doctor's login knows
    /// which professional they are.
    async fn link_professional_user(
        &self,
        ctx: &Context<'_>,
        id: ID,
        expected_version: i32,
        user_id: Option<ID>,
        tenant_id: Option<ID>,
    ) -> ApiResult<Professional> {
        let (app, req, tenant, reach) = editor(ctx, tenant_id.as_ref())?;
        let id = parse_id("id", &id)?;
        let user = user_id
            .as_ref()
            .map(|u| parse_id("userId", u).map(UserId))
            .transpose()?;
        let actor = Actor::from(req.principal()?);
        let p = usecase::link_user(
            app,
            actor,
            &req.meta(),
            tenant,
            &reach,
            id,
            expected_version,
            user,
        )
        .await?;
        Ok(Professional(p))
    }
}

async fn set_status(
    ctx: &Context<'_>,
    id: ID,
    expected_version: i32,
    tenant_id: Option<ID>,
    to: domain::VerificationStatus,
    reason: Option<String>,
) -> ApiResult<Professional> {
    let (app, req, tenant, reach) = editor(ctx, tenant_id.as_ref())?;
    let id = parse_id("id", &id)?;
    let actor = Actor::from(req.principal()?);
    let p = usecase::change_status(
        app,
        actor,
        &req.meta(),
        tenant,
        &reach,
        id,
        expected_version,
        to,
        reason,
    )
    .await?;
    Ok(Professional(p))
}
