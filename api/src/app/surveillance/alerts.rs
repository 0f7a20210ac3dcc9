//! Alerts: the condition's rules evaluated in the case's place after every case write
//! (in its transaction), a signal stored with its numbers unless the rule is in its
//! quiet days; surveillance officers verify them.

use super::{notify, Surveillance};
use crate::error::{ApiError, ApiResult};
use arogya_domain::audit::AuditAction;
use arogya_domain::ids::UnitId;
use arogya_domain::surveillance::alerts::{
    cluster, evaluate, quiet, rate, Baseline, RuleKind, Signal,
};
use arogya_domain::surveillance::epi_week::{india_date, EpiWeek};
use arogya_domain::surveillance::rules::{Scope, Window};
use arogya_domain::unit::UnitPath;
use arogya_domain::DomainError;
use arogya_infra::db::Access;
use arogya_infra::queue_bus::{SurveillanceBus, SurveillanceEvent};
use arogya_infra::repos::surveillance::alerts::{self as repo, AlertRecord};
use arogya_infra::repos::surveillance::cases::{self as cases_repo, CaseRecord};
use arogya_infra::repos::surveillance::rules as rules_repo;
use arogya_infra::repos::surveillance::{conditions, counts, investigations};
use arogya_infra::repos::units;
use arogya_infra::TenantTx;
use chrono::{Datelike, Duration, NaiveDate, Utc};
use std::collections::HashMap;
use uuid::Uuid;

/// The place a rule of `scope` looks at for a case: its own, or its district.
async fn place(
    tx: &TenantTx,
    case: &CaseRecord,
    scope: Scope,
) -> ApiResult<Option<(Uuid, String)>> {
    match scope {
        Scope::Block => Ok(Some((case.unit_id, case.unit_path.clone()))),
        Scope::District => {
            let ids: Vec<Uuid> = UnitPath::from_stored(case.unit_path.clone())
                .ids()
                .into_iter()
                .map(|u| u.0)
                .collect();
            Ok(units::find_many(tx, &ids)
                .await?
                .into_iter()
                .find(|u| u.kind == "district")
                .map(|u| (u.id, u.path)))
        }
    }
}

/// The same week ± the half-width, 52 weeks back for each year, that are history and
/// not part of a verified outbreak: their cases.
async fn baseline(
    tx: &TenantTx,
    condition: Uuid,
    unit: Uuid,
    week: EpiWeek,
    years: u32,
    half_width: u32,
) -> ApiResult<Baseline> {
    let Some(first) = counts::first_week(tx, condition).await? else {
        return Ok(Baseline::default());
    };
    let outbreaks = repo::outbreak_windows(tx, condition, unit).await?;
    let weeks: Vec<EpiWeek> = (1..=years as i64)
        .flat_map(|y| {
            (-(half_width as i64)..=half_width as i64).map(move |d| week.plus(-52 * y + d))
        })
        .filter(|w| w.key() >= first)
        .filter(|w| {
            !outbreaks
                .iter()
                .any(|(from, to)| w.monday() <= *to && w.sunday() >= *from)
        })
        .collect();
    if weeks.is_empty() {
        return Ok(Baseline::default());
    }
    let keys: Vec<i32> = weeks.iter().map(|w| w.key()).collect();
    let found: HashMap<i32, i64> = counts::by_weeks(tx, condition, unit, &keys)
        .await?
        .into_iter()
        .collect();
    Ok(Baseline {
        counts: keys
            .iter()
            .map(|k| found.get(k).copied().unwrap_or(0))
            .collect(),
    })
}

