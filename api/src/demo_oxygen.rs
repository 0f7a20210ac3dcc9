//! Demo oxygen management in Nadia: Krishnanagar District Hospital (an LMO tank, jumbo
//! cylinders and a PSA plant, refilled as it should be) and Shantipur State General
//! Hospital, whose small tank is heading for empty so a critical alert shows; 30 days
//! of daily readings for both, a tanker on its way, an oxygen officer and the district
//! oxygen committee's logins, and HFNCs arriving against an order of 300.

use crate::app::facilities::create_facility;
use crate::app::oxygen::deliveries::{Dispatch, Load};
use crate::app::oxygen::Oxygen;
use crate::app::users::create_user;
use crate::app::NewAccount;
use crate::demo::DemoLogin;
use crate::state::AppState;
use arogya_domain::access::Principal;
use arogya_domain::access::UnitReach;
use arogya_domain::appointment::{ist_date, ist_midnight};
use arogya_domain::audit::Actor;
use arogya_domain::facility::{BedCapacity, FacilityForm};
use arogya_domain::ids::{FacilityId, TenantId, UnitId, UserId};
use arogya_domain::oxygen::entry::{
    CylinderCount, Gauge, LiquidDelivery, PatientsOnOxygen, PlantRun, Readings, TankReading,
};
use arogya_domain::oxygen::equipment::{
    EquipmentForm, EquipmentKind, EquipmentSource, EquipmentStatus, OrderForm,
};
use arogya_domain::oxygen::sources::{Capacity, CylinderType, SourceForm};
use arogya_domain::oxygen::units::LiquidUnit;
use arogya_domain::role::{Role, RoleGrant};
use arogya_domain::user::{DisplayName, Email, LoginName, NewPassword, Username};
use arogya_infra::db::Access;
use arogya_infra::repos::audit::RequestMeta;
use arogya_infra::repos::oxygen::sources as source_repo;
use arogya_infra::repos::users;
use chrono::{Duration, Utc};

pub const OFFICER: DemoLogin = DemoLogin {
    tenant_code: Some("WB"),
    username: "o2.officer",
    password: "o2-officer-demo-2026",
};

pub const COMMITTEE: DemoLogin = DemoLogin {
    tenant_code: Some("WB"),
    username: "o2.nadia",
    password: "o2-committee-demo-2026",
};

pub(crate) fn err(e: crate::error::ApiError) -> anyhow::Error {
    anyhow::anyhow!("{e:?}")
}

pub(crate) fn meta() -> RequestMeta {
    RequestMeta {
        request_id: Some("seed-demo".into()),
        client_addr: None,
    }
}

pub(crate) async fn login(
    state: &AppState,
    tenant: TenantId,
    l: &DemoLogin,
    name: &str,
    grant: RoleGrant,
) -> anyhow::Result<UserId> {
    let tx = state.db.tenant_tx(tenant, Access::Read).await?;
    let existing = users::find_by_login(&tx, &LoginName::parse(l.username)?).await?;
    tx.commit().await?;
    if let Some(u) = existing {
        return Ok(UserId(u.id));
    }
    let username = Username::parse(l.username)?;
    let account = NewAccount {
        password: NewPassword::parse(l.password, "password", Some(&username))?,
        email: Some(Email::parse(&format!("{}@nadia.example", l.username))?),
        username,
        display_name: DisplayName::parse(name)?,
        grants: vec![grant],
    };
    Ok(UserId(
        create_user(state, Actor::System, &meta(), tenant, account, true)
            .await
            .map_err(err)?
            .id,
    ))
}

/// A day's readings: the tank's gauge, the cylinders, and what came and was made.
struct Day {
    percent: f64,
    full: i32,
    refill_kl: Option<f64>,
    plant_hours: Option<f64>,
    patients: PatientsOnOxygen,
}

