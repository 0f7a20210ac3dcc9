//! A ward's day register, as a nurse keeps it on paper: the census, admissions and
//! discharges of the day, the patients at its end with their latest condition, and
//! the shift handovers. Printed by `print::register`; reading it is an audited read.

use super::Inpatient;
use crate::error::ApiResult;
use arogya_domain::appointment::ist_midnight;
use arogya_domain::audit::AuditAction;
use arogya_domain::inpatient::census::{count_day, Census};
use arogya_infra::db::Access;
use arogya_infra::repos::inpatient::census as census_repo;
use arogya_infra::repos::inpatient::registers::{self as registers, HandoverRecord};
use arogya_infra::repos::inpatient::{admissions, wards as ward_repo};
use arogya_infra::repos::patients;
use chrono::{DateTime, Duration, NaiveDate, Utc};
use std::collections::HashMap;
use uuid::Uuid;

/// One line of a register.
pub struct RegisterLine {
    pub at: Option<DateTime<Utc>>,
    pub bed: String,
    pub name: String,
    pub local_name: Option<String>,
    pub health_id: Option<String>,
    pub detail: String,
}

pub struct DayRegister {
    pub facility: String,
    pub ward: String,
    pub day: NaiveDate,
    pub census: Census,
    pub admitted: Vec<RegisterLine>,
    pub left: Vec<RegisterLine>,
    pub present: Vec<RegisterLine>,
    pub handovers: Vec<HandoverRecord>,
}

impl Inpatient<'_> {
    pub async fn day_register(&self, ward: Uuid, day: NaiveDate) -> ApiResult<DayRegister> {
        let mut tx = self.tx(Access::Write).await?;
        let w = self.ward(&tx, ward).await?;
        let f = self.visible_facility(&tx, w.facility_id).await?;
        let from = ist_midnight(day);
        let to = from + Duration::days(1);
        let rows: Vec<_> = census_repo::stays_overlapping(&tx, from, to)
            .await?
            .into_iter()
            .filter(|r| r.ward_id == ward)
            .collect();
        let stays = super::census::stays_of(&rows);
        let census = count_day(&stays, ward, from, to);
        let ids: Vec<Uuid> = rows.iter().map(|r| r.admission_id).collect();
        let stays_of: HashMap<Uuid, _> = admissions::find_many(&tx, &ids)
            .await?
            .into_iter()
            .map(|a| (a.id, a))
            .collect();
        let people: Vec<Uuid> = stays_of.values().filter_map(|a| a.patient_id).collect();
        let people: HashMap<Uuid, _> = patients::find_many(&tx, &people)
            .await?
            .into_iter()
            .map(|p| (p.id, p))
            .collect();
        let beds: HashMap<Uuid, String> = ward_repo::beds_of_wards(&tx, &[ward])
            .await?
            .into_iter()
            .map(|b| (b.id, b.label))
            .collect();
        let handovers = registers::handovers(&tx, ward, day, day).await?;
        self.audit(&mut tx, AuditAction::InpatientRead, "ward", ward, serde_json::json!({ "viewed": "day_register", "day": day, "patientIds": people.keys().collect::<Vec<_>>() })).await?;
        tx.commit().await?;

        let line = |r: &census_repo::StayRow, at: Option<DateTime<Utc>>, detail: String| {
            let a = stays_of.get(&r.admission_id);
            let p = a.and_then(|a| a.patient_id).and_then(|id| people.get(&id));
            RegisterLine {
                at,
                bed: beds.get(&r.bed_id).cloned().unwrap_or_default(),
                name: p
                    .map(|p| {
                        format!(
                            "{} {}",
                            p.given_name,
                            p.family_name.clone().unwrap_or_default()
                        )
                        .trim()
                        .to_owned()
                    })
                    .or_else(|| a.and_then(|a| a.unidentified.clone()))
                    .unwrap_or_default(),
                local_name: p.and_then(|p| p.local_name.clone()),
                health_id: p.map(|p| p.health_id.clone()),
                detail,
            }
        };
        let mut admitted = Vec::new();
        let mut left = Vec::new();
        let mut present = Vec::new();
        for r in &rows {
            let a = stays_of.get(&r.admission_id);
            if r.start_at >= from && r.start_at < to {
                let what = if r.first_bed {
                    "admitted"
                } else {
                    "transferred in"
                };
                let reason = a.map(|a| a.reason.clone()).unwrap_or_default();
                admitted.push(line(r, Some(r.start_at), format!("{what}: {reason}")));
            }
            if let Some(end) = r.end_at.filter(|e| *e >= from && *e < to) {
                let detail = match (r.discharged_at, r.outcome.as_deref()) {
                    (Some(d), Some(o)) if d == end => {
                        format!("discharged: {}", o.replace('_', " "))
                    }
                    _ => "transferred out".to_owned(),
                };
                left.push(line(r, Some(end), detail));
            }
            if r.start_at < to && r.end_at.is_none_or(|e| e >= to) {
                let condition = a
                    .map(|a| {
                        let mut c = a
                            .category
                            .clone()
                            .unwrap_or_else(|| "not recorded".into())
                            .replace('_', " ");
                        if let Some(ls) = a.life_support.as_deref().filter(|l| *l != "none") {
                            c.push_str(&format!(", {}", ls.replace('_', " ")));
                        }
                        if let Some(n) = a.news2 {
                            c.push_str(&format!(", NEWS2 {n}"));
                        }
                        c
                    })
                    .unwrap_or_default();
                present.push(line(r, None, condition));
            }
        }
        admitted.sort_by_key(|l| l.at);
        left.sort_by_key(|l| l.at);
        present.sort_by_cached_key(|l| arogya_domain::inpatient::beds::label_order(&l.bed));
        Ok(DayRegister {
            facility: f.name,
            ward: w.name,
            day,
            census,
            admitted,
            left,
            present,
            handovers,
        })
    }
}
