//! Demo training: an infection prevention refresher at the demo district hospital,
//! three days from the day the demo is seeded, trained by the demo nurse (Sister Rekha
//! Mondal, login `wb.nurse`) with six nominees and the first day marked; and an oxygen
//! therapy course the week after, with nobody marked yet.

use crate::app::professionals::{self as registry, today, FirstPosting};
use crate::app::training::register::MarkInput;
use crate::app::training::{NewSession, Training};
use crate::demo_oxygen::{err, meta};
use crate::state::AppState;
use arogya_domain::access::{Principal, UnitReach};
use arogya_domain::audit::Actor;
use arogya_domain::ids::{FacilityId, TenantId, UserId};
use arogya_domain::professional::ProfessionalForm;
use arogya_domain::role::{Role, RoleGrant};
use arogya_domain::training::attendance::AttendanceMark;
use arogya_domain::training::session::NewTraining;
use arogya_domain::user::LoginName;
use arogya_infra::db::Access;
use arogya_infra::repos::professionals::NewAttachment;
use arogya_infra::repos::{professionals, users};
use chrono::{Duration, Utc};
use uuid::Uuid;

/// Health workers of the hospital with no account, nominated with the staff.
const WORKERS: [(&str, &str, &str); 3] = [
    ("Mita Biswas", "nurse", "Staff Nurse"),
    ("Sabina Khatun", "midwife", "Auxiliary Nurse Midwife"),
    ("Rina Pramanik", "asha_chw", "ASHA Facilitator"),
];

pub async fn seed(state: &AppState, tenant: TenantId, facility: FacilityId) -> anyhow::Result<()> {
    let tx = state.db.tenant_tx(tenant, Access::Read).await?;
    let admin = users::find_by_login(&tx, &LoginName::parse("wb.admin")?).await?;
    let nurse = users::find_by_login(&tx, &LoginName::parse("wb.nurse")?).await?;
    let staff = professionals::staff_of_facilities(&tx, &[facility.0], today()).await?;
    tx.commit().await?;
    let (Some(admin), Some(nurse)) = (admin, nurse) else {
        return Ok(());
    };
    let tx = state.db.tenant_tx(tenant, Access::Read).await?;
    let trainer = professionals::find_by_user(&tx, nurse.id)
        .await?
        .map(|p| p.id);
    tx.commit().await?;
    let mut nominees: Vec<Uuid> = staff
        .iter()
        .map(|a| a.professional_id)
        .filter(|p| Some(*p) != trainer)
        .collect();
    for (name, kind, designation) in WORKERS {
        let form = ProfessionalForm {
            name: name.into(),
            kind: kind.into(),
            languages: vec!["Bengali".into()],
            ..Default::default()
        };
        let posting = FirstPosting {
            facility,
            attachment: NewAttachment {
                designation: designation.into(),
                department: None,
                from: chrono::NaiveDate::from_ymd_opt(2023, 4, 1).unwrap_or_default(),
                to: None,
            },
        };
        let p = registry::create(
            state,
            Actor::System,
            &meta(),
            tenant,
            &UnitReach::Whole,
            form.validate(today())?,
            Some(posting),
        )
        .await
        .map_err(err)?;
        nominees.push(p.id);
    }
    let principal = Principal::Staff {
        id: UserId(admin.id),
        tenant,
        grants: vec![RoleGrant::new(Role::StateAdmin, None, None)?],
    };
    let t = Training {
        state,
        principal: &principal,
        meta: meta(),
    };
    let day = today();
    let ipc = t
        .schedule(NewSession {
            training: NewTraining::parse(
                "Infection prevention and control refresher",
                "infection_prevention",
                day,
                day + Duration::days(2),
                Some(30),
                day,
            )?,
            facility,
            trainer,
        })
        .await
        .map_err(err)?;
    t.nominate(ipc.session.id, nominees.clone())
        .await
        .map_err(err)?;
    // Day one: everyone came but the ASHA facilitator, who is marked absent.
    let marks = nominees
        .iter()
        .enumerate()
        .map(|(i, p)| MarkInput {
            professional: *p,
            mark: if i + 1 == nominees.len() {
                AttendanceMark::Absent
            } else {
                AttendanceMark::Present
            },
            based_on: 0,
        })
        .collect();
    t.mark(ipc.session.id, day, Utc::now(), marks)
        .await
        .map_err(err)?;
    let oxygen = t
        .schedule(NewSession {
            training: NewTraining::parse(
                "Oxygen therapy and high-flow nasal cannula",
                "oxygen_critical_care",
                day + Duration::days(7),
                day + Duration::days(8),
                Some(20),
                day,
            )?,
            facility,
            trainer: None,
        })
        .await
        .map_err(err)?;
    t.nominate(oxygen.session.id, nominees.into_iter().take(4).collect())
        .await
        .map_err(err)?;
    Ok(())
}
