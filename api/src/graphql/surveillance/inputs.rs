//! Input objects, parsed into domain types at the edge.

use crate::error::{ApiError, ApiResult};
use crate::graphql::types::parse_id;
use arogya_domain::offline_id::OfflineId;
use arogya_domain::surveillance::case::{CaseSex, FieldReport, FieldReportForm};
use arogya_domain::surveillance::condition::ConditionDef;
use async_graphql::{InputObject, ID};
use chrono::NaiveDate;

/// A case reported from the field (level S).
#[derive(InputObject)]
pub struct FieldCaseInput {
    /// The case's id when the phone made it (a UUID v7), for reports made offline.
    pub id: Option<ID>,
    /// The condition's code (`DENGUE`).
    pub condition: String,
    /// The block (or other unit) the person lives in.
    pub unit_id: ID,
    /// The village or ward.
    pub village: String,
    pub name: String,
    pub age_years: i32,
    /// female, male, other or unknown.
    pub sex: String,
    pub symptoms: String,
    pub onset_date: NaiveDate,
}

impl FieldCaseInput {
    pub fn parse(&self) -> ApiResult<(Option<OfflineId>, uuid::Uuid, FieldReport)> {
        let now = chrono::Utc::now();
        let id = self
            .id
            .as_ref()
            .map(|raw| Ok::<_, ApiError>(OfflineId::parse("id", parse_id("id", raw)?, now)?))
            .transpose()?;
        let unit = parse_id("unitId", &self.unit_id)?;
        let report = FieldReportForm {
            name: &self.name,
            age_years: self.age_years,
            sex: CaseSex::parse(self.sex.trim())?,
            village: &self.village,
            symptoms: &self.symptoms,
            onset: self.onset_date,
        }
        .validate(now)?;
        Ok((id, unit, report))
    }
}

/// A notifiable condition's definition (its code does not change).
#[derive(InputObject)]
pub struct NotifiableConditionInput {
    pub code: String,
    pub name: String,
    pub icd10: Vec<String>,
    pub loinc: Vec<String>,
    pub syndromic: String,
    pub presumptive: String,
    pub confirmed: String,
    pub episode_days: i32,
    pub active: bool,
}

impl NotifiableConditionInput {
    pub fn parse(&self) -> ApiResult<ConditionDef> {
        Ok(ConditionDef::new(
            &self.code,
            &self.name,
            &self.icd10,
            &self.loinc,
            [&self.syndromic, &self.presumptive, &self.confirmed],
            self.episode_days,
        )?)
    }
}

/// A surveillance officer's change to a case; a field left out is kept.
#[derive(InputObject)]
pub struct CaseChangeInput {
    /// True: the case is discarded (not the disease after all); false: taken back.
    pub discarded: Option<bool>,
    /// recovered, died or lost.
    pub outcome: Option<String>,
    pub onset_date: Option<NaiveDate>,
    /// The registered patient a field case turned out to be.
    pub patient_id: Option<ID>,
}

impl CaseChangeInput {
    pub fn parse(&self) -> ApiResult<crate::app::surveillance::cases::CaseChange> {
        use arogya_domain::surveillance::case::Outcome;
        Ok(crate::app::surveillance::cases::CaseChange {
            discarded: self.discarded,
            outcome: self
                .outcome
                .as_deref()
                .map(|o| Outcome::parse(o.trim()))
                .transpose()?,
            onset: self.onset_date,
            patient: self
                .patient_id
                .as_ref()
                .map(|p| parse_id("patientId", p))
                .transpose()?,
        })
    }
}
