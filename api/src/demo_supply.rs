//! Demo medicines and supplies in West Bengal: the Central Medical Stores, Nadia's
//! district drug store and Krishnanagar District Hospital's pharmacy, each with
//! stock in several batches (paracetamol near expiry at the pharmacy, amoxicillin
//! out of stock there), an indent from the pharmacy waiting at the district, and the
//! store keeper's, district drug officer's and pharmacist's logins, and a monsoon kit
//! the hospital falls short of. The budget and orders are in `demo_supply_budget`.

use crate::app::supply::stock::{IssueInput, ReceiptInput};
use crate::app::supply::stores::StoreInput;
use crate::app::supply::Supply;
use crate::demo::DemoLogin;
use crate::demo_oxygen::{err, login, meta};
use crate::state::AppState;
use arogya_domain::access::Principal;
use arogya_domain::clinical::prescription::DosageForm;
use arogya_domain::ids::{FacilityId, TenantId, UnitId, UserId};
use arogya_domain::role::{Role, RoleGrant};
use arogya_domain::supply::item::{ItemForm, ItemKind, Schedule};
use arogya_domain::supply::store::StoreLevel;
use arogya_domain::user::LoginName;
use arogya_infra::db::Access;
use arogya_infra::repos::supply::stores as store_repo;
use arogya_infra::repos::users;
use chrono::{Duration, Utc};
use uuid::Uuid;

pub const KEEPER: DemoLogin = DemoLogin {
    tenant_code: Some("WB"),
    username: "cms.keeper",
    password: "cms-keeper-demo-2026",
};

pub const DRUG_OFFICER: DemoLogin = DemoLogin {
    tenant_code: Some("WB"),
    username: "ddo.nadia",
    password: "ddo-nadia-demo-2026",
};

pub const PHARMACIST: DemoLogin = DemoLogin {
    tenant_code: Some("WB"),
    username: "pharmacist",
    password: "pharmacist-demo-2026",
};

/// (code, generic name, strength, form, pack, unit, essential, schedule, over the counter, kind)
type Row = (
    &'static str,
    &'static str,
    Option<&'static str>,
    Option<DosageForm>,
    i32,
    &'static str,
    bool,
    Schedule,
    bool,
    ItemKind,
);

const ITEMS: [Row; 10] = [
    (
        "PARA-500",
        "Paracetamol",
        Some("500 mg"),
        Some(DosageForm::Tablet),
        10,
        "tablet",
        true,
        Schedule::None,
        true,
        ItemKind::Medicine,
    ),
    (
        "AMOX-500",
        "Amoxicillin",
        Some("500 mg"),
        Some(DosageForm::Capsule),
        10,
        "capsule",
        true,
        Schedule::H,
        false,
        ItemKind::Medicine,
    ),
    (
        "ORS-WHO",
        "Oral rehydration salts",
        Some("20.5 g/L"),
        Some(DosageForm::Powder),
        1,
        "sachet",
        true,
        Schedule::None,
        true,
        ItemKind::Medicine,
    ),
    (
        "ZINC-20",
        "Zinc sulphate",
        Some("20 mg"),
        Some(DosageForm::Tablet),
        10,
        "tablet",
        true,
        Schedule::None,
        true,
        ItemKind::Medicine,
    ),
    (
        "METF-500",
        "Metformin",
        Some("500 mg"),
        Some(DosageForm::Tablet),
        10,
        "tablet",
        true,
        Schedule::H,
        false,
        ItemKind::Medicine,
    ),
    (
        "AMLO-5",
        "Amlodipine",
        Some("5 mg"),
        Some(DosageForm::Tablet),
        10,
        "tablet",
        true,
        Schedule::H,
        false,
        ItemKind::Medicine,
    ),
    (
        "ACT-AL",
        "Artemether + lumefantrine",
        Some("20 mg + 120 mg"),
        Some(DosageForm::Tablet),
        24,
        "tablet",
        true,
        Schedule::H,
        false,
        ItemKind::Medicine,
    ),
    (
        "MORPH-10",
        "Morphine",
        Some("10 mg/mL"),
        Some(DosageForm::Injection),
        10,
        "ampoule",
        true,
        Schedule::X,
        false,
        ItemKind::Medicine,
    ),
    (
        "GLV-M",
        "Examination gloves, medium",
        None,
        None,
        100,
        "pair",
        false,
        Schedule::None,
        false,
        ItemKind::Consumable,
    ),
    (
        "RDT-MAL",
        "Malaria rapid diagnostic test (Pf/Pv)",
        None,
        None,
        25,
        "test",
        true,
        Schedule::None,
        false,
        ItemKind::Reagent,
    ),
];

fn staff(id: UserId, tenant: TenantId, grant: RoleGrant) -> Principal {
    Principal::Staff {
        id,
        tenant,
        grants: vec![grant],
    }
}

