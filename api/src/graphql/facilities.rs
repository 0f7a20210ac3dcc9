//! Health facilities: details, bed capacity, EMR readiness, filtered lists and
//! per-district counts. District administrators see and edit only their district.

use super::context::ContextExt;
use super::pagination::{connection, page_request};
use super::types::parse_id;
use super::units::{load_unit, read_reach, registry_tenant, AdminUnit};
use crate::app::facilities as usecase;
use crate::error::{ApiError, ApiResult};
use arogya_domain::audit::Actor;
use arogya_domain::facility as domain;
use arogya_domain::ids::{FacilityId, TenantId, UnitId};
use arogya_domain::unit::UnitPath;
use arogya_domain::DomainError;
use arogya_infra::db::Access;
use arogya_infra::repos::facilities::{self as repo, FacilityFilter as RepoFilter, FacilityRecord};
use async_graphql::connection::Connection;
use async_graphql::{Context, Enum, InputObject, Object, SimpleObject, ID};
use chrono::{DateTime, NaiveDate, Utc};
use std::collections::BTreeMap;

#[derive(Enum, Copy, Clone, Eq, PartialEq, Debug)]
#[graphql(remote = "arogya_domain::facility::FacilityType")]
pub enum FacilityType {
    MedicalCollegeHospital,
    DistrictHospital,
    SubDivisionalHospital,
    StateGeneralHospital,
    RuralHospitalChc,
    BlockPhc,
    Phc,
    SubCentreHwc,
    PrivateHospital,
    NursingHome,
    DiagnosticLaboratory,
    BloodBank,
}

#[derive(Enum, Copy, Clone, Eq, PartialEq, Debug)]
#[graphql(remote = "arogya_domain::facility::Ownership")]
pub enum Ownership {
    Public,
    Private,
    Other,
}

#[derive(Enum, Copy, Clone, Eq, PartialEq, Debug)]
#[graphql(remote = "arogya_domain::facility::OperationalStatus")]
pub enum OperationalStatus {
    Operational,
    NonOperational,
    Closed,
}

#[derive(Enum, Copy, Clone, Eq, PartialEq, Debug)]
#[graphql(remote = "arogya_domain::facility::SystemOfMedicine")]
pub enum SystemOfMedicine {
    Allopathy,
    Ayurveda,
    Yoga,
    Unani,
    Siddha,
    SowaRigpa,
    Homoeopathy,
}

#[derive(Enum, Copy, Clone, Eq, PartialEq, Debug)]
#[graphql(remote = "arogya_domain::facility::EmrItem")]
pub enum EmrItem {
    Workstations,
    Lan,
    ServerBackup,
    InformationSecurity,
}

#[derive(Enum, Copy, Clone, Eq, PartialEq, Debug)]
#[graphql(remote = "arogya_domain::facility::ReadinessStatus")]
pub enum ReadinessStatus {
    NotStarted,
    InProgress,
    Done,
}

/// Beds by type (counts; occupancy is tracked against these elsewhere).
#[derive(SimpleObject, InputObject, Clone, Copy, Default)]
#[graphql(input_name = "BedCapacityInput")]
pub struct BedCapacity {
    #[graphql(default)]
    pub general: i32,
    #[graphql(default)]
    pub oxygen_supported: i32,
    #[graphql(default)]
    pub icu: i32,
    #[graphql(default)]
    pub hdu: i32,
    #[graphql(default)]
    pub ventilator: i32,
    #[graphql(default)]
    pub isolation: i32,
    #[graphql(default)]
    pub paediatric: i32,
    #[graphql(default)]
    pub maternity: i32,
}

#[derive(SimpleObject, InputObject, Clone, Copy)]
#[graphql(input_name = "EmrChecklistEntryInput")]
pub struct EmrChecklistEntry {
    pub item: EmrItem,
    pub status: ReadinessStatus,
}

#[derive(SimpleObject)]
pub struct EmrReadiness {
    pub adopted: bool,
    pub adopted_on: Option<NaiveDate>,
    /// Every item, `NOT_STARTED` unless set.
    pub checklist: Vec<EmrChecklistEntry>,
}

#[derive(InputObject, Default)]
pub struct EmrReadinessInput {
    #[graphql(default)]
    pub adopted: bool,
    /// Required exactly when `adopted` is true.
    pub adopted_on: Option<NaiveDate>,
    #[graphql(default)]
    pub checklist: Vec<EmrChecklistEntry>,
}

