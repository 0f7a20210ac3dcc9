//! Demo scorecards and an award: the roll-out demo's hospitals get a children's ward
//! with stays over the past months (some ended by death or referral), the state
//! defines scorecards for paediatrics and medicine over this financial year, and a
//! paediatrics round is frozen and decided by `wb.admin`, so the winner's certificate
//! can be printed. The state's health officer is named to receive the monthly report.

use crate::app::dashboards::Dashboards;
use crate::app::professionals::today;
use crate::demo_indicators::{ended_stay, StayPlace};
use crate::demo_oxygen::{err, meta};
use crate::state::AppState;
use arogya_domain::access::Principal;
use arogya_domain::dashboards::awards::AwardTitle;
use arogya_domain::dashboards::scorecard::{
    ScoreIndicator as I, ScoreItem, ScorePeriod, ScorecardRules,
};
use arogya_domain::ids::{TenantId, UserId};
use arogya_domain::inpatient::admission::DischargeOutcome;
use arogya_domain::inpatient::beds::BedType;
use arogya_domain::inpatient::wards::{Department, Ward};
use arogya_domain::role::{Role, RoleGrant};
use arogya_domain::user::LoginName;
use arogya_infra::db::Access;
use arogya_infra::repos::inpatient::wards;
use arogya_infra::repos::{facilities, professionals, users};
use chrono::{Datelike, Duration, Months, TimeZone, Utc};
use uuid::Uuid;

const HOSPITALS: [&str; 4] = [
    "district_hospital",
    "sub_divisional_hospital",
    "medical_college_hospital",
    "state_general_hospital",
];

pub async fn seed(
    state: &AppState,
    tenant: TenantId,
    others: &[Uuid],
    doctor: UserId,
) -> anyhow::Result<()> {
    stays(state, tenant, others, doctor).await?;
    let tx = state.db.tenant_tx(tenant, Access::Read).await?;
    let admin = users::find_by_login(&tx, &LoginName::parse("wb.admin")?).await?;
    tx.commit().await?;
    let Some(admin) = admin else {
        return Ok(());
    };
    let principal = Principal::Staff {
        id: UserId(admin.id),
        tenant,
        grants: vec![RoleGrant::new(Role::StateAdmin, None, None)?],
    };
    let d = Dashboards {
        state,
        principal: &principal,
        meta: meta(),
    };
    // The state's health officer receives the whole state's monthly report.
    d.add_report_recipient(
        arogya_domain::user::Email::parse("sho.reports@wb.gov.in")?,
        crate::app::dashboards::indicators::PlaceRef::Reach,
    )
    .await
    .map_err(err)?;
    let today = today();
    let fy = if today.month() >= 4 {
        today.year()
    } else {
        today.year() - 1
    };
    let period = ScorePeriod::parse(&format!("{fy}-04"), &format!("{}-03", fy + 1), today)?;
    let item = |indicator: I, weight| ScoreItem {
        indicator,
        direction: indicator.usual_direction(),
        weight,
    };
    let types: Vec<String> = HOSPITALS.iter().map(|t| t.to_string()).collect();
    let paediatrics = d
        .save_scorecard(
            None,
            ScorecardRules::parse(
                "Paediatrics",
                "paediatrics",
                vec![
                    item(I::OpdVisits, 1),
                    item(I::Admissions, 1),
                    item(I::MortalityRate, 3),
                    item(I::AverageLengthOfStay, 1),
                    item(I::ReferralRate, 2),
                ],
                10,
                types.clone(),
            )?,
            period,
        )
        .await
        .map_err(err)?;
    d.save_scorecard(
        None,
        ScorecardRules::parse(
            "Medicine",
            "medicine",
            vec![item(I::OpdVisits, 1), item(I::ReferralRate, 1)],
            10,
            types,
        )?,
        period,
    )
    .await
    .map_err(err)?;
    let round = d
        .freeze_award_round(
            paediatrics.record.id,
            paediatrics.record.version,
            AwardTitle::parse(&format!(
                "Best hospital in paediatrics, {fy}–{:02} (first half)",
                (fy + 1) % 100
            ))?,
        )
        .await
        .map_err(err)?;
    let winners: Vec<(Uuid, u32)> = round
        .result
        .iter()
        .filter(|s| s.rank.is_some())
        .take(2)
        .enumerate()
        .map(|(i, s)| (s.facility, i as u32 + 1))
        .collect();
    if !winners.is_empty() {
        d.decide_award_round(
            round.record.id,
            round.record.version,
            "State award committee, demo meeting: first and second places as ranked.",
            &winners,
        )
        .await
        .map_err(err)?;
    }
    Ok(())
}

/// A children's ward with one bed at each demo hospital, and stays there over the
/// past five months, written through the same repositories as live stays.
async fn stays(
    state: &AppState,
    tenant: TenantId,
    others: &[Uuid],
    doctor: UserId,
) -> anyhow::Result<()> {
    let tx = state.db.tenant_tx(tenant, Access::Write).await?;
    let Some(professional) = professionals::find_by_user(&tx, doctor.0).await? else {
        return Ok(());
    };
    let hospitals: Vec<Uuid> = facilities::find_many(&tx, others)
        .await?
        .into_iter()
        .filter(|f| HOSPITALS.contains(&f.facility_type.as_str()))
        .map(|f| f.id)
        .collect();
    let now = Utc::now();
    for (h, hospital) in hospitals.iter().enumerate() {
        let ward = wards::insert_ward(
            &tx,
            *hospital,
            &Ward {
                name: "Children's ward".into(),
                department: Department::Paediatrics,
                floor: None,
                phone: None,
            },
        )
        .await?;
        let bed = wards::insert_bed(&tx, &ward, "C1", BedType::Paediatric).await?;
        for back in 1..=5u32 {
            let month = now
                .date_naive()
                .checked_sub_months(Months::new(back))
                .and_then(|d| d.with_day(1))
                .unwrap_or(now.date_naive());
            let n = 3 + (h as u32 + back) % 4;
            for s in 0..n {
                let admitted = Utc.from_utc_datetime(
                    &(month + Duration::days((s * 5) as i64))
                        .and_hms_opt(7, 0, 0)
                        .unwrap_or_default(),
                );
                // Hospitals differ: stays of 2 to 5 days, a death or a referral now and then.
                let ended = admitted + Duration::days(2 + ((h as u32 + s) % 4) as i64);
                let outcome = match (h as u32 * 7 + s * 3 + back) % 11 {
                    0 => DischargeOutcome::Died,
                    1 | 2 => DischargeOutcome::Referred,
                    _ => DischargeOutcome::Recovered,
                };
                let place = StayPlace {
                    facility: *hospital,
                    ward: ward.id,
                    bed: bed.id,
                    department: Department::Paediatrics,
                };
                let who = format!("Demo child {s} of {}", month.format("%B %Y"));
                ended_stay(
                    &tx,
                    &place,
                    (professional.id, doctor.0),
                    who,
                    (admitted, ended),
                    outcome,
                )
                .await?;
            }
        }
    }
    tx.commit().await?;
    Ok(())
}
