//! Demo surveillance: Nadia's district surveillance officer, and six weeks of cases
//! reported from the field by the demo surveyor, with a dengue cluster in one ward of
//! Krishnanagar in the last ten days (what the alert rules will be shown on).

use crate::app::surveillance::Surveillance;
use crate::demo::DemoLogin;
use crate::demo_oxygen::{err, login, meta};
use crate::state::AppState;
use arogya_domain::access::Principal;
use arogya_domain::ids::{TenantId, UnitId, UserId};
use arogya_domain::role::{Role, RoleGrant};
use arogya_domain::surveillance::case::{CaseSex, FieldReport};
use arogya_domain::surveillance::epi_week::india_date;
use arogya_domain::user::LoginName;
use arogya_infra::db::Access;
use arogya_infra::repos::users;
use chrono::{Duration, Utc};

pub const OFFICER: DemoLogin = DemoLogin {
    tenant_code: Some("WB"),
    username: "dso.nadia",
    password: "dso-nadia-demo-2026",
};

/// Seed once: with the officer's account (the demo's diagnoses raise cases of their own).
pub async fn seed(
    state: &AppState,
    tenant: TenantId,
    district: UnitId,
    block: UnitId,
) -> anyhow::Result<()> {
    let tx = state.db.tenant_tx(tenant, Access::Read).await?;
    let seeded = users::find_by_login(&tx, &LoginName::parse(OFFICER.username)?)
        .await?
        .is_some();
    let surveyor = users::find_by_login(&tx, &LoginName::parse("wb.surveyor")?).await?;
    tx.commit().await?;
    login(
        state,
        tenant,
        &OFFICER,
        "Nadia District Surveillance Officer",
        RoleGrant::new(Role::SurveillanceOfficer, Some(district), None)?,
    )
    .await?;
    let Some(surveyor) = surveyor.filter(|_| !seeded) else {
        return Ok(());
    };
    let principal = Principal::Staff {
        id: UserId(surveyor.id),
        tenant,
        grants: vec![RoleGrant::new(Role::Surveyor, None, None)?],
    };
    let s = Surveillance {
        state,
        principal: &principal,
        meta: meta(),
    };
    let today = india_date(Utc::now());
    let names = [
        "Rekha Mondal",
        "Sabir Sk",
        "Papia Ghosh",
        "Ratan Das",
        "Mousumi Biswas",
        "Arif Mallick",
        "Tania Pal",
    ];
    let mut n = 0usize;
    let mut report =
        |condition: &'static str, days_ago: i64, village: &'static str, symptoms: &'static str| {
            n += 1;
            let name = names[n % names.len()];
            let age = [4, 9, 23, 31, 46, 67][n % 6];
            let sex = if n.is_multiple_of(2) {
                CaseSex::Female
            } else {
                CaseSex::Male
            };
            (
                condition,
                FieldReport {
                    name: name.into(),
                    age_years: age,
                    sex,
                    village: village.into(),
                    symptoms: symptoms.into(),
                    onset: today - Duration::days(days_ago),
                    phone: None,
                },
            )
        };
    let mut all = vec![];
    for week in 1..6 {
        all.push(report(
            "ADD",
            week * 7 + 1,
            "Ghurni",
            "loose stools, vomiting",
        ));
        all.push(report("ADD", week * 7 + 3, "Bahadurpur", "loose stools"));
        if week % 2 == 0 {
            all.push(report(
                "MALARIA",
                week * 7 + 2,
                "Chapra",
                "fever with chills",
            ));
        }
    }
    // The cluster: dengue in one ward, six cases in ten days.
    for d in [9, 7, 5, 4, 2, 1] {
        all.push(report(
            "DENGUE",
            d,
            "Krishnanagar ward 7",
            "fever, headache, pain behind the eyes",
        ));
    }
    for (condition, r) in all {
        s.report(condition, block, r, None).await.map_err(err)?;
    }
    weekly_reports(state, tenant, district, surveyor.id).await?;
    map_for_dhis2(state, tenant, district).await
}