/// Seed unless the tenant has oxygen sources already; returns the demo logins.
pub async fn seed(
    state: &AppState,
    tenant: TenantId,
    district: UnitId,
    hospital: FacilityId,
) -> anyhow::Result<Vec<DemoLogin>> {
    let officer_id = login(
        state,
        tenant,
        &OFFICER,
        "Demo Oxygen Officer",
        RoleGrant::new(Role::OxygenOfficer, None, Some(hospital))?,
    )
    .await?;
    login(
        state,
        tenant,
        &COMMITTEE,
        "Nadia Oxygen Committee",
        RoleGrant::new(Role::OxygenCommittee, Some(district), None)?,
    )
    .await?;
    let logins = vec![OFFICER, COMMITTEE];
    let tx = state.db.tenant_tx(tenant, Access::Read).await?;
    let seeded = !source_repo::all_active(&tx).await?.is_empty();
    let admin = users::find_by_login(&tx, &LoginName::parse("wb.admin")?).await?;
    tx.commit().await?;
    let Some(admin) = admin.filter(|_| !seeded) else {
        return Ok(logins);
    };
    // The state administrator sets things up; the officer enters Krishnanagar's readings.
    let state_admin = Principal::Staff {
        id: UserId(admin.id),
        tenant,
        grants: vec![RoleGrant::new(Role::StateAdmin, None, None)?],
    };
    let officer = Principal::Staff {
        id: officer_id,
        tenant,
        grants: vec![RoleGrant::new(Role::OxygenOfficer, None, Some(hospital))?],
    };
    let o = Oxygen {
        state,
        principal: &state_admin,
        meta: meta(),
    };
    let shantipur = create_facility(
        state,
        Actor::System,
        &meta(),
        tenant,
        &UnitReach::Whole,
        district,
        FacilityForm {
            name: "Shantipur State General Hospital".into(),
            facility_type: "state_general_hospital".into(),
            ownership: "public".into(),
            address: Some("Hospital More, Shantipur".into()),
            pincode: Some("741404".into()),
            beds: BedCapacity {
                general: 120,
                oxygen_supported: 30,
                hdu: 6,
                ..Default::default()
            },
            ..Default::default()
        }
        .validate()?,
    )
    .await
    .map_err(err)?;
    let jumbo = o
        .add_cylinder_type(CylinderType::parse(
            "D",
            "Jumbo (D type)",
            7000.0,
            None,
            None,
        )?)
        .await
        .map_err(err)?;
    let b_type = o
        .add_cylinder_type(CylinderType::parse("B", "B type", 1500.0, None, None)?)
        .await
        .map_err(err)?;
    let source =
        |name: &str, capacity: Capacity, beds: i32| SourceForm::parse(name, capacity, beds);
    let k_tank = o
        .declare_source(
            hospital.0,
            source(
                "LMO tank",
                Capacity::LmoTank {
                    amount: 10.0,
                    unit: LiquidUnit::Kilolitre,
                    usable_fraction: 0.9,
                },
                180,
            )?,
        )
        .await
        .map_err(err)?;
    o.declare_source(
        hospital.0,
        source(
            "Jumbo cylinder bank",
            Capacity::Cylinders {
                cylinder_type: jumbo.id,
                owned: 40,
            },
            20,
        )?,
    )
    .await
    .map_err(err)?;
    let k_psa = o
        .declare_source(
            hospital.0,
            source(
                "PSA plant (PM CARES)",
                Capacity::PsaPlant {
                    litres_per_minute: 500.0,
                    purity_percent: 93.0,
                },
                60,
            )?,
        )
        .await
        .map_err(err)?;
    let s_tank = o
        .declare_source(
            shantipur.id,
            source(
                "LMO tank",
                Capacity::LmoTank {
                    amount: 3.0,
                    unit: LiquidUnit::Kilolitre,
                    usable_fraction: 0.9,
                },
                40,
            )?,
        )
        .await
        .map_err(err)?;
    o.declare_source(
        shantipur.id,
        source(
            "B-type cylinders",
            Capacity::Cylinders {
                cylinder_type: b_type.id,
                owned: 30,
            },
            6,
        )?,
    )
    .await
    .map_err(err)?;

    // 30 days of readings at 08:00 IST (today's no later than a few minutes ago).
    let now = Utc::now();
    let today = ist_date(now);
    let as_officer = Oxygen {
        state,
        principal: &officer,
        meta: meta(),
    };
    let mut k_pct: f64 = 85.0;
    // Just after midnight in India today's reading is only minutes old: a plant cannot
    // have run longer than the time since the previous reading.
    let mut previous: Option<chrono::DateTime<Utc>> = None;
    let mut s_pct: f64 = 78.0;
    for back in (0..30i64).rev() {
        let day = today - Duration::days(back);
        let at = (ist_midnight(day) + Duration::hours(8)).min(now - Duration::minutes(5));
        let wobble = ((back * 7) % 5) as f64;
        // Krishnanagar: about 11 % of its tank a day beside its plant, refilled below 40 %.
        let refill = (k_pct < 40.0).then_some(5.0);
        if back < 29 {
            k_pct = k_pct - 9.0 - wobble + refill.map_or(0.0, |kl| kl * 10.0);
        }
        let k = Day {
            percent: k_pct,
            full: 22 + (back % 4) as i32,
            refill_kl: if back < 29 { refill } else { None },
            plant_hours: previous.map(|p| {
                let since = (at - p).num_minutes() as f64 / 60.0;
                (20.0 + wobble / 2.0).min((since - 0.1).max(0.0))
            }),
            patients: PatientsOnOxygen {
                nasal_cannula: 40 + wobble as i32,
                mask: 15,
                hfnc: 6,
                niv: 4,
                invasive_ventilation: 6,
            },
        };
        let mut r = Readings {
            tanks: vec![TankReading {
                source: k_tank.id,
                gauge: Gauge::Percent(k.percent),
            }],
            cylinders: vec![CylinderCount {
                cylinder_type: jumbo.id,
                full: k.full,
                in_use: 4,
                empty: 40 - k.full - 4,
                sent_for_refill: 0,
            }],
            patients: Some(k.patients),
            ..Default::default()
        };
        if let Some(h) = k.plant_hours {
            r.plants = vec![PlantRun {
                source: k_psa.id,
                running_hours: h,
                fault: (back == 0).then(|| "compressor tripped twice; restarted".into()),
            }];
        }
        if let Some(kl) = k.refill_kl {
            // The cylinders are counted the same before and after, so the refill shows.
            r.liquid_received = vec![LiquidDelivery {
                source: k_tank.id,
                quantity: kl,
                unit: LiquidUnit::Kilolitre,
                tanker: Some("WB-25-7788".into()),
                supplier: "Inox Air Products".into(),
                challan: Some(format!("INX-{}", day.format("%m%d"))),
            }];
            r.cylinders[0].full = 22;
        }
        as_officer.record(hospital.0, at, r).await.map_err(err)?;
        previous = Some(at);

        // Shantipur: under 2 % a day for weeks, then a surge and no refill: 11 % today.
        s_pct = match back {
            29 => s_pct,
            3.. => s_pct - 1.5 - wobble / 8.0,
            1 | 2 => s_pct - 6.0,
            _ => 11.0,
        };
        let s = Readings {
            tanks: vec![TankReading {
                source: s_tank.id,
                gauge: Gauge::Percent(s_pct),
            }],
            cylinders: vec![CylinderCount {
                cylinder_type: b_type.id,
                full: 0,
                in_use: 0,
                empty: 30,
                sent_for_refill: 0,
            }],
            patients: Some(PatientsOnOxygen {
                nasal_cannula: if back < 3 { 22 } else { 8 },
                mask: if back < 3 { 6 } else { 2 },
                ..Default::default()
            }),
            ..Default::default()
        };
        o.record(shantipur.id, at, s).await.map_err(err)?;
    }

    // A tanker on its way to Krishnanagar.
    o.dispatch_delivery(
        hospital.0,
        Dispatch {
            supplier: "Inox Air Products".into(),
            vehicle: Some("WB-25-7788".into()),
            challan: Some("INX-NEXT".into()),
            load: Load::Liquid {
                tank: k_tank.id,
                quantity: 5.0,
                unit: LiquidUnit::Kilolitre,
            },
            dispatched_at: Some(now - Duration::hours(2)),
            expected_at: now + Duration::hours(20),
        },
    )
    .await
    .map_err(err)?;

    // 300 HFNCs ordered; the first five arrived at Krishnanagar; two ventilators.
    let order = o
        .place_order(
            OrderForm::parse(
                EquipmentKind::Hfnc,
                "Fisher & Paykel Healthcare India",
                300,
                today - Duration::days(60),
                Some(today + Duration::days(30)),
                Some("WB/HFNC/2026/300"),
                today,
            )?,
            None,
        )
        .await
        .map_err(err)?;
    for i in 1..=5 {
        let f = EquipmentForm::parse(
            EquipmentKind::Hfnc,
            "Fisher & Paykel",
            "Airvo 2",
            &format!("AIRVO-NAD-{i:03}"),
            EquipmentSource::Procured,
            EquipmentStatus::Functional,
            Some(today - Duration::days(20)),
            None,
            today,
        )?;
        o.register_equipment(hospital.0, f, Some(order.id))
            .await
            .map_err(err)?;
    }
    for (serial, status) in [
        ("SAV-3001", EquipmentStatus::Functional),
        ("SAV-3002", EquipmentStatus::UnderRepair),
    ] {
        let f = EquipmentForm::parse(
            EquipmentKind::InvasiveVentilator,
            "Dräger",
            "Savina 300",
            serial,
            EquipmentSource::Donated,
            status,
            Some(today - Duration::days(400)),
            Some(today - Duration::days(45)),
            today,
        )?;
        o.register_equipment(hospital.0, f, None)
            .await
            .map_err(err)?;
    }
    Ok(logins)
}