/// Evaluate the condition's rules after `case` was written; each signal raised is
/// stored, e-mailed to the place's surveillance officers and announced. The events are
/// for `SurveillanceBus::committed` after the commit.
pub async fn evaluate_for_case(
    tx: &TenantTx,
    bus: &SurveillanceBus,
    case: &CaseRecord,
    condition_code: &str,
) -> ApiResult<Vec<SurveillanceEvent>> {
    let today = india_date(Utc::now());
    let mut raised = vec![];
    let (rules, _) = super::rules::in_force(tx, case.condition_id, condition_code).await?;
    for cr in rules {
        let Some((unit, path)) = place(tx, case, cr.scope).await? else {
            continue;
        };
        let week = EpiWeek::from_key(case.epi_week)?;
        // The window counted: the week of the case's onset, or the seven days to today
        // (a case with an older onset does not change those).
        let (from, to) = match cr.window {
            Window::EpiWeek => (week.monday(), week.sunday()),
            Window::Rolling7 => (today - Duration::days(6), today),
        };
        if case.onset_date < from || case.onset_date > to {
            continue;
        }
        let count = || cases_repo::count_in(tx, case.condition_id, &path, from, to);
        let (signal, village, from, to): (Option<Signal>, Option<String>, NaiveDate, NaiveDate) =
            match cr.rule.kind {
                RuleKind::Cluster { days, .. } => {
                    let Some(v) = case.village.clone() else {
                        continue;
                    };
                    let from = today - Duration::days(days as i64 - 1);
                    let onsets = cases_repo::onsets_in_village(
                        tx,
                        case.condition_id,
                        case.unit_id,
                        &v,
                        from,
                    )
                    .await?;
                    (cluster(&cr.rule, &onsets, today), Some(v), from, today)
                }
                RuleKind::Fixed { .. } => {
                    let n = count().await?;
                    (evaluate(&cr.rule, n, &Baseline::default()), None, from, to)
                }
                RuleKind::Rate { .. } => {
                    let n = count().await?;
                    if n < cr.rule.min_cases {
                        continue;
                    }
                    let people = rules_repo::population(tx, unit, to.year())
                        .await?
                        .map(|p| p.population);
                    (rate(&cr.rule, n, people), None, from, to)
                }
                RuleKind::BaselineMultiple {
                    years, half_width, ..
                }
                | RuleKind::MeanPlusSd {
                    years, half_width, ..
                } => {
                    let n = count().await?;
                    if n < cr.rule.min_cases {
                        continue; // below the minimum: no need to read the baseline
                    }
                    let base = baseline(
                        tx,
                        case.condition_id,
                        unit,
                        EpiWeek::of_date(to),
                        years,
                        half_width,
                    )
                    .await?;
                    (evaluate(&cr.rule, n, &base), None, from, to)
                }
            };
        let Some(signal) = signal else { continue };
        let last =
            repo::last_raised(tx, case.condition_id, &cr.key, unit, village.as_deref()).await?;
        if quiet(&cr.rule, last.map(india_date), today) {
            continue;
        }
        let row = AlertRecord {
            tenant_id: tx.tenant().0,
            id: Uuid::now_v7(),
            condition_id: case.condition_id,
            rule_key: cr.key.clone(),
            unit_id: unit,
            unit_path: path,
            village,
            window_from: from,
            window_to: to,
            cases: signal.cases,
            line: signal.line,
            explanation: signal.explanation.chars().take(300).collect(),
            status: "open".into(),
            raised_at: Utc::now(),
            verified_at: None,
            verified_by: None,
            verification_note: None,
            version: 1,
        };
        let alert = repo::insert(tx, row).await?;
        let place = units::find(tx, UnitId(alert.unit_id))
            .await?
            .map(|u| u.name)
            .unwrap_or_default();
        let at = alert
            .village
            .as_ref()
            .map(|v| format!("{v}, {place}"))
            .unwrap_or(place);
        notify::email_officers(
            tx,
            &alert.unit_path,
            &format!("Surveillance alert: {condition_code} in {at}"),
            &format!(
                "{condition_code} in {at}: {}. Verify it in Arogya (Disease surveillance, Alerts to verify); the verification clock runs 24 hours from now.",
                alert.explanation
            ),
        )
        .await?;
        raised
            .push(notify::announce(tx, bus, &alert.unit_path, "alert", alert.id, "raised").await?);
    }
    Ok(raised)
}

/// An alert with the names a queue shows.
pub struct AlertView {
    pub alert: AlertRecord,
    pub unit_name: String,
    /// The investigation a true signal opened.
    pub investigation_id: Option<Uuid>,
}

