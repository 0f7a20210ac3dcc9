//! What staff and officials look at: the ward board, the list of admitted patients
//! with counts by condition, and bed occupancy by district or facility and bed type.

use super::live_counts::{FacilityBeds, Kept};
use super::Inpatient;
use crate::error::{ApiError, ApiResult};
use arogya_domain::audit::AuditAction;
use arogya_domain::inpatient::access::Sight;
use arogya_domain::inpatient::beds::{label_order, BedState, BedType, Housekeeping};
use arogya_domain::inpatient::condition::ConditionCategory;
use arogya_domain::inpatient::occupancy::Tally;
use arogya_domain::unit::UnitPath;
use arogya_infra::db::Access;
use arogya_infra::repos::inpatient::admissions::{self, AdmissionRecord, OpenFilter, ACTIVE};
use arogya_infra::repos::inpatient::occupancy::{self, GroupBy, OpenCount};
use arogya_infra::repos::inpatient::wards::{self as ward_repo, BedRecord, WardRecord};
use arogya_infra::repos::{facilities, patients, units};
use arogya_infra::TenantTx;
use chrono::{DateTime, Duration, Utc};
use std::collections::HashMap;
use uuid::Uuid;

/// A patient as boards and lists show them.
#[derive(Clone)]
pub struct AdmittedPatient {
    pub admission: AdmissionRecord,
    pub name: Option<String>,
    pub health_id: Option<String>,
    pub bed_label: Option<String>,
    pub ward_name: Option<String>,
    pub facility_name: Option<String>,
    /// When the next condition entry is due (CPMS rule).
    pub due_at: DateTime<Utc>,
}

impl AdmittedPatient {
    pub fn overdue(&self, now: DateTime<Utc>) -> bool {
        self.due_at < now
    }
}

pub struct BedOnBoard {
    pub bed: BedRecord,
    pub state: BedState,
    pub patient: Option<AdmittedPatient>,
}

pub struct WardBoard {
    pub ward: WardRecord,
    pub beds: Vec<BedOnBoard>,
}

#[derive(Clone)]
pub struct OccupancyRow {
    pub key: Option<Uuid>,
    pub name: Option<String>,
    pub bed_type: BedType,
    pub tally: Tally,
}

#[derive(Clone)]
pub struct Occupancy {
    pub rows: Vec<OccupancyRow>,
    pub total: Tally,
}

/// The monitoring list and its counts.
pub struct Monitoring {
    pub patients: Vec<AdmittedPatient>,
    pub counts: Vec<OpenCount>,
}

pub struct MonitoringFilter {
    pub facility: Option<Uuid>,
    pub ward: Option<Uuid>,
    pub category: Option<ConditionCategory>,
    pub life_support: Vec<String>,
    pub min_stay_days: Option<i64>,
}

const LIST_LIMIT: u64 = 500;

fn full_name(p: &arogya_infra::repos::patients::PatientRecord) -> String {
    match &p.family_name {
        Some(f) => format!("{} {f}", p.given_name),
        None => p.given_name.clone(),
    }
}

/// The `LIKE` patterns of the units a caller sees.
fn unit_patterns(units: &[arogya_domain::ids::UnitId]) -> Vec<String> {
    units.iter().map(|u| format!("%/{}/%", u.0)).collect()
}

