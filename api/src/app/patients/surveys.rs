//! Household surveys: households, enrolment of members, survey progress.

#[allow(unused_imports)]
use super::*;

/// A newly registered household member: head of the household when asked (or when
/// it has none yet), and a card.
pub(crate) async fn enrol_in(
    caller: &Caller<'_>,
    tx: &mut TenantTx,
    household: &HouseholdRecord,
    member: &PatientRecord,
    head: bool,
) -> ApiResult<CardRecord> {
    if head || household.head_patient_id.is_none() {
        households::set_head(tx, household.id, member.id).await?;
    }
    issue_card_in(caller, tx, member, None).await
}

/// Record that the caller viewed the members of these households.
pub async fn record_member_views(caller: &Caller<'_>, households: &[Uuid]) -> ApiResult<()> {
    if households.is_empty() {
        return Ok(());
    }
    let mut tx = caller.write().await?;
    caller
        .record(
            &mut tx,
            AuditAction::PatientRead,
            "household",
            None,
            serde_json::json!({ "via": "household_members", "households": households }),
        )
        .await?;
    tx.commit().await?;
    Ok(())
}

/// A new household (surveyors and administrators).
pub async fn create_household(
    caller: &Caller<'_>,
    details: &HouseholdDetails,
    id: Option<OfflineId>,
) -> ApiResult<HouseholdRecord> {
    caller.access.require_register()?;
    let mut tx = caller.write().await?;
    let h = create_household_in(caller, &mut tx, details, id).await?;
    tx.commit().await?;
    Ok(h)
}

pub(crate) async fn create_household_in(
    caller: &Caller<'_>,
    tx: &mut TenantTx,
    details: &HouseholdDetails,
    id: Option<OfflineId>,
) -> ApiResult<HouseholdRecord> {
    let path = unit_path(tx, details.unit, "unitId").await?;
    let id = id.map_or_else(Uuid::now_v7, OfflineId::uuid);
    let h = households::insert(tx, id, details, &path, caller.access.user.0).await?;
    caller
        .record(
            tx,
            AuditAction::HouseholdCreate,
            "household",
            Some(h.id),
            serde_json::json!({ "unit": details.unit.0 }),
        )
        .await?;
    Ok(h)
}

/// The household, if the caller may see it (a surveyor: only their own).
pub async fn household(caller: &Caller<'_>, tx: &TenantTx, id: Uuid) -> ApiResult<HouseholdRecord> {
    households::find(tx, id)
        .await?
        .filter(|h| !caller.access.only_own_enrollments || h.enrolled_by == caller.access.user.0)
        .ok_or_else(|| {
            DomainError::NotFound {
                entity: "household",
            }
            .into()
        })
}

/// Enrol a member: registered (with duplicate detection) and, when new, given a card.
pub async fn enroll_member(
    caller: &Caller<'_>,
    household_id: Uuid,
    details: &PatientDetails,
    head: bool,
    confirm_not_duplicate: bool,
) -> ApiResult<(Registration, Option<CardRecord>)> {
    caller.access.require_register()?;
    let code = caller.tenant_code().await?;
    let mut tx = caller.write().await?;
    let h = household(caller, &tx, household_id).await?;
    let r = register_in(
        caller,
        &mut tx,
        &code,
        details,
        confirm_not_duplicate,
        Some(&h),
    )
    .await?;
    let card = match &r.patient {
        Some(p) => {
            let card = enrol_in(caller, &mut tx, &h, p, head).await?;
            Some(card)
        }
        None => None,
    };
    tx.commit().await?;
    Ok((r, card))
}

/// Survey figures for one unit of the tree (a district or block).
#[derive(Debug, Clone, Default)]
pub struct SurveyProgress {
    pub unit: Option<units::UnitRecord>,
    pub households: i64,
    pub enrolled: i64,
    pub cards_issued: i64,
    pub cards_printed: i64,
    pub cards_delivered: i64,
}

/// Progress for `root` itself and for each of its children (districts under the
/// state, blocks under a district), in one pass over grouped counts.
pub async fn survey_progress(
    caller: &Caller<'_>,
    root: Option<UnitId>,
) -> ApiResult<Vec<SurveyProgress>> {
    if caller.access.only_own_enrollments {
        return Err(ApiError::Forbidden(
            "survey progress is for supervisors and administrators".into(),
        ));
    }
    let tx = caller
        .state
        .db
        .tenant_tx(caller.tenant(), Access::Read)
        .await?;
    let root_unit = match root {
        Some(id) => Some(
            units::find(&tx, id)
                .await?
                .ok_or(DomainError::NotFound { entity: "unit" })?,
        ),
        None => None,
    };
    let prefix = root_unit.as_ref().map(|u| u.path.clone());
    let children = units::children(&tx, root).await?;
    let households = households::counts_by_unit_path(&tx, prefix.as_deref()).await?;
    let enrolled = repo::enrolled_by_unit_path(&tx, prefix.as_deref()).await?;
    let cards = cards::counts_by_unit_path(&tx, prefix.as_deref()).await?;
    tx.commit().await?;
    let mut rows: Vec<SurveyProgress> = std::iter::once(root_unit.clone())
        .chain(children.into_iter().map(Some))
        .map(|unit| SurveyProgress {
            unit,
            ..Default::default()
        })
        .collect();
    let within = |row: &SurveyProgress, path: &str| match &row.unit {
        Some(u) => path.starts_with(&u.path),
        None => true,
    };
    for row in rows.iter_mut() {
        row.households = households
            .iter()
            .filter(|(p, _)| within(row, p))
            .map(|(_, n)| n)
            .sum();
        row.enrolled = enrolled
            .iter()
            .filter(|(p, _)| p.as_deref().is_some_and(|p| within(row, p)))
            .map(|(_, n)| n)
            .sum();
        for (path, delivery, n) in &cards {
            if !path.as_deref().is_some_and(|p| within(row, p)) {
                continue;
            }
            row.cards_issued += n;
            match DeliveryStatus::parse(delivery)? {
                DeliveryStatus::Printed => row.cards_printed += n,
                DeliveryStatus::Delivered => {
                    row.cards_printed += n;
                    row.cards_delivered += n
                }
                DeliveryStatus::Pending => {}
            }
        }
    }
    Ok(rows)
}
