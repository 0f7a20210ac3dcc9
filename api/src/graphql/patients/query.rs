//! Patient queries: lookups, search, duplicates, card verification, households.

#[allow(unused_imports)]
use super::*;

/// Does a `households` connection query ask for members?
pub(super) fn members_requested(ctx: &Context<'_>) -> bool {
    let look = ctx.look_ahead();
    look.field("edges").field("node").field("members").exists()
        || look.field("nodes").field("members").exists()
}

#[derive(Default)]
pub struct PatientQuery;

#[Object]
impl PatientQuery {
    /// The patient behind a card number (typed or scanned); merged records resolve to
    /// the survivor. Audited.
    async fn patient_by_health_id(
        &self,
        ctx: &Context<'_>,
        health_id: String,
        purpose: Option<String>,
    ) -> ApiResult<Patient> {
        let c = caller(ctx)?;
        let p = usecase::by_health_id(&c, &health_id, purpose.as_deref()).await?;
        Patient::new(ctx, p)
    }

    /// How many patients were registered on `day` (India time); surveyors count
    /// their own registrations.
    async fn patients_registered(&self, ctx: &Context<'_>, day: NaiveDate) -> ApiResult<i32> {
        let c = caller(ctx)?;
        let n = usecase::registered_on(&c, day).await?;
        Ok(i32::try_from(n).unwrap_or(i32::MAX))
    }

    /// One patient record by its id. Audited.
    async fn patient(
        &self,
        ctx: &Context<'_>,
        id: ID,
        purpose: Option<String>,
    ) -> ApiResult<Patient> {
        let c = caller(ctx)?;
        let p = usecase::by_id(&c, parse_id("id", &id)?, purpose.as_deref()).await?;
        Patient::new(ctx, p)
    }

    /// Find patients by phone, or by name (spelling variants match) within an age band.
    /// At most 50 results. Audited.
    async fn search_patients(
        &self,
        ctx: &Context<'_>,
        input: PatientSearchInput,
    ) -> ApiResult<Vec<Patient>> {
        let c = caller(ctx)?;
        let query = match (&input.phone, &input.name) {
            (Some(p), None) => PatientSearch::Phone(
                arogya_domain::patient::identifiers::MobileNumber::parse(p, "phone")?
                    .as_str()
                    .to_owned(),
            ),
            (None, Some(n)) => {
                let age = match (input.age_from, input.age_to) {
                    (None, None) => None,
                    (from, to) => {
                        let (from, to) = (from.unwrap_or(0), to.unwrap_or(120));
                        if !(0..=120).contains(&from) || !(from..=120).contains(&to) {
                            return Err(ApiError::validation(
                                "ageTo",
                                "the age band must lie within 0–120, from ≤ to",
                            ));
                        }
                        Some((from, to))
                    }
                };
                PatientSearch::Name {
                    words: n.split_whitespace().map(str::to_owned).collect(),
                    age,
                }
            }
            _ => {
                return Err(ApiError::validation(
                    "name",
                    "search by phone or by name, one of the two",
                ))
            }
        };
        usecase::search(&c, query)
            .await?
            .into_iter()
            .map(|p| Patient::new(ctx, p))
            .collect()
    }

    /// Likely duplicates of a registration, before registering.
    async fn patient_duplicates(
        &self,
        ctx: &Context<'_>,
        input: PatientInput,
    ) -> ApiResult<Vec<DuplicateCandidate>> {
        let c = caller(ctx)?;
        let details = input.parse()?;
        usecase::duplicates(&c, &details)
            .await?
            .into_iter()
            .map(|d| {
                Ok(DuplicateCandidate {
                    patient: Patient::new(ctx, d.patient)?,
                    reasons: d.reasons.into_iter().map(Into::into).collect(),
                })
            })
            .collect()
    }

    /// Check a scanned card QR code: signature and whether the card is current.
    async fn verify_card(&self, ctx: &Context<'_>, payload: String) -> ApiResult<CardVerification> {
        let c = caller(ctx)?;
        let r = usecase::verify_card(&c, &payload).await?;
        Ok(CardVerification {
            signature_valid: r.signature_valid,
            current: r.current,
            status: r.status.map(Into::into),
            claims: r.claims.map(|c| CardClaimsView {
                health_id: c.hid,
                tenant_code: c.tnt,
                name: c.name,
                year_of_birth: c.yob,
            }),
            message: r.message,
        })
    }

    /// Households, newest first (a surveyor sees their own).
    async fn households(
        &self,
        ctx: &Context<'_>,
        first: Option<i32>,
        after: Option<String>,
    ) -> ApiResult<Connection<String, Household>> {
        let c = caller(ctx)?;
        let had_cursor = after.is_some();
        let page = page_request(first, after)?;
        let own = c.access.only_own_enrollments.then_some(c.access.user.0);
        let tx = c.state.db.tenant_tx(c.access.tenant, Access::Read).await?;
        let rows = households::list(&tx, own, page).await?;
        tx.commit().await?;
        if members_requested(ctx) {
            let ids: Vec<_> = rows.items.iter().map(|h| h.id).collect();
            usecase::record_member_views(&c, &ids).await?;
        }
        Ok(connection(rows, had_cursor, |h| h.id, Household))
    }

    async fn household(&self, ctx: &Context<'_>, id: ID) -> ApiResult<Household> {
        let c = caller(ctx)?;
        let tx = c.state.db.tenant_tx(c.access.tenant, Access::Read).await?;
        let h = usecase::household(&c, &tx, parse_id("id", &id)?).await?;
        tx.commit().await?;
        if ctx.look_ahead().field("members").exists() {
            usecase::record_member_views(&c, &[h.id]).await?;
        }
        Ok(Household(h))
    }

    /// Survey progress of a unit and each unit under it (the whole tenant and its
    /// districts when `unitId` is left out).
    async fn survey_progress(
        &self,
        ctx: &Context<'_>,
        unit_id: Option<ID>,
    ) -> ApiResult<Vec<SurveyProgressRow>> {
        let c = caller(ctx)?;
        let root = unit_id
            .as_ref()
            .map(|u| parse_id("unitId", u).map(UnitId))
            .transpose()?;
        Ok(usecase::survey_progress(&c, root)
            .await?
            .into_iter()
            .map(|r| SurveyProgressRow {
                unit: r.unit.map(AdminUnit),
                households: r.households,
                people_enrolled: r.enrolled,
                cards_issued: r.cards_issued,
                cards_printed: r.cards_printed,
                cards_delivered: r.cards_delivered,
            })
            .collect())
    }
}
