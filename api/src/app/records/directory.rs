//! The people and places a record refers to, read by those who read records (FHIR
//! `Practitioner/{id}` and `Organization/{id}`): registry data, not patient data.

use super::Clinical;
use crate::error::ApiResult;
use arogya_domain::ids::FacilityId;
use arogya_domain::DomainError;
use arogya_infra::repos::facilities::{self, FacilityRecord};
use arogya_infra::repos::professionals::{self, ProfessionalRecord, RegistrationRecord};
use uuid::Uuid;

pub async fn practitioner(
    c: &Clinical<'_>,
    id: Uuid,
) -> ApiResult<(ProfessionalRecord, Vec<RegistrationRecord>)> {
    let tx = c.tx().await?;
    let p = professionals::find(&tx, id)
        .await?
        .ok_or(DomainError::NotFound {
            entity: "Practitioner",
        })?;
    let regs = professionals::registrations_for(&tx, &[id]).await?;
    tx.commit().await?;
    Ok((p, regs))
}

pub async fn organization(c: &Clinical<'_>, id: Uuid) -> ApiResult<FacilityRecord> {
    let tx = c.tx().await?;
    let f = facilities::find(&tx, FacilityId(id))
        .await?
        .ok_or(DomainError::NotFound {
            entity: "Organization",
        })?;
    tx.commit().await?;
    Ok(f)
}
