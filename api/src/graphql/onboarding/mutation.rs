//! Signing up (public), filling and submitting the application (the applicant), and
//! reviewing it (state and district administrators).

use super::super::context::ContextExt;
use super::super::session::AuthPayload;
use super::super::types::parse_id;
use super::inputs::*;
use super::objects::{EmailVerification, HospitalApplication, SignupCode};
use super::onboarding;
use crate::app::onboarding as usecase;
use crate::error::{ApiError, ApiResult};
use arogya_domain::onboarding::{review_text, OtpCode, ReviewComment};
use arogya_domain::patient::identifiers::MobileNumber;
use arogya_domain::user::{DisplayName, Email, NewPassword};
use async_graphql::{Context, Object, ID};

#[derive(Default)]
pub struct OnboardingMutation;

fn optional_text(raw: Option<String>, field: &str) -> ApiResult<Option<String>> {
    match raw.as_deref().map(str::trim).filter(|s| !s.is_empty()) {
        Some(t) => Ok(Some(review_text(t, field)?)),
        None => Ok(None),
    }
}

#[Object]
impl OnboardingMutation {
    /// A hospital's representative starts signing up (no account needed): a six-digit
    /// code goes to the phone. Codes expire, and only a few are sent per phone per
    /// quarter hour (`RATE_LIMITED` says when to try again).
    async fn start_hospital_signup(
        &self,
        ctx: &Context<'_>,
        input: StartHospitalSignupInput,
    ) -> ApiResult<SignupCode> {
        let name = DisplayName::parse(&input.name).map_err(|_| {
            ApiError::validation(
                "name",
                "give the representative's name (1 to 100 characters)",
            )
        })?;
        let phone = MobileNumber::parse(&input.phone, "phone")?;
        let email = Email::parse(&input.email)?;
        let req = ctx.request()?;
        Ok(usecase::start_signup(
            ctx.app()?,
            &req.meta(),
            &input.tenant_code,
            name,
            phone,
            email,
        )
        .await?
        .into())
    }

    /// Send another code (the previous one stops working).
    async fn resend_signup_code(
        &self,
        ctx: &Context<'_>,
        tenant_code: String,
        signup_id: ID,
    ) -> ApiResult<SignupCode> {
        let id = parse_id("signupId", &signup_id)?;
        let req = ctx.request()?;
        Ok(
            usecase::resend_code(ctx.app()?, &req.meta(), &tenant_code, id)
                .await?
                .into(),
        )
    }

    /// The code from the phone and a password: makes the applicant account (signed in
    /// from now on with the mobile number or e-mail address) and signs it in.
    async fn verify_hospital_signup(
        &self,
        ctx: &Context<'_>,
        input: VerifyHospitalSignupInput,
    ) -> ApiResult<AuthPayload> {
        let id = parse_id("signupId", &input.signup_id)?;
        let code = OtpCode::parse(&input.code)?;
        let password = NewPassword::parse(&input.password, "password", None)?;
        let req = ctx.request()?;
        let session = usecase::verify_signup(
            ctx.app()?,
            &req.meta(),
            &input.tenant_code,
            id,
            code,
            password,
        )
        .await?;
        Ok(session.into())
    }

    /// Send a code to prove an e-mail address (the one given, or the account's). An
    /// application is submitted only once its applicant's address is proved.
    async fn send_email_code(
        &self,
        ctx: &Context<'_>,
        email: Option<String>,
    ) -> ApiResult<EmailVerification> {
        let email = email
            .as_deref()
            .map(str::trim)
            .filter(|e| !e.is_empty())
            .map(Email::parse)
            .transpose()?;
        let req = ctx.request()?;
        Ok(
            usecase::email::request_code(ctx.app()?, &req.meta(), req.principal()?, email)
                .await?
                .into(),
        )
    }

    /// The code from the e-mail: the address is proved and becomes the account's.
    async fn verify_email(&self, ctx: &Context<'_>, code: String) -> ApiResult<EmailVerification> {
        let code = OtpCode::parse(&code)?;
        let req = ctx.request()?;
        Ok(
            usecase::email::verify(ctx.app()?, &req.meta(), req.principal()?, code)
                .await?
                .into(),
        )
    }

    /// Start an application (a draft, saved step by step).
    async fn create_hospital_application(
        &self,
        ctx: &Context<'_>,
    ) -> ApiResult<HospitalApplication> {
        Ok(HospitalApplication(onboarding(ctx)?.create().await?))
    }

    /// Save one step of a draft (or of an application sent back for changes).
    async fn save_application_step(
        &self,
        ctx: &Context<'_>,
        input: SaveApplicationStepInput,
    ) -> ApiResult<HospitalApplication> {
        let id = parse_id("applicationId", &input.application_id)?;
        let version = input.expected_version;
        let step = input.step()?;
        Ok(HospitalApplication(
            onboarding(ctx)?.save_step(id, version, step).await?,
        ))
    }

    /// Submit for review. Refused (`VALIDATION`, naming what is missing) until every
    /// step is filled and every required document is available.
    async fn submit_hospital_application(
        &self,
        ctx: &Context<'_>,
        id: ID,
        expected_version: i32,
    ) -> ApiResult<HospitalApplication> {
        let id = parse_id("id", &id)?;
        Ok(HospitalApplication(
            onboarding(ctx)?.submit(id, expected_version).await?,
        ))
    }

    /// Send a submitted application back with comments on fields or documents.
    async fn request_application_changes(
        &self,
        ctx: &Context<'_>,
        input: RequestApplicationChangesInput,
    ) -> ApiResult<HospitalApplication> {
        let id = parse_id("applicationId", &input.application_id)?;
        let note = optional_text(input.note, "note")?;
        let comments = input
            .comments
            .iter()
            .map(|c| ReviewComment::new(&c.target, &c.text))
            .collect::<Result<Vec<_>, _>>()?;
        Ok(HospitalApplication(
            onboarding(ctx)?
                .request_changes(id, input.expected_version, note, comments)
                .await?,
        ))
    }

    /// Approve: the facility joins the registry (private, with its beds) and the
    /// applicant becomes its `facility_admin`.
    async fn approve_hospital_application(
        &self,
        ctx: &Context<'_>,
        id: ID,
        expected_version: i32,
        note: Option<String>,
    ) -> ApiResult<HospitalApplication> {
        let id = parse_id("id", &id)?;
        let note = optional_text(note, "note")?;
        Ok(HospitalApplication(
            onboarding(ctx)?.approve(id, expected_version, note).await?,
        ))
    }

    /// The applicant takes an application back (draft, submitted or sent back for
    /// changes). Its documents are deleted, kept until the retention period ends.
    async fn withdraw_hospital_application(
        &self,
        ctx: &Context<'_>,
        id: ID,
        expected_version: i32,
        reason: Option<String>,
    ) -> ApiResult<HospitalApplication> {
        let id = parse_id("id", &id)?;
        let reason = optional_text(reason, "reason")?;
        Ok(HospitalApplication(
            onboarding(ctx)?
                .withdraw(id, expected_version, reason)
                .await?,
        ))
    }

    async fn reject_hospital_application(
        &self,
        ctx: &Context<'_>,
        id: ID,
        expected_version: i32,
        reason: String,
    ) -> ApiResult<HospitalApplication> {
        let id = parse_id("id", &id)?;
        let reason = review_text(&reason, "reason")?;
        Ok(HospitalApplication(
            onboarding(ctx)?
                .reject(id, expected_version, reason)
                .await?,
        ))
    }
}
