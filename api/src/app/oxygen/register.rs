//! The daily register: a reading is entered once; a correction is the next version of
//! the same reading, with a reason. The stock is worked out from the readings and the
//! declared sources, and refused where it contradicts physics (a gauge above the
//! tank, more cylinders than the facility holds, stock that rose with nothing
//! delivered) with the field named.

use super::{not_found, rules_of, Oxygen};
use crate::error::{ApiError, ApiResult};
use arogya_domain::appointment::ist_date;
use arogya_domain::audit::AuditAction;
use arogya_domain::oxygen::balance::{self, Point};
use arogya_domain::oxygen::entry::{assess, Declared, DeclaredSource, PatientsOnOxygen, Readings};
use arogya_domain::oxygen::sources::Capacity;
use arogya_infra::db::Access;
use arogya_infra::repos::inpatient::occupancy;
use arogya_infra::repos::oxygen::entries::{self as repo, EntryRecord, NewEntry};
use arogya_infra::repos::oxygen::{days, settings as settings_repo, sources as source_repo};
use arogya_infra::TenantTx;
use chrono::{DateTime, Utc};
use uuid::Uuid;

/// A reading's stock as the balance needs it.
pub fn point_of(e: &EntryRecord) -> Point {
    Point {
        at: e.reading_at,
        held: e.held_nm3,
        usable: e.usable_nm3,
        received: e.received_nm3,
        produced: e.produced_nm3,
        estimated: e.estimated,
    }
}

pub fn readings_of(e: &EntryRecord) -> Readings {
    serde_json::from_value(e.readings.clone()).unwrap_or_else(|err| {
        tracing::error!(error = %err, entry = %e.id, "a stored oxygen reading is unreadable");
        Readings::default()
    })
}

pub fn patients_of(e: &EntryRecord) -> PatientsOnOxygen {
    e.patients
        .clone()
        .and_then(|p| serde_json::from_value(p).ok())
        .unwrap_or_default()
}

/// A reading and what was used since the one before it.
pub struct ReadingView {
    pub entry: EntryRecord,
    pub consumption: Option<balance::Interval>,
}

/// Admitted patients on oxygen at a facility, by how it is given.
async fn patients_on_wards(tx: &TenantTx, facility: Uuid) -> ApiResult<PatientsOnOxygen> {
    let mut p = PatientsOnOxygen::default();
    for c in occupancy::open_counts(tx, Some(&[facility])).await? {
        let n = c.patients as i32;
        match c.life_support.as_deref() {
            Some("nasal_cannula") => p.nasal_cannula += n,
            Some("mask") => p.mask += n,
            Some("hfnc") => p.hfnc += n,
            Some("niv") => p.niv += n,
            Some("invasive_ventilation") => p.invasive_ventilation += n,
            _ => {}
        }
    }
    Ok(p)
}

async fn declared(tx: &TenantTx, facility: Uuid) -> ApiResult<Declared> {
    let mut d = Declared::default();
    for t in settings_repo::cylinder_types(tx).await? {
        d.cylinder_nm3.insert(t.id, t.nm3);
    }
    for s in source_repo::of_facilities(tx, &[facility], false).await? {
        let declared = match source_repo::capacity_of(&s)? {
            Capacity::LmoTank {
                amount,
                unit,
                usable_fraction,
            } => DeclaredSource::Tank {
                capacity: amount,
                unit,
                usable_fraction,
            },
            Capacity::PsaPlant { .. } => DeclaredSource::Plant {
                nm3_per_hour: s.output_nm3_per_hour,
            },
            Capacity::Cylinders {
                cylinder_type,
                owned,
            } => DeclaredSource::Cylinders {
                cylinder_type,
                owned,
            },
            Capacity::Concentrators { .. } => DeclaredSource::Other,
        };
        d.sources.insert(s.id, declared);
    }
    Ok(d)
}