/// A facility's details, as created or replaced in full.
#[derive(InputObject)]
pub struct FacilityInput {
    pub name: String,
    #[graphql(name = "type")]
    pub facility_type: FacilityType,
    pub ownership: Ownership,
    /// e.g. state government, central government, trust, corporate.
    pub ownership_subtype: Option<String>,
    /// The administrative unit it lies in.
    pub unit_id: ID,
    pub address: Option<String>,
    pub pincode: Option<String>,
    pub latitude: Option<f64>,
    pub longitude: Option<f64>,
    pub phone: Option<String>,
    pub email: Option<String>,
    #[graphql(default)]
    pub systems_of_medicine: Vec<SystemOfMedicine>,
    #[graphql(default)]
    pub specialities: Vec<String>,
    pub operational_status: Option<OperationalStatus>,
    /// e.g. IN3310001271.
    pub national_facility_id: Option<String>,
    #[graphql(default)]
    pub beds: BedCapacity,
    #[graphql(default)]
    pub emr_readiness: EmrReadinessInput,
}

impl FacilityInput {
    fn parse(&self) -> ApiResult<(UnitId, domain::FacilityDetails)> {
        let unit = UnitId(parse_id("unitId", &self.unit_id)?);
        let b = self.beds;
        let emr = domain::EmrReadiness::new(
            self.emr_readiness.adopted,
            self.emr_readiness.adopted_on,
            self.emr_readiness
                .checklist
                .iter()
                .map(|e| (e.item.into(), e.status.into()))
                .collect(),
        )?;
        let form = domain::FacilityForm {
            name: self.name.clone(),
            facility_type: domain::FacilityType::from(self.facility_type)
                .as_str()
                .to_owned(),
            ownership: domain::Ownership::from(self.ownership).as_str().to_owned(),
            ownership_subtype: self.ownership_subtype.clone(),
            address: self.address.clone(),
            pincode: self.pincode.clone(),
            latitude: self.latitude,
            longitude: self.longitude,
            phone: self.phone.clone(),
            email: self.email.clone(),
            systems_of_medicine: self
                .systems_of_medicine
                .iter()
                .map(|s| domain::SystemOfMedicine::from(*s).as_str().to_owned())
                .collect(),
            specialities: self.specialities.clone(),
            operational_status: self
                .operational_status
                .map(|s| domain::OperationalStatus::from(s).as_str().to_owned()),
            national_facility_id: self.national_facility_id.clone(),
            beds: domain::BedCapacity {
                general: b.general,
                oxygen_supported: b.oxygen_supported,
                icu: b.icu,
                hdu: b.hdu,
                ventilator: b.ventilator,
                isolation: b.isolation,
                paediatric: b.paediatric,
                maternity: b.maternity,
            },
            emr,
        };
        Ok((unit, form.validate()?))
    }
}

fn stored_strings(v: &serde_json::Value) -> Vec<String> {
    v.as_array()
        .map(|a| {
            a.iter()
                .filter_map(|s| s.as_str().map(str::to_owned))
                .collect()
        })
        .unwrap_or_default()
}

pub struct Facility(pub FacilityRecord);