impl Inpatient<'_> {
    /// Names, beds and due times for a set of admissions, in a fixed number of queries.
    pub(super) async fn describe(
        &self,
        tx: &TenantTx,
        list: Vec<AdmissionRecord>,
    ) -> ApiResult<Vec<AdmittedPatient>> {
        let patient_ids: Vec<Uuid> = list.iter().filter_map(|a| a.patient_id).collect();
        let people: HashMap<Uuid, _> = patients::find_many(tx, &patient_ids)
            .await?
            .into_iter()
            .map(|p| (p.id, p))
            .collect();
        let ward_ids: Vec<Uuid> = list.iter().map(|a| a.ward_id).collect();
        let wards: HashMap<Uuid, WardRecord> = ward_repo::find_wards(tx, &ward_ids)
            .await?
            .into_iter()
            .map(|w| (w.id, w))
            .collect();
        let beds: HashMap<Uuid, BedRecord> = ward_repo::beds_of_wards(tx, &ward_ids)
            .await?
            .into_iter()
            .map(|b| (b.id, b))
            .collect();
        let facility_ids: Vec<Uuid> = list.iter().map(|a| a.facility_id).collect();
        let names: HashMap<Uuid, String> = facilities::find_many(tx, &facility_ids)
            .await?
            .into_iter()
            .map(|f| (f.id, f.name))
            .collect();
        let rule = super::settings::rule(tx).await?;
        Ok(list
            .into_iter()
            .map(|a| {
                let p = a.patient_id.and_then(|id| people.get(&id));
                let bed = beds.get(&a.bed_id);
                let critical_care = bed
                    .and_then(|b| BedType::parse(&b.bed_type).ok())
                    .is_some_and(BedType::is_critical_care);
                let category = a
                    .category
                    .as_deref()
                    .and_then(|c| ConditionCategory::parse(c).ok());
                AdmittedPatient {
                    name: p.map(full_name).or_else(|| a.unidentified.clone()),
                    health_id: p.map(|p| p.health_id.clone()),
                    bed_label: bed.map(|b| b.label.clone()),
                    ward_name: wards.get(&a.ward_id).map(|w| w.name.clone()),
                    facility_name: names.get(&a.facility_id).cloned(),
                    due_at: rule.due_at(critical_care, category, a.condition_at, a.admitted_at),
                    admission: a,
                }
            })
            .collect())
    }

    /// One ward's beds with who is in each: an audited read of those patients.
    pub async fn ward_board(&self, ward: Uuid) -> ApiResult<WardBoard> {
        let mut tx = self.tx(Access::Write).await?;
        let w = self.ward(&tx, ward).await?;
        self.visible_facility(&tx, w.facility_id).await?;
        let mut beds = ward_repo::beds_of_wards(&tx, &[w.id]).await?;
        beds.sort_by_cached_key(|b| label_order(&b.label));
        let bed_ids: Vec<Uuid> = beds.iter().map(|b| b.id).collect();
        let holders = admissions::holders_of_beds(&tx, &bed_ids).await?;
        let held: HashMap<Uuid, (Uuid, bool)> = holders
            .iter()
            .map(|h| (h.bed_id, (h.admission_id, h.status == ACTIVE)))
            .collect();
        let ids: Vec<Uuid> = holders.iter().map(|h| h.admission_id).collect();
        let list = admissions::find_many(&tx, &ids).await?;
        let described: HashMap<Uuid, AdmittedPatient> = self
            .describe(&tx, list)
            .await?
            .into_iter()
            .map(|p| (p.admission.id, p))
            .collect();
        let shown: Vec<Uuid> = described
            .values()
            .filter_map(|p| p.admission.patient_id)
            .collect();
        self.audit(
            &mut tx,
            AuditAction::InpatientRead,
            "ward",
            w.id,
            serde_json::json!({ "viewed": "ward_board", "patientIds": shown }),
        )
        .await?;
        tx.commit().await?;
        let beds = beds
            .into_iter()
            .map(|b| {
                let hk = Housekeeping::parse(&b.housekeeping).unwrap_or(Housekeeping::Closed);
                let hold = held.get(&b.id);
                let state = BedState::of(hk, hold.is_some_and(|h| h.1), hold.is_some_and(|h| !h.1));
                let patient = hold.and_then(|(a, _)| described.get(a).cloned());
                BedOnBoard {
                    bed: b,
                    state,
                    patient,
                }
            })
            .collect();
        Ok(WardBoard { ward: w, beds })
    }

    /// The facilities a caller sees, as ids (`None`: the whole tenant).
    pub(super) async fn seen_facilities(
        &self,
        tx: &TenantTx,
        sight: &Sight,
    ) -> ApiResult<Option<Vec<Uuid>>> {
        if sight.whole {
            return Ok(None);
        }
        let mut ids: Vec<Uuid> = sight.facilities.iter().map(|f| f.0).collect();
        ids.extend(occupancy::facilities_matching(tx, &unit_patterns(&sight.units)).await?);
        ids.sort();
        ids.dedup();
        Ok(Some(ids))
    }

    /// Admitted patients the caller may see, the sickest first, with counts by
    /// condition and life support over everything they see.
    pub async fn monitoring(&self, f: MonitoringFilter) -> ApiResult<Monitoring> {
        let mut tx = self.tx(Access::Write).await?;
        let sight = self.sight(&tx).await?;
        if sight.is_empty() {
            return Err(ApiError::Forbidden(
                "only ward staff, facility administrators and officials see admitted patients"
                    .into(),
            ));
        }
        let seen = self.seen_facilities(&tx, &sight).await?;
        let mut narrowed = seen.clone();
        if let Some(fac) = f.facility {
            if seen.as_ref().is_some_and(|ids| !ids.contains(&fac)) {
                return Err(ApiError::Forbidden(
                    "you do not oversee this facility".into(),
                ));
            }
            narrowed = Some(vec![fac]);
        }
        let counts = occupancy::open_counts(&tx, narrowed.as_deref()).await?;
        let filter = OpenFilter {
            facilities: narrowed,
            ward: f.ward,
            category: f.category.map(|c| c.as_str().to_owned()),
            life_support: (!f.life_support.is_empty()).then_some(f.life_support),
            admitted_before: f
                .min_stay_days
                .map(|d| Utc::now() - Duration::days(d.max(0))),
            ..Default::default()
        };
        let list = admissions::open(&tx, &filter, LIST_LIMIT).await?;
        let patients = self.describe(&tx, list).await?;
        let shown: Vec<Uuid> = patients
            .iter()
            .filter_map(|p| p.admission.patient_id)
            .collect();
        self.audit(
            &mut tx,
            AuditAction::InpatientRead,
            "admission",
            Uuid::nil(),
            serde_json::json!({ "viewed": "monitoring_list", "patientIds": shown }),
        )
        .await?;
        tx.commit().await?;
        Ok(Monitoring { patients, counts })
    }

    /// Beds by state and type, grouped by district or facility, within `unit` (or
    /// everything the caller sees). Counted from the tenant's live counts in memory.
    pub async fn occupancy(
        &self,
        unit: Option<Uuid>,
        facility: Option<Uuid>,
        group: GroupBy,
    ) -> ApiResult<Occupancy> {
        let tenant = self.tenant()?;
        let tx = self.tx(Access::Read).await?;
        let sight = self.sight(&tx).await?;
        if sight.is_empty() {
            return Err(ApiError::Forbidden("you oversee no facility".into()));
        }
        // Which facilities count: one, a unit's subtree, or all the caller sees.
        let mut under: Option<String> = None;
        if let Some(fac) = facility {
            self.visible_facility(&tx, fac).await?;
        } else if let Some(u) = unit {
            let rec = units::find(&tx, arogya_domain::ids::UnitId(u))
                .await?
                .ok_or(arogya_domain::DomainError::NotFound { entity: "unit" })?;
            let path = UnitPath::from_stored(rec.path.clone());
            if !(sight.whole || sight.units.iter().any(|s| path.contains(*s))) {
                return Err(ApiError::Forbidden(
                    "this unit is outside your reach".into(),
                ));
            }
            under = Some(rec.path);
        }
        // The question asked, as the cache knows it: whose facilities, grouped how.
        let question = match (facility, &under) {
            (Some(f), _) => format!("{group:?} facility {f}"),
            (None, Some(path)) => format!("{group:?} under {path}"),
            (None, None) => format!("{group:?} sight {}", sight_key(&sight)),
        };
        let live = &self.state.live_counts;
        if let Some(answer) = live.answer(tenant, &question) {
            tx.commit().await?;
            return Ok((*answer).clone());
        }
        let all = match live.kept(tenant) {
            Kept::Fresh(c) => c,
            Kept::Old(c) => match live.try_recount() {
                Some(_recounting) => self.recount(&tx, tenant).await?,
                // Someone is recounting: the counts of a few seconds ago meanwhile.
                None => match live.old_answer(tenant, &question) {
                    Some(answer) => {
                        tx.commit().await?;
                        return Ok((*answer).clone());
                    }
                    None => c,
                },
            },
            Kept::Changed(..) | Kept::Missing => {
                let _recounting = live.recount().await;
                match live.kept(tenant) {
                    // Counted by the request we waited for.
                    Kept::Fresh(c) | Kept::Old(c) => c,
                    Kept::Changed(base, changes) => {
                        let ids: Vec<Uuid> = changes.iter().map(|(f, _)| *f).collect();
                        let fresh = occupancy::facility_counts_of(&tx, &ids)
                            .await?
                            .into_iter()
                            .filter_map(FacilityBeds::from_row)
                            .collect();
                        live.patch(tenant, &base, &changes, fresh)
                    }
                    Kept::Missing => self.recount(&tx, tenant).await?,
                }
            }
        };
        let seen = |b: &FacilityBeds| {
            if let Some(f) = facility {
                return b.facility == f;
            }
            if let Some(prefix) = &under {
                return b.unit_path.starts_with(prefix.as_str());
            }
            sight.whole
                || sight.sees(
                    arogya_domain::ids::FacilityId(b.facility),
                    &UnitPath::from_stored(b.unit_path.clone()),
                )
        };
        let counts: Vec<occupancy::Count> = all
            .iter()
            .filter(|b| seen(b))
            .map(|b| occupancy::Count {
                key: match group {
                    GroupBy::Facility => Some(b.facility),
                    GroupBy::District => b.district,
                },
                bed_type: b.bed_type,
                state: b.state,
                beds: b.beds,
            })
            .collect();
        let mut keys: Vec<Uuid> = counts.iter().filter_map(|c| c.key).collect();
        keys.sort();
        keys.dedup();
        let names: HashMap<Uuid, String> = match group {
            GroupBy::Facility => facilities::find_many(&tx, &keys)
                .await?
                .into_iter()
                .map(|f| (f.id, f.name))
                .collect(),
            GroupBy::District => units::find_many(&tx, &keys)
                .await?
                .into_iter()
                .map(|u| (u.id, u.name))
                .collect(),
        };
        tx.commit().await?;
        let answer = tally(counts, &names);
        self.state.live_counts.keep_answer(
            tenant,
            &all,
            question,
            std::sync::Arc::new(answer.clone()),
        );
        Ok(answer)
    }
}