/// What a correction replaces.
struct Replacing {
    series: Uuid,
    version: i32,
    /// When the replaced version was read: its days are rolled up again too.
    reading_at: DateTime<Utc>,
    late: bool,
    reason: String,
}

impl Oxygen<'_> {
    /// Enter a reading (`replacing` none) or correct one.
    async fn write(
        &self,
        facility: Uuid,
        reading_at: DateTime<Utc>,
        readings: Readings,
        replacing: Option<Replacing>,
    ) -> ApiResult<EntryRecord> {
        let now = Utc::now();
        balance::check_reading_time(reading_at, now)?;
        let mut tx = self.tx(Access::Write).await?;
        let fac = self.entered_facility(&tx, facility).await?;
        days::lock_facility(&tx, fac.id).await?;
        let rules = rules_of(&tx).await?;
        let declared = declared(&tx, fac.id).await?;
        let (prev, next) = repo::neighbours(
            &tx,
            fac.id,
            reading_at,
            replacing.as_ref().map(|r| r.series),
        )
        .await?;
        let hours_since_last = prev
            .as_ref()
            .map(|p| (reading_at - p.reading_at).num_seconds() as f64 / 3600.0)
            .unwrap_or(24.0);
        let stock = assess(&readings, &declared, &rules.converter, hours_since_last)?;
        let this = Point {
            at: reading_at,
            held: stock.held,
            usable: stock.usable,
            received: stock.received,
            produced: stock.produced,
            estimated: stock.estimated,
        };
        balance::check_balance(
            prev.as_ref().map(point_of).as_ref(),
            &this,
            next.as_ref().map(point_of).as_ref(),
        )?;
        let (patients, from) = match readings.patients {
            Some(p) => (p, "entered"),
            None => (patients_on_wards(&tx, fac.id).await?, "inpatient"),
        };
        let (series, version, late, reason) = match &replacing {
            Some(r) => {
                if !repo::supersede(&tx, r.series, r.version, now).await? {
                    return Err(ApiError::Conflict(
                        "the reading was corrected by someone else meanwhile; reload it and try again".into(),
                    ));
                }
                (r.series, r.version + 1, r.late, Some(r.reason.clone()))
            }
            None => (Uuid::now_v7(), 1, balance::is_late(reading_at, now), None),
        };
        let readings_json = serde_json::to_value(&readings)
            .map_err(|e| anyhow::anyhow!("writing oxygen readings: {e}"))?;
        let patients_json = serde_json::to_value(patients)
            .map_err(|e| anyhow::anyhow!("writing patients on oxygen: {e}"))?;
        let saved = repo::insert(
            &tx,
            NewEntry {
                series_id: series,
                facility_id: fac.id,
                version,
                reading_at,
                entered_at: now,
                entered_by: self.principal.user_id().0,
                late,
                correction_reason: reason.clone(),
                readings: readings_json,
                held_nm3: stock.held,
                usable_nm3: stock.usable,
                received_nm3: stock.received,
                produced_nm3: stock.produced,
                estimated: stock.estimated,
                plant_fault: stock.plant_fault,
                patients: Some(patients_json),
                patients_from: from,
            },
        )
        .await?;
        // The days from this reading (or the one it replaces) to the next are worked
        // out again.
        let earliest = replacing
            .as_ref()
            .map_or(reading_at, |r| r.reading_at.min(reading_at));
        let latest = replacing
            .as_ref()
            .map_or(reading_at, |r| r.reading_at.max(reading_at));
        // The reading after this one is known already, unless the replaced version was
        // read later than this one.
        let after = if latest == reading_at {
            next.map(|n| n.reading_at)
        } else {
            repo::neighbours(&tx, fac.id, latest, None)
                .await?
                .1
                .map(|n| n.reading_at)
        };
        let last_day = ist_date(after.unwrap_or(latest));
        days::refresh(&tx, fac.id, ist_date(earliest), last_day).await?;
        let action = if replacing.is_some() {
            AuditAction::OxygenCorrect
        } else {
            AuditAction::OxygenEntry
        };
        self.audit(
            &mut tx,
            action,
            "oxygen_entry",
            series,
            serde_json::json!({ "facilityId": fac.id, "version": version, "readingAt": reading_at, "late": late, "reason": reason, "heldNm3": stock.held, "receivedNm3": stock.received, "producedNm3": stock.produced }),
        )
        .await?;
        tx.commit().await?;
        self.reading_changed(fac.id).await;
        Ok(saved)
    }

    pub async fn record(
        &self,
        facility: Uuid,
        reading_at: DateTime<Utc>,
        readings: Readings,
    ) -> ApiResult<EntryRecord> {
        let saved = self.write(facility, reading_at, readings, None).await?;
        self.alert_on(&saved).await;
        Ok(saved)
    }

    /// Run the alert rules for the facility at once when today's reading is entered,
    /// so one that shows oxygen running out raises its alert now (earlier days'
    /// readings, entered late or in a backfill, wait for the maintenance round).
    async fn alert_on(&self, e: &EntryRecord) {
        let Ok(tenant) = self.tenant() else { return };
        if ist_date(e.reading_at) != ist_date(Utc::now()) {
            return;
        }
        if let Err(err) =
            super::alerts::evaluate(self.state, tenant, Utc::now(), Some(e.facility_id)).await
        {
            tracing::warn!(error = ?err, facility = %e.facility_id, "oxygen alert rules failed after a reading");
        }
    }

    /// Correct a reading: a new version with the reason; the one it replaces stays.
    pub async fn correct(
        &self,
        series: Uuid,
        expected_version: i32,
        reason: String,
        reading_at: DateTime<Utc>,
        readings: Readings,
    ) -> ApiResult<EntryRecord> {
        let current = {
            let tx = self.tx(Access::Read).await?;
            let c = repo::current(&tx, series)
                .await?
                .ok_or_else(|| not_found("oxygen reading"))?;
            self.entered_facility(&tx, c.facility_id).await?;
            tx.commit().await?;
            c
        };
        if current.version != expected_version {
            return Err(ApiError::Conflict(
                "the reading was corrected by someone else meanwhile; reload it and try again"
                    .into(),
            ));
        }
        let saved = self
            .write(
                current.facility_id,
                reading_at,
                readings,
                Some(Replacing {
                    series,
                    version: expected_version,
                    reading_at: current.reading_at,
                    late: current.late,
                    reason,
                }),
            )
            .await?;
        self.alert_on(&saved).await;
        Ok(saved)
    }

    /// A facility's current readings in a time range, each with what was used since
    /// the one before it.
    pub async fn readings(
        &self,
        facility: Uuid,
        from: DateTime<Utc>,
        to: DateTime<Utc>,
    ) -> ApiResult<Vec<ReadingView>> {
        if to < from || (to - from).num_days() > 400 {
            return Err(ApiError::validation(
                "from",
                "give a range of at most 400 days",
            ));
        }
        let tx = self.tx(Access::Read).await?;
        let f = self.watched_facility(&tx, facility).await?;
        let (before, _) = repo::neighbours(&tx, f.id, from, None).await?;
        let list = repo::current_since(&tx, &[f.id], from, to).await?;
        tx.commit().await?;
        let mut prev = before.as_ref().map(point_of);
        Ok(list
            .into_iter()
            .map(|e| {
                let p = point_of(&e);
                let consumption = prev.map(|q| balance::Interval::between(&q, &p));
                prev = Some(p);
                ReadingView {
                    entry: e,
                    consumption,
                }
            })
            .collect())
    }

    /// Every version of a reading, the first first.
    pub async fn reading_versions(&self, series: Uuid) -> ApiResult<Vec<EntryRecord>> {
        let tx = self.tx(Access::Read).await?;
        let all = repo::versions(&tx, series).await?;
        let first = all.first().ok_or_else(|| not_found("oxygen reading"))?;
        self.watched_facility(&tx, first.facility_id).await?;
        tx.commit().await?;
        Ok(all)
    }
}