/// Seven weeks of Nadia's weekly reports, sent at the times they would have been (so
/// written directly, not through the send that stamps "now"): most on Monday, some on
/// Wednesday (late), a few never; last week only the first facility has sent yet.
async fn weekly_reports(
    state: &AppState,
    tenant: TenantId,
    district: UnitId,
    by: uuid::Uuid,
) -> anyhow::Result<()> {
    use arogya_domain::surveillance::epi_week::EpiWeek;
    use arogya_infra::repos::surveillance::reporting::{self as repo, ReportRecord};
    use arogya_infra::repos::units;
    let tx = state.db.tenant_tx(tenant, Access::Write).await?;
    let Some(place) = units::find(&tx, district).await? else {
        return Ok(());
    };
    let this = EpiWeek::of_instant(Utc::now());
    for (i, f) in repo::reporting_units(&tx, Some(&place.path))
        .await?
        .into_iter()
        .enumerate()
    {
        for back in 1..=7i64 {
            let week = this.plus(-back);
            let sends = if back == 1 {
                i == 0
            } else {
                (i as i64 + back) % 5 != 0
            };
            if !sends {
                continue;
            }
            // Monday 10:00 IST, or Wednesday when late.
            let late = (i as i64 + back) % 3 == 0;
            let day = week.sunday() + Duration::days(if late { 3 } else { 1 });
            let at = day.and_hms_opt(4, 30, 0).unwrap_or_default().and_utc();
            let cases = repo::facility_cases(&tx, f.id, week.key()).await?;
            repo::insert(
                &tx,
                ReportRecord {
                    tenant_id: tenant.0,
                    id: uuid::Uuid::now_v7(),
                    facility_id: f.id,
                    unit_path: f.unit_path.clone(),
                    epi_week: week.key(),
                    first_submitted_at: at,
                    last_submitted_at: at,
                    submitted_by: by,
                    cases,
                    note: None,
                    version: 1,
                },
            )
            .await?;
        }
    }
    tx.commit().await?;
    Ok(())
}

/// A made-up DHIS2 set-up, so the DHIS2 screen has something to export: Nadia and three
/// diseases are mapped (the identifiers are invented); malaria is left unmapped, to show
/// what the screen says about cases it cannot send.
async fn map_for_dhis2(state: &AppState, tenant: TenantId, district: UnitId) -> anyhow::Result<()> {
    use crate::app::surveillance::dhis2::MappingTarget;
    use arogya_domain::surveillance::dhis2::{Dhis2Uid, Measure};
    use arogya_infra::repos::surveillance::conditions;
    let tx = state.db.tenant_tx(tenant, Access::Read).await?;
    let admin = users::find_by_login(&tx, &LoginName::parse("wb.admin")?).await?;
    let mut targets = vec![(MappingTarget::OrgUnit(district), "NadiaDemo01")];
    for (code, measure, uid) in [
        ("DENGUE", Measure::Cases, "DengueDemo1"),
        ("DENGUE", Measure::Deaths, "DengueDemo2"),
        ("ADD", Measure::Cases, "DiarrhDemo1"),
        ("CHOLERA", Measure::Cases, "CholerDemo1"),
    ] {
        if let Some(c) = conditions::find_by_code(&tx, code).await? {
            targets.push((MappingTarget::DataElement(c.id, measure), uid));
        }
    }
    tx.commit().await?;
    let Some(admin) = admin else { return Ok(()) };
    let principal = Principal::Staff {
        id: UserId(admin.id),
        tenant,
        grants: vec![RoleGrant::new(Role::StateAdmin, None, None)?],
    };
    let s = Surveillance {
        state,
        principal: &principal,
        meta: meta(),
    };
    for (target, uid) in targets {
        s.set_dhis2_mapping(target, Some(Dhis2Uid::parse(uid, "dhis2Id")?), None)
            .await
            .map_err(err)?;
    }
    Ok(())
}
