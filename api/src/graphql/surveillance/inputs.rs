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

/// What a DHIS2 mapping maps.
#[derive(async_graphql::Enum, Clone, Copy, PartialEq, Eq)]
pub enum Dhis2MappingKind {
    /// A place (unit) to an organisation unit.
    OrgUnit,
    /// A condition's cases, confirmed cases or deaths to a data element.
    DataElement,
    /// An age group and sex to a category option combination.
    Category,
}

/// Map a thing to a DHIS2 identifier, or clear its mapping (`dhis2Id` null).
#[derive(InputObject)]
pub struct Dhis2MappingInput {
    pub kind: Dhis2MappingKind,
    /// For ORG_UNIT.
    pub unit_id: Option<ID>,
    /// For DATA_ELEMENT.
    pub condition_id: Option<ID>,
    /// For DATA_ELEMENT: cases, confirmed or deaths.
    pub measure: Option<String>,
    /// For CATEGORY: 0-4, 5-14, 15-44, 45-64, 65+ or unknown.
    pub age_group: Option<String>,
    /// For CATEGORY: female, male, other or unknown.
    pub sex: Option<String>,
    /// The DHIS2 identifier (11 characters); null clears the mapping.
    pub dhis2_id: Option<String>,
    /// The version read, to change or clear an existing mapping.
    pub expected_version: Option<i32>,
}

impl Dhis2MappingInput {
    pub fn parse(
        &self,
    ) -> ApiResult<(
        crate::app::surveillance::dhis2::MappingTarget,
        Option<arogya_domain::surveillance::dhis2::Dhis2Uid>,
    )> {
        use crate::app::surveillance::dhis2::MappingTarget;
        use arogya_domain::surveillance::dhis2::{Dhis2Uid, Measure};
        let need = |v: &Option<String>, field: &str| {
            v.clone()
                .ok_or_else(|| ApiError::validation(field, "is needed for this kind of mapping"))
        };
        let need_id = |v: &Option<ID>, field: &str| {
            v.as_ref()
                .ok_or_else(|| ApiError::validation(field, "is needed for this kind of mapping"))
                .and_then(|raw| parse_id(field, raw))
        };
        let target = match self.kind {
            Dhis2MappingKind::OrgUnit => MappingTarget::OrgUnit(arogya_domain::ids::UnitId(
                need_id(&self.unit_id, "unitId")?,
            )),
            Dhis2MappingKind::DataElement => MappingTarget::DataElement(
                need_id(&self.condition_id, "conditionId")?,
                Measure::parse(&need(&self.measure, "measure")?)?,
            ),
            Dhis2MappingKind::Category => MappingTarget::Category {
                age_group: need(&self.age_group, "ageGroup")?,
                sex: need(&self.sex, "sex")?,
            },
        };
        let uid = self
            .dhis2_id
            .as_deref()
            .filter(|s| !s.trim().is_empty())
            .map(|s| Dhis2Uid::parse(s, "dhis2Id"))
            .transpose()?;
        Ok((target, uid))
    }
}