#[Object]
impl Facility {
    async fn id(&self) -> ID {
        ID(self.0.id.to_string())
    }
    async fn name(&self) -> &str {
        &self.0.name
    }
    #[graphql(name = "type")]
    async fn facility_type(&self) -> ApiResult<FacilityType> {
        Ok(domain::FacilityType::parse(&self.0.facility_type)?.into())
    }
    async fn ownership(&self) -> ApiResult<Ownership> {
        Ok(domain::Ownership::parse(&self.0.ownership)?.into())
    }
    async fn ownership_subtype(&self) -> Option<&str> {
        self.0.ownership_subtype.as_deref()
    }
    async fn unit(&self, ctx: &Context<'_>) -> ApiResult<Option<AdminUnit>> {
        Ok(
            load_unit(ctx, TenantId(self.0.tenant_id), UnitId(self.0.unit_id))
                .await?
                .map(AdminUnit),
        )
    }
    async fn district(&self, ctx: &Context<'_>) -> ApiResult<Option<AdminUnit>> {
        match self.0.district_id {
            Some(d) => Ok(load_unit(ctx, TenantId(self.0.tenant_id), UnitId(d))
                .await?
                .map(AdminUnit)),
            None => Ok(None),
        }
    }
    async fn address(&self) -> Option<&str> {
        self.0.address.as_deref()
    }
    async fn pincode(&self) -> Option<&str> {
        self.0.pincode.as_deref()
    }
    async fn latitude(&self) -> Option<f64> {
        self.0.latitude
    }
    async fn longitude(&self) -> Option<f64> {
        self.0.longitude
    }
    /// Normalised to +91 and ten digits.
    async fn phone(&self) -> Option<&str> {
        self.0.phone.as_deref()
    }
    async fn email(&self) -> Option<&str> {
        self.0.email.as_deref()
    }
    async fn systems_of_medicine(&self) -> ApiResult<Vec<SystemOfMedicine>> {
        stored_strings(&self.0.systems_of_medicine)
            .iter()
            .map(|s| Ok(domain::SystemOfMedicine::parse(s)?.into()))
            .collect()
    }
    async fn specialities(&self) -> Vec<String> {
        stored_strings(&self.0.specialities)
    }
    async fn operational_status(&self) -> ApiResult<OperationalStatus> {
        Ok(domain::OperationalStatus::parse(&self.0.operational_status)?.into())
    }
    async fn national_facility_id(&self) -> Option<&str> {
        self.0.national_facility_id.as_deref()
    }
    async fn beds(&self) -> BedCapacity {
        let f = &self.0;
        BedCapacity {
            general: f.beds_general,
            oxygen_supported: f.beds_oxygen,
            icu: f.beds_icu,
            hdu: f.beds_hdu,
            ventilator: f.beds_ventilator,
            isolation: f.beds_isolation,
            paediatric: f.beds_paediatric,
            maternity: f.beds_maternity,
        }
    }
    async fn total_beds(&self) -> i64 {
        repo::total_beds(&self.0)
    }
    async fn emr_readiness(&self) -> ApiResult<EmrReadiness> {
        let stored = self
            .0
            .emr_checklist
            .as_object()
            .cloned()
            .unwrap_or_default();
        let checklist = domain::EmrItem::ALL
            .iter()
            .map(|item| {
                let status = stored
                    .get(item.as_str())
                    .and_then(|v| v.as_str())
                    .map(domain::ReadinessStatus::parse)
                    .transpose()?
                    .unwrap_or(domain::ReadinessStatus::NotStarted);
                Ok(EmrChecklistEntry {
                    item: (*item).into(),
                    status: status.into(),
                })
            })
            .collect::<ApiResult<Vec<_>>>()?;
        Ok(EmrReadiness {
            adopted: self.0.emr_adopted,
            adopted_on: self.0.emr_adopted_on,
            checklist,
        })
    }
    /// Professionals currently posted here.
    async fn staff(&self, ctx: &Context<'_>) -> ApiResult<Vec<super::professionals::Posting>> {
        super::professionals::facility_staff(ctx, TenantId(self.0.tenant_id), self.0.id).await
    }
    async fn created_at(&self) -> DateTime<Utc> {
        self.0.created_at
    }
    async fn updated_at(&self) -> DateTime<Utc> {
        self.0.updated_at
    }
    async fn version(&self) -> i32 {
        self.0.version
    }
}

#[derive(InputObject, Default)]
pub struct FacilityFilter {
    #[graphql(default)]
    pub types: Vec<FacilityType>,
    pub ownership: Option<Ownership>,
    /// Only facilities in this unit or anywhere under it.
    pub unit_id: Option<ID>,
    pub status: Option<OperationalStatus>,
    /// Words of the name (all must appear), case-insensitive.
    pub search: Option<String>,
}

#[derive(SimpleObject)]
pub struct FacilityTypeCount {
    #[graphql(name = "type")]
    pub facility_type: FacilityType,
    pub count: i64,
}

#[derive(SimpleObject)]
pub struct DistrictFacilityCounts {
    /// Null for facilities placed at the state level.
    pub district: Option<AdminUnit>,
    pub total: i64,
    pub by_type: Vec<FacilityTypeCount>,
}

#[derive(InputObject)]
pub struct CreateFacilityInput {
    pub tenant_id: Option<ID>,
    pub facility: FacilityInput,
}

#[derive(InputObject)]
pub struct UpdateFacilityInput {
    pub tenant_id: Option<ID>,
    pub id: ID,
    pub expected_version: i32,
    pub facility: FacilityInput,
}

fn facility_not_found() -> ApiError {
    DomainError::NotFound { entity: "facility" }.into()
}

#[derive(Default)]
pub struct FacilityQuery;

#[Object]
impl FacilityQuery {
    async fn facility(
        &self,
        ctx: &Context<'_>,
        id: ID,
        tenant_id: Option<ID>,
    ) -> ApiResult<Facility> {
        let tenant = registry_tenant(ctx, tenant_id.as_ref())?;
        let id = FacilityId(parse_id("id", &id)?);
        let reach = read_reach(ctx)?;
        let tx = ctx.app()?.db.tenant_tx(tenant, Access::Read).await?;
        let found = repo::find(&tx, id).await?;
        tx.commit().await?;
        found
            .filter(|f| reach.allows(&UnitPath::from_stored(f.unit_path.clone())))
            .map(Facility)
            .ok_or_else(facility_not_found)
    }