impl Inpatient<'_> {
    /// Count the tenant's live beds again and keep them.
    async fn recount(
        &self,
        tx: &TenantTx,
        tenant: arogya_domain::ids::TenantId,
    ) -> ApiResult<std::sync::Arc<Vec<FacilityBeds>>> {
        let generation = self.state.live_counts.generation();
        let rows = occupancy::facility_counts(tx).await?;
        let counted: std::sync::Arc<Vec<FacilityBeds>> = std::sync::Arc::new(
            rows.into_iter()
                .filter_map(FacilityBeds::from_row)
                .collect(),
        );
        self.state
            .live_counts
            .put(tenant, counted.clone(), generation);
        Ok(counted)
    }
}

/// Who the caller oversees, as text: callers who see the same facilities share answers.
fn sight_key(sight: &arogya_domain::inpatient::access::Sight) -> String {
    if sight.whole {
        return "*".into();
    }
    let mut units: Vec<String> = sight.units.iter().map(|u| u.0.to_string()).collect();
    units.sort();
    let facilities: Vec<String> = sight.facilities.iter().map(|f| f.0.to_string()).collect();
    format!("u{} f{}", units.join(","), facilities.join(","))
}

/// Fold counts into one row per group and bed type, and a total.
pub fn tally(counts: Vec<occupancy::Count>, names: &HashMap<Uuid, String>) -> Occupancy {
    let mut rows: Vec<OccupancyRow> = Vec::new();
    let mut total = Tally::default();
    let mut index: HashMap<(Option<Uuid>, BedType), usize> = HashMap::new();
    for c in counts {
        total.add(c.state, c.beds);
        let i = *index.entry((c.key, c.bed_type)).or_insert_with(|| {
            rows.push(OccupancyRow {
                key: c.key,
                name: c.key.and_then(|k| names.get(&k).cloned()),
                bed_type: c.bed_type,
                tally: Tally::default(),
            });
            rows.len() - 1
        });
        rows[i].tally.add(c.state, c.beds);
    }
    rows.sort_by(|a, b| {
        (a.name.as_deref(), a.bed_type.as_str()).cmp(&(b.name.as_deref(), b.bed_type.as_str()))
    });
    Occupancy { rows, total }
}