/// Write `days` days of history straight to the ledger, ending yesterday: `start`
/// units received, then `per_day` dispensed each day while they last.
#[allow(clippy::too_many_arguments)]
async fn history(
    state: &AppState,
    tenant: TenantId,
    store: Uuid,
    item: Uuid,
    batch: &str,
    start: i64,
    per_day: i64,
    by: UserId,
) -> anyhow::Result<()> {
    use arogya_domain::supply::ledger::MovementKind;
    use arogya_infra::repos::supply::batches::{self, NewBatch};
    use arogya_infra::repos::supply::stock::{self, Post};
    const DAYS: i64 = 60;
    let tx = state.db.tenant_tx(tenant, Access::Write).await?;
    let b = batches::find_or_insert(
        &tx,
        NewBatch {
            item_id: item,
            batch_no: batch.into(),
            expires_on: Utc::now().date_naive() + Duration::days(400),
            manufactured_on: None,
            manufacturer: Some("Karnataka Antibiotics & Pharmaceuticals".into()),
            supplier: Some("Nadia District Drug Store".into()),
            unit_price_paise: 60,
            quality_status: "not_required",
        },
        "batch",
    )
    .await?;
    stock::lock_item(&tx, store, item).await?;
    let day0 = Utc::now() - Duration::days(DAYS);
    let post = |at, kind, delta| Post {
        store,
        item,
        batch: b.id,
        kind,
        reason: None,
        delta,
        note: None,
        counterpart: None,
        document: None,
        at,
        by: by.0,
    };
    stock::post(&tx, &post(day0, MovementKind::Receipt, start)).await?;
    let mut left = start;
    for d in 1..DAYS {
        let q = per_day.min(left);
        if q == 0 {
            break;
        }
        stock::post(
            &tx,
            &post(day0 + Duration::days(d), MovementKind::Dispense, -q),
        )
        .await?;
        left -= q;
    }
    tx.commit().await?;
    Ok(())
}

fn acting<'a>(state: &'a AppState, principal: &'a Principal) -> Supply<'a> {
    Supply {
        state,
        principal,
        meta: meta(),
    }
}