impl Surveillance<'_> {
    /// Alerts in the caller's reach, newest first (open ones only, or all).
    pub async fn alerts(&self, open_only: bool) -> ApiResult<Vec<AlertView>> {
        let reach = self.reach()?;
        let tx = self.tx(Access::Read).await?;
        let rows: Vec<AlertRecord> = repo::list(&tx, None, open_only, 500)
            .await?
            .into_iter()
            .filter(|a| reach.sees(&UnitPath::from_stored(a.unit_path.clone())))
            .collect();
        let ids: Vec<Uuid> = rows.iter().map(|a| a.unit_id).collect();
        let names: HashMap<Uuid, String> = units::find_many(&tx, &ids)
            .await?
            .into_iter()
            .map(|u| (u.id, u.name))
            .collect();
        let investigations: HashMap<Uuid, Uuid> = if open_only {
            HashMap::new() // open alerts have none yet
        } else {
            investigations::list(&tx, None, false, 1000)
                .await?
                .into_iter()
                .map(|i| (i.alert_id, i.id))
                .collect()
        };
        Ok(rows
            .into_iter()
            .map(|a| AlertView {
                unit_name: names.get(&a.unit_id).cloned().unwrap_or_default(),
                investigation_id: investigations.get(&a.id).copied(),
                alert: a,
            })
            .collect())
    }

    /// A surveillance officer says whether the signal is true (an outbreak to look into;
    /// its weeks leave future baselines) or not.
    pub async fn verify_alert(
        &self,
        id: Uuid,
        expected_version: i32,
        true_signal: bool,
        note: &str,
    ) -> ApiResult<AlertView> {
        let reach = self.reach()?;
        let note = note.split_whitespace().collect::<Vec<_>>().join(" ");
        if note.chars().count() < 5 || note.chars().count() > 500 {
            return Err(ApiError::validation(
                "note",
                "say what was checked, in 5 to 500 characters",
            ));
        }
        let mut tx = self.tx(Access::Write).await?;
        let alert = repo::find(&tx, id)
            .await?
            .filter(|a| reach.sees(&UnitPath::from_stored(a.unit_path.clone())))
            .ok_or_else(|| ApiError::from(DomainError::NotFound { entity: "alert" }))?;
        if !reach.sees_names(&UnitPath::from_stored(alert.unit_path.clone())) {
            return Err(ApiError::Forbidden(
                "alerts are verified by the surveillance officer of the place".into(),
            ));
        }
        let status = if true_signal {
            "true_signal"
        } else {
            "false_signal"
        };
        let by = arogya_domain::audit::Actor::from(self.principal)
            .id()
            .unwrap_or_default();
        if !repo::verify(&tx, id, expected_version, status, by, &note).await? {
            return Err(ApiError::Conflict(
                "the alert was verified by someone else meanwhile; reload it".into(),
            ));
        }
        self.audit(
            &mut tx,
            AuditAction::SurveillanceAlert,
            "surveillance_alert",
            Some(id),
            serde_json::json!({ "status": status }),
        )
        .await?;
        let saved = repo::find(&tx, id).await?.ok_or(ApiError::Internal)?;
        let unit_name = units::find(&tx, UnitId(saved.unit_id))
            .await?
            .map(|u| u.name)
            .unwrap_or_default();
        let mut events = vec![
            notify::announce(
                &tx,
                &self.state.surveillance,
                &saved.unit_path,
                "alert",
                id,
                "verified",
            )
            .await?,
        ];
        let mut investigation_id = None;
        if true_signal {
            let code = conditions::find(&tx, saved.condition_id)
                .await?
                .map(|c| c.code)
                .unwrap_or_default();
            let (inv, opened) = self
                .open_investigation(&tx, &saved, &code, &unit_name)
                .await?;
            investigation_id = Some(inv.id);
            events.extend(opened);
        }
        tx.commit().await?;
        // The weekly tables colour their cells by alerts: this one's colour changed.
        self.state.surveillance_table.forget(self.tenant()?);
        for e in events {
            self.state.surveillance.committed(e);
        }
        Ok(AlertView {
            alert: saved,
            unit_name,
            investigation_id,
        })
    }
}