/// One admission with its attendants and condition history.
pub struct AdmissionDetail {
    pub patient: AdmittedPatient,
    pub attendants: Vec<arogya_infra::repos::inpatient::admissions::AttendantRecord>,
    pub history: Vec<arogya_infra::repos::inpatient::conditions::ConditionRecord>,
}

impl Inpatient<'_> {
    /// An admission in full, for those who see its facility: an audited read.
    pub async fn admission_detail(&self, id: Uuid) -> ApiResult<AdmissionDetail> {
        let mut tx = self.tx(Access::Write).await?;
        let a = self.admission(&tx, id).await?;
        self.visible_facility(&tx, a.facility_id).await?;
        let attendants = admissions::attendants_of(&tx, &[a.id], false).await?;
        let history = arogya_infra::repos::inpatient::conditions::history(&tx, a.id).await?;
        let patient = self
            .describe(&tx, vec![a])
            .await?
            .pop()
            .ok_or(ApiError::Internal)?;
        self.audit(
            &mut tx,
            AuditAction::InpatientRead,
            "admission",
            id,
            serde_json::json!({ "viewed": "admission", "patientId": patient.admission.patient_id }),
        )
        .await?;
        tx.commit().await?;
        Ok(AdmissionDetail {
            patient,
            attendants,
            history,
        })
    }
}

