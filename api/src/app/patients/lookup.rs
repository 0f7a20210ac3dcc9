//! Finding patients: by health ID (the hospitals' main flow), by id, by phone or name.

#[allow(unused_imports)]
use super::*;

/// The hospitals' main flow: the patient behind a card number, following merges.
pub async fn by_health_id(
    caller: &Caller<'_>,
    raw: &str,
    purpose: Option<&str>,
) -> ApiResult<PatientRecord> {
    let id = HealthId::parse(raw)?;
    let code = caller.tenant_code().await?;
    if !id.issued_by(&code) {
        return Err(ApiError::NotFound(format!(
            "no such patient here: this health ID was issued by tenant {}",
            id.tenant_code()
        )));
    }
    let detail =
        serde_json::json!({ "via": "health_id", "asked": id.to_string(), "purpose": purpose });
    // The fast path (PostgreSQL): one round trip reads and audits. Surveyors take the
    // general path, which checks visibility before anything is recorded.
    if !caller.access.only_own_enrollments {
        let fast = repo::read_by_health_id_audited(
            &caller.state.db,
            caller.tenant(),
            &id,
            &caller.meta,
            caller.actor,
            detail.clone(),
        )
        .await?;
        match fast {
            Some(None) => return Err(patient_not_found()),
            Some(Some(p)) if p.merged_into.is_none() => return Ok(p),
            // SQLite, or a merged record: resolve and audit in a transaction.
            _ => {}
        }
    }
    let mut tx = caller.write().await?;
    let found = match repo::find_by_health_id(&tx, &id).await? {
        Some(p) => Some(repo::resolve(&tx, p).await?),
        None => None,
    };
    let found = found
        .filter(|p| caller.may_see(p))
        .ok_or_else(patient_not_found)?;
    record_reads(caller, &mut tx, AuditAction::PatientRead, &[&found], detail).await?;
    tx.commit().await?;
    Ok(found)
}

pub async fn by_id(
    caller: &Caller<'_>,
    id: Uuid,
    purpose: Option<&str>,
) -> ApiResult<PatientRecord> {
    Ok(by_id_with_merged(caller, id, purpose).await?.0)
}

/// A patient by id, with the records merged into it (for FHIR's `replaces` links).
pub async fn by_id_with_merged(
    caller: &Caller<'_>,
    id: Uuid,
    purpose: Option<&str>,
) -> ApiResult<(PatientRecord, Vec<PatientRecord>)> {
    let mut tx = caller.write().await?;
    let found = repo::find(&tx, id)
        .await?
        .filter(|p| caller.may_see(p))
        .ok_or_else(patient_not_found)?;
    record_reads(
        caller,
        &mut tx,
        AuditAction::PatientRead,
        &[&found],
        serde_json::json!({ "via": "id", "purpose": purpose }),
    )
    .await?;
    let merged = repo::merged_into(&tx, found.id).await?;
    tx.commit().await?;
    Ok((found, merged))
}

/// What a search asks for.
pub enum PatientSearch {
    Phone(String),
    /// Words of the name, optionally with an age band in years.
    Name {
        words: Vec<String>,
        age: Option<(i32, i32)>,
    },
}

pub const MAX_SEARCH_RESULTS: u64 = 50;

pub async fn search(caller: &Caller<'_>, query: PatientSearch) -> ApiResult<Vec<PatientRecord>> {
    let mut tx = caller.write().await?;
    let own = caller.registered_by_filter();
    let (rows, how) = match &query {
        PatientSearch::Phone(p) => (
            repo::by_phone(&tx, p, own, MAX_SEARCH_RESULTS).await?,
            serde_json::json!({ "via": "phone" }),
        ),
        PatientSearch::Name { words, age } => {
            let keys: Vec<String> = words
                .iter()
                .map(|w| arogya_domain::patient::name_key::word_key(w))
                .filter(|k| !k.is_empty())
                .collect();
            let Some(first) = keys.first() else {
                return Err(ApiError::validation(
                    "name",
                    "type at least one word of the name, in Latin, Devanagari or Bengali letters",
                ));
            };
            let second = (keys.len() > 1).then(|| keys[1..].concat());
            let years = age.map(|(from, to)| {
                let y = chrono::Datelike::year(&today());
                (y - to - 1, y - from)
            });
            (
                repo::by_name(
                    &tx,
                    first,
                    second.as_deref(),
                    years,
                    own,
                    MAX_SEARCH_RESULTS,
                )
                .await?,
                serde_json::json!({ "via": "name", "age": age.map(|(a, b)| [a, b]) }),
            )
        }
    };
    if !rows.is_empty() {
        let refs: Vec<&PatientRecord> = rows.iter().collect();
        record_reads(caller, &mut tx, AuditAction::PatientSearch, &refs, how).await?;
    }
    tx.commit().await?;
    Ok(rows)
}

/// How many patients were registered on `day` (India time) and are not merged away;
/// a surveyor counts only their own. A count, not a read of anyone's details, so it is
/// not written to the audit trail.
pub async fn registered_on(caller: &Caller<'_>, day: chrono::NaiveDate) -> ApiResult<u64> {
    use arogya_domain::appointment::ist_midnight;
    let next = day
        .succ_opt()
        .ok_or_else(|| ApiError::validation("day", "is out of range"))?;
    let tx = caller
        .state
        .db
        .tenant_tx(caller.tenant(), Access::Read)
        .await?;
    let n = repo::count_registered_between(
        &tx,
        ist_midnight(day),
        ist_midnight(next),
        caller.registered_by_filter(),
    )
    .await?;
    tx.commit().await?;
    Ok(n)
}
