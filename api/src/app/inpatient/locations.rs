//! A ward or a bed read on its own (FHIR `Location/{id}`), with whoever holds the bed
//! now so its operational status is the live one.

use super::{not_found, Inpatient, Stays};
use crate::error::ApiResult;
use arogya_infra::db::Access;
use arogya_infra::repos::inpatient::admissions;
use arogya_infra::repos::inpatient::wards as ward_repo;
use uuid::Uuid;

impl Inpatient<'_> {
    /// The ward or bed with this id, for those who see its facility.
    pub async fn location(&self, id: Uuid) -> ApiResult<Stays> {
        let tx = self.tx(Access::Read).await?;
        let (wards, beds) = match ward_repo::find_ward(&tx, id).await? {
            Some(w) => (vec![w], Vec::new()),
            None => match ward_repo::find_bed(&tx, id).await? {
                Some(b) => (Vec::new(), vec![b]),
                None => return Err(not_found("location")),
            },
        };
        let facility = wards
            .first()
            .map(|w| w.facility_id)
            .or_else(|| beds.first().map(|b| b.facility_id))
            .ok_or_else(|| not_found("location"))?;
        self.visible_facility(&tx, facility).await?;
        let bed_ids: Vec<Uuid> = beds.iter().map(|b| b.id).collect();
        let assignments = admissions::holders_of_beds(&tx, &bed_ids).await?;
        tx.commit().await?;
        Ok(Stays {
            assignments,
            beds,
            wards,
            ..Default::default()
        })
    }
}