impl Inpatient<'_> {
    /// Wards of the facilities the caller works at or oversees (at most 300), with
    /// their facility's name.
    pub async fn wards_in_sight(&self) -> ApiResult<Vec<(WardRecord, String)>> {
        let tx = self.tx(Access::Read).await?;
        let sight = self.sight(&tx).await?;
        if sight.is_empty() {
            tx.commit().await?;
            return Ok(Vec::new());
        }
        let seen = self.seen_facilities(&tx, &sight).await?;
        let wards = ward_repo::wards_of_facilities(&tx, seen.as_deref(), Some(300)).await?;
        let ids: Vec<Uuid> = wards.iter().map(|w| w.facility_id).collect();
        let names: HashMap<Uuid, String> = facilities::find_many(&tx, &ids)
            .await?
            .into_iter()
            .map(|f| (f.id, f.name))
            .collect();
        tx.commit().await?;
        Ok(wards
            .into_iter()
            .map(|w| {
                let name = names.get(&w.facility_id).cloned().unwrap_or_default();
                (w, name)
            })
            .collect())
    }
}

impl Inpatient<'_> {
    /// The facilities whose changes the caller may watch live (`None`: all).
    pub async fn watch_scope(&self) -> ApiResult<Option<Vec<Uuid>>> {
        let tx = self.tx(Access::Read).await?;
        let sight = self.sight(&tx).await?;
        if sight.is_empty() {
            return Err(ApiError::Forbidden(
                "only ward staff, facility administrators and officials watch admitted patients"
                    .into(),
            ));
        }
        let seen = self.seen_facilities(&tx, &sight).await?;
        tx.commit().await?;
        Ok(seen)
    }
}