    /// Facilities, newest first, filtered.
    async fn facilities(
        &self,
        ctx: &Context<'_>,
        tenant_id: Option<ID>,
        filter: Option<FacilityFilter>,
        first: Option<i32>,
        after: Option<String>,
    ) -> ApiResult<Connection<String, Facility>> {
        let tenant = registry_tenant(ctx, tenant_id.as_ref())?;
        let filter = filter.unwrap_or_default();
        let under = match &filter.unit_id {
            Some(u) => Some(
                load_unit(ctx, tenant, UnitId(parse_id("unitId", u)?))
                    .await?
                    .ok_or_else(|| ApiError::NotFound("unit not found".into()))?,
            ),
            None => None,
        };
        let repo_filter = RepoFilter {
            types: filter.types.iter().map(|t| (*t).into()).collect(),
            ownership: filter.ownership.map(Into::into),
            under,
            status: filter.status.map(Into::into),
            search: filter.search.filter(|s| !s.trim().is_empty()),
            reach: read_reach(ctx)?,
        };
        let had_cursor = after.is_some();
        let page = page_request(first, after)?;
        let tx = ctx.app()?.db.tenant_tx(tenant, Access::Read).await?;
        let rows = repo::list(&tx, &repo_filter, page).await?;
        tx.commit().await?;
        Ok(connection(rows, had_cursor, |f| f.id, Facility))
    }

    /// How many facilities of each type each district has (within the caller's reach).
    async fn facility_counts_by_district(
        &self,
        ctx: &Context<'_>,
        tenant_id: Option<ID>,
    ) -> ApiResult<Vec<DistrictFacilityCounts>> {
        let tenant = registry_tenant(ctx, tenant_id.as_ref())?;
        let reach = read_reach(ctx)?;
        let tx = ctx.app()?.db.tenant_tx(tenant, Access::Read).await?;
        let rows = repo::counts_by_district(&tx, &reach).await?;
        tx.commit().await?;
        let mut grouped: BTreeMap<Option<uuid::Uuid>, Vec<(String, i64)>> = BTreeMap::new();
        for (district, facility_type, n) in rows {
            grouped
                .entry(district)
                .or_default()
                .push((facility_type, n));
        }
        let mut out = Vec::new();
        for (district, types) in grouped {
            let district = match district {
                Some(d) => load_unit(ctx, tenant, UnitId(d)).await?.map(AdminUnit),
                None => None,
            };
            let by_type = types
                .iter()
                .map(|(t, n)| {
                    Ok(FacilityTypeCount {
                        facility_type: domain::FacilityType::parse(t)?.into(),
                        count: *n,
                    })
                })
                .collect::<ApiResult<Vec<_>>>()?;
            out.push(DistrictFacilityCounts {
                district,
                total: types.iter().map(|(_, n)| n).sum(),
                by_type,
            });
        }
        Ok(out)
    }
}

#[derive(Default)]
pub struct FacilityMutation;

#[Object]
impl FacilityMutation {
    async fn create_facility(
        &self,
        ctx: &Context<'_>,
        input: CreateFacilityInput,
    ) -> ApiResult<Facility> {
        let (app, req) = (ctx.app()?, ctx.request()?);
        let principal = req.principal()?;
        let tenant = registry_tenant(ctx, input.tenant_id.as_ref())?;
        let reach = principal.registry_write_reach()?;
        let (unit, details) = input.facility.parse()?;
        let actor = Actor::from(principal);
        let f = usecase::create_facility(app, actor, &req.meta(), tenant, &reach, unit, details)
            .await?;
        Ok(Facility(f))
    }

    /// Replace a facility's details (send them all), if you saw its latest version.
    async fn update_facility(
        &self,
        ctx: &Context<'_>,
        input: UpdateFacilityInput,
    ) -> ApiResult<Facility> {
        let (app, req) = (ctx.app()?, ctx.request()?);
        let principal = req.principal()?;
        let tenant = registry_tenant(ctx, input.tenant_id.as_ref())?;
        let id = FacilityId(parse_id("id", &input.id)?);
        // A facility the caller cannot read does not exist for them.
        let readable = {
            let reach = read_reach(ctx)?;
            let tx = app.db.tenant_tx(tenant, Access::Read).await?;
            let f = repo::find(&tx, id).await?;
            tx.commit().await?;
            f.is_some_and(|f| reach.allows(&UnitPath::from_stored(f.unit_path)))
        };
        if !readable {
            return Err(facility_not_found());
        }
        let reach = principal.registry_write_reach()?;
        let (unit, details) = input.facility.parse()?;
        let actor = Actor::from(principal);
        let f = usecase::update_facility(
            app,
            actor,
            &req.meta(),
            tenant,
            &reach,
            id,
            input.expected_version,
            unit,
            details,
        )
        .await?;
        Ok(Facility(f))
    }
}