/// Seed unless the tenant has stores already; returns the demo logins.
pub async fn seed(
    state: &AppState,
    tenant: TenantId,
    state_unit: UnitId,
    district: UnitId,
    hospital: FacilityId,
) -> anyhow::Result<Vec<DemoLogin>> {
    let keeper_grant = RoleGrant::new(Role::StoreKeeper, None, None)?;
    let ddo_grant = RoleGrant::new(Role::DistrictDrugOfficer, Some(district), None)?;
    let pharmacist_grant = RoleGrant::new(Role::Pharmacist, None, Some(hospital))?;
    let keeper_id = login(
        state,
        tenant,
        &KEEPER,
        "Central Medical Stores",
        keeper_grant,
    )
    .await?;
    let ddo_id = login(
        state,
        tenant,
        &DRUG_OFFICER,
        "Nadia District Drug Officer",
        ddo_grant,
    )
    .await?;
    let pharmacist_id = login(
        state,
        tenant,
        &PHARMACIST,
        "Demo Pharmacist",
        pharmacist_grant,
    )
    .await?;
    let logins = vec![KEEPER, DRUG_OFFICER, PHARMACIST];
    let tx = state.db.tenant_tx(tenant, Access::Read).await?;
    let seeded = !store_repo::all(&tx).await?.is_empty();
    let admin = users::find_by_login(&tx, &LoginName::parse("wb.admin")?).await?;
    tx.commit().await?;
    let Some(admin) = admin.filter(|_| !seeded) else {
        return Ok(logins);
    };
    let state_admin = staff(
        UserId(admin.id),
        tenant,
        RoleGrant::new(Role::StateAdmin, None, None)?,
    );
    let keeper = staff(keeper_id, tenant, keeper_grant);
    let ddo = staff(ddo_id, tenant, ddo_grant);
    let pharmacist = staff(pharmacist_id, tenant, pharmacist_grant);
    let admin_s = acting(state, &state_admin);

    let mut items = Vec::new();
    for (code, name, strength, form, pack, unit, essential, schedule, otc, kind) in ITEMS {
        let f = ItemForm {
            code: code.into(),
            name: name.into(),
            kind: Some(kind),
            strength: strength.map(Into::into),
            form,
            pack_size: pack,
            unit_of_issue: unit.into(),
            essential,
            schedule: Some(schedule),
            over_the_counter: otc,
        };
        items.push(admin_s.add_item(f).await.map_err(err)?.id);
    }
    let store = |name: &str, level, parent, unit, facility| StoreInput {
        name: name.into(),
        level,
        parent_id: parent,
        unit_id: unit,
        facility_id: facility,
        settings: None,
    };
    let cms = admin_s
        .create_store(store(
            "West Bengal Central Medical Stores",
            StoreLevel::State,
            None,
            Some(state_unit.0),
            None,
        ))
        .await
        .map_err(err)?;
    let dds = admin_s
        .create_store(store(
            "Nadia District Drug Store",
            StoreLevel::District,
            Some(cms.id),
            Some(district.0),
            None,
        ))
        .await
        .map_err(err)?;
    let pharmacy = admin_s
        .create_store(store(
            "Krishnanagar DH Pharmacy",
            StoreLevel::Facility,
            Some(dds.id),
            None,
            Some(hospital.0),
        ))
        .await
        .map_err(err)?;

    let receive = |store: Uuid, item: usize, batch: &str, days: i64, quantity: i64, paise: i64| {
        ReceiptInput {
            store_id: store,
            item_id: items[item],
            batch_no: batch.into(),
            expires_on: Utc::now().date_naive() + Duration::days(days),
            manufactured_on: Some(Utc::now().date_naive() - Duration::days(120)),
            manufacturer: Some("Karnataka Antibiotics & Pharmaceuticals".into()),
            supplier: Some("WBMSCL rate contract 2026-27".into()),
            unit_price_paise: paise,
            quantity,
            quality: None,
            note: None,
        }
    };
    // The state warehouse: every item, most in two batches.
    let k = acting(state, &keeper);
    for (i, _) in ITEMS.iter().enumerate() {
        k.receive_stock(receive(
            cms.id,
            i,
            &format!("CMS{i:02}A"),
            540,
            20_000,
            50 + 10 * i as i64,
        ))
        .await
        .map_err(err)?;
        if i % 2 == 0 {
            k.receive_stock(receive(
                cms.id,
                i,
                &format!("CMS{i:02}B"),
                200,
                5_000,
                50 + 10 * i as i64,
            ))
            .await
            .map_err(err)?;
        }
    }
    // Nadia's district store.
    let d = acting(state, &ddo);
    for (i, q) in [
        (0, 3_000),
        (1, 1_200),
        (2, 2_000),
        (3, 1_000),
        (4, 2_400),
        (5, 1_800),
        (6, 480),
        (8, 40),
    ] {
        d.receive_stock(receive(
            dds.id,
            i,
            &format!("NDS{i:02}"),
            300,
            q,
            55 + 10 * i as i64,
        ))
        .await
        .map_err(err)?;
    }
    // Two months of the pharmacy's daily dispensing, so AMC and months of stock mean
    // something on the first day of the demo.
    for (i, start, per_day) in [
        (0, 1_500, 22),
        (1, 400, 12),
        (2, 600, 8),
        (3, 300, 4),
        (4, 2_000, 30),
        (5, 1_200, 18),
    ] {
        history(
            state,
            tenant,
            pharmacy.id,
            items[i],
            &format!("KDH-H{i:02}"),
            start,
            per_day,
            pharmacist_id,
        )
        .await?;
    }
    // The pharmacy: paracetamol in two batches, one expiring in three weeks;
    // amoxicillin run out; a little morphine under the register.
    let p = acting(state, &pharmacist);
    p.receive_stock(receive(pharmacy.id, 0, "KDH-PARA-1", 21, 300, 60))
        .await
        .map_err(err)?;
    p.receive_stock(receive(pharmacy.id, 0, "KDH-PARA-2", 400, 500, 60))
        .await
        .map_err(err)?;
    p.receive_stock(receive(pharmacy.id, 1, "KDH-AMOX-1", 200, 60, 180))
        .await
        .map_err(err)?;
    p.issue_stock(IssueInput {
        store_id: pharmacy.id,
        item_id: items[1],
        quantity: 60,
        destination: "Paediatric ward (emergency supply)".into(),
        batches: None,
        override_reason: None,
    })
    .await
    .map_err(err)?;
    for (i, q) in [(2, 200), (3, 100), (4, 400), (5, 300), (7, 10), (8, 20)] {
        p.receive_stock(receive(pharmacy.id, i, &format!("KDH{i:02}"), 250, q, 70))
            .await
            .map_err(err)?;
    }
    // The monsoon kit every district hospital should hold.
    admin_s
        .define_kit(
            "Monsoon kit",
            Some("June to September: diarrhoea, fever, malaria".into()),
            vec![
                ("district_hospital".into(), items[0], 2_000),
                ("district_hospital".into(), items[1], 1_000),
                ("district_hospital".into(), items[2], 1_000),
                ("district_hospital".into(), items[3], 500),
                ("district_hospital".into(), items[6], 480),
                ("district_hospital".into(), items[9], 100),
            ],
        )
        .await
        .map_err(err)?;
    // The pharmacy asks the district for amoxicillin and ORS; it waits there.
    p.raise_indent(
        pharmacy.id,
        vec![(items[1], 600), (items[2], 300)],
        Some("Monsoon diarrhoea season".into()),
    )
    .await
    .map_err(err)?;
    crate::demo_supply_budget::seed(state, tenant, &admin_s, &k, cms.id, &items).await?;
    Ok(logins)
}
