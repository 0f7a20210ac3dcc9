//! Dispensing at Kolkata DH's pharmacy against a doctor's prescription found by
//! health ID: as prescribed, substituted with a reason, not available (counted),
//! a controlled drug with a colleague's second signature; walk-ins get only
//! over-the-counter items; a repeated submit dispenses once.

use super::fhir::{get, resources, validate};
use super::helpline::rls_keeps_tenants_apart;
use super::idempotency::post;
use super::records::{add, added};
use super::supply_support::*;
use arogya_tests::{expect_data, expect_error, Backend, TestApp};
use serde_json::{json, Value};

const TO_DISPENSE: &str = "query($s: ID!, $h: String!) { prescriptionsToDispense(storeId: $s, healthId: $h) { name healthId prescriptions { id lines { line drugName dispensedQuantity dispenses { outcome quantity reason witnessed } candidates { item { code } usable } } } } }";
const DISPENSE: &str = "mutation($i: DispenseInput!) { dispensePrescription(input: $i) { id line itemId quantity outcome reason witnessed } }";
const WALK_IN: &str =
    "mutation($i: WalkInInput!) { dispenseWalkIn(input: $i) { quantity outcome } }";

on_both_backends!(a_prescription_is_dispensed_line_by_line);

async fn a_prescription_is_dispensed_line_by_line(backend: Backend) {
    let app = TestApp::spawn(backend).await;
    let d = Depots::new(&app).await;
    let (ph, store) = (&d.pharmacist, &d.pharmacy);
    let wb = &d.c.wb;
    let levo = expect_data(&app.gql(Some(wb), ITEM, json!({ "i": { "code": "LEVOCET-5", "name": "Levocetirizine", "strength": "5 mg", "form": "TABLET", "packSize": 10, "unitOfIssue": "tablet" } })).await)["addSupplyItem"].clone();
    let morphine = expect_data(&app.gql(Some(wb), ITEM, json!({ "i": { "code": "MORPH-10", "name": "Morphine", "strength": "10 mg", "form": "INJECTION", "packSize": 10, "unitOfIssue": "ampoule", "schedule": "X" } })).await)["addSupplyItem"].clone();
    d.receive(&app, ph, store, &d.paracetamol, "FP-1", 300, 100)
        .await;
    d.receive(&app, ph, store, &levo, "FL-1", 300, 50).await;
    d.receive(&app, ph, store, &morphine, "FM-1", 300, 10).await;
    let colleague = user(
        &app,
        wb,
        "pharm2.kolkata",
        json!([{ "role": "PHARMACIST", "facilityId": d.c.kolkata["id"] }]),
    )
    .await;

    let patient = d.c.patient(&app, "Shampa", "9830077777").await;
    let enc = d.c.encounter(&app, &patient).await;
    let rx = json!({ "prescription": { "items": [
        { "drugName": "Paracetamol", "strength": "500 mg", "dose": "1 tablet", "frequency": "1-1-1", "durationDays": 5 },
        { "drugName": "Amoxicillin", "strength": "500mg", "dose": "1 capsule", "frequency": "1-0-1", "durationDays": 7 },
        { "drugName": "Cetirizine", "strength": "10 mg", "dose": "1 tablet", "frequency": "0-0-1", "durationDays": 5 },
        { "drugName": "Morphine", "strength": "10 mg", "dose": "5 mg", "route": "INTRAVENOUS", "frequency": "SOS", "durationDays": 1 } ] } });
    let prescription = added(&add(&app, &d.c.doctor, &enc, rx).await);
    let h = patient["healthId"].clone();

    // The pharmacy sees the prescription, and what it has of each drug.
    expect_error(
        &app.gql(
            Some(&d.c.doctor),
            TO_DISPENSE,
            json!({ "s": store["id"], "h": h }),
        )
        .await,
        "FORBIDDEN",
    );
    let seen = expect_data(
        &app.gql(Some(ph), TO_DISPENSE, json!({ "s": store["id"], "h": h }))
            .await,
    )["prescriptionsToDispense"]
        .clone();
    assert_eq!(seen["name"], "Shampa Mondal");
    let lines = seen["prescriptions"][0]["lines"].clone();
    assert_eq!(
        lines[0]["candidates"],
        json!([{ "item": { "code": "PARA-500" }, "usable": 100 }])
    );
    assert_eq!(
        lines[1]["candidates"],
        json!([{ "item": { "code": "AMOX-500" }, "usable": 0 }])
    );
    assert_eq!(lines[2]["candidates"], json!([]));

    let give = |lines: Value, witness: Option<Value>| json!({ "i": { "storeId": store["id"], "prescriptionId": prescription["id"], "lines": lines, "witness": witness } });
    let base = json!([
        { "line": 0, "itemId": d.paracetamol["id"], "quantity": 15 },
        { "line": 1, "reason": "out of stock at the pharmacy" },
        { "line": 2, "itemId": levo["id"], "quantity": 5 },
        { "line": 3, "itemId": morphine["id"], "quantity": 1 },
    ]);
    let e = expect_error(
        &app.gql(Some(ph), DISPENSE, give(base.clone(), None)).await,
        "VALIDATION",
    );
    assert_eq!(
        e["extensions"]["field"], "lines.2.reason",
        "a substitute needs its reason"
    );
    let mut with_reason = base.clone();
    with_reason[2]["reason"] = json!("cetirizine not stocked; levocetirizine 5 mg is equivalent");
    let e = expect_error(
        &app.gql(Some(ph), DISPENSE, give(with_reason.clone(), None))
            .await,
        "VALIDATION",
    );
    assert_eq!(
        e["extensions"]["field"], "witness",
        "morphine needs a second signature"
    );
    let wrong = json!({ "login": "pharm2.kolkata", "password": "not the password" });
    expect_error(
        &app.gql(Some(ph), DISPENSE, give(with_reason.clone(), Some(wrong)))
            .await,
        "VALIDATION",
    );
    let myself = json!({ "login": "pharm.kolkata", "password": "a long enough password" });
    expect_error(
        &app.gql(Some(ph), DISPENSE, give(with_reason.clone(), Some(myself)))
            .await,
        "VALIDATION",
    );
    assert_eq!(
        d.position(&app, ph, store, &d.paracetamol).await["onHand"],
        100,
        "nothing moved while refused"
    );

    // Sent twice with one key (a dropped acknowledgement): dispensed once.
    let witness = json!({ "login": "pharm2.kolkata", "password": "a long enough password" });
    let (_, _, first) = post(
        &app,
        ph,
        Some("rx-shampa-1"),
        DISPENSE,
        give(with_reason.clone(), Some(witness.clone())),
    )
    .await;
    let (_, replayed, again) = post(
        &app,
        ph,
        Some("rx-shampa-1"),
        DISPENSE,
        give(with_reason, Some(witness)),
    )
    .await;
    assert!(replayed);
    assert_eq!(first, again);
    let done = expect_data(&first)["dispensePrescription"].clone();
    let outcomes: Vec<&str> = done
        .as_array()
        .unwrap()
        .iter()
        .map(|x| x["outcome"].as_str().unwrap())
        .collect();
    assert_eq!(
        outcomes,
        ["DISPENSED", "NOT_AVAILABLE", "SUBSTITUTED", "DISPENSED"]
    );
    assert_eq!(done[3]["witnessed"], true);
    assert_eq!(
        d.position(&app, ph, store, &d.paracetamol).await["onHand"],
        85
    );
    assert_eq!(d.position(&app, ph, store, &morphine).await["onHand"], 9);
    let card = expect_data(
        &app.gql(
            Some(ph),
            CARD,
            json!({ "s": store["id"], "i": morphine["id"] }),
        )
        .await,
    )["stockCard"]
        .clone();
    assert_eq!(
        (
            card[0]["kind"].as_str(),
            card[0]["itemBalance"].as_i64(),
            card[0]["documentKind"].as_str()
        ),
        (Some("DISPENSE"), Some(9), Some("dispense"))
    );

    // The controlled drugs register: running balance, the patient, who gave, who signed.
    const REGISTER: &str = "query($s: ID!, $i: ID!) { controlledRegister(storeId: $s, itemId: $i) { kind quantity balance witness patientHealthId batchNo } }";
    let reg = expect_data(
        &app.gql(
            Some(ph),
            REGISTER,
            json!({ "s": store["id"], "i": morphine["id"] }),
        )
        .await,
    )["controlledRegister"]
        .clone();
    assert_eq!(reg.as_array().unwrap().len(), 2);
    assert_eq!(
        reg[0],
        json!({ "kind": "DISPENSE", "quantity": -1, "balance": 9, "witness": "Dr. অমিত সেন (pharm2.kolkata)", "patientHealthId": h, "batchNo": "FM-1" })
    );
    assert_eq!(
        (reg[1]["kind"].as_str(), reg[1]["balance"].as_i64()),
        (Some("RECEIPT"), Some(10))
    );
    expect_error(
        &app.gql(
            Some(ph),
            REGISTER,
            json!({ "s": store["id"], "i": d.paracetamol["id"] }),
        )
        .await,
        "VALIDATION",
    );

    // The prescription now shows what was given, and what could not be.
    let seen = expect_data(
        &app.gql(
            Some(&colleague),
            TO_DISPENSE,
            json!({ "s": store["id"], "h": h }),
        )
        .await,
    )["prescriptionsToDispense"]
        .clone();
    let lines = seen["prescriptions"][0]["lines"].clone();
    assert_eq!(lines[0]["dispensedQuantity"], 15);
    assert_eq!(lines[1]["dispenses"][0]["outcome"], "NOT_AVAILABLE");
    assert!(lines[2]["dispenses"][0]["reason"]
        .as_str()
        .unwrap()
        .contains("levocetirizine"));

    // FHIR: the record's $everything carries each dispense and the medication given.
    let path = format!(
        "/fhir/R4/Patient/{}/$everything",
        patient["id"].as_str().unwrap()
    );
    let (status, _, all) = get(&app, &path, Some(&d.c.doctor)).await;
    assert_eq!(status, 200, "{all}");
    let dispenses = resources(&all, "MedicationDispense");
    let statuses: Vec<&str> = dispenses
        .iter()
        .map(|r| r["status"].as_str().unwrap())
        .collect();
    assert_eq!(
        statuses,
        ["completed", "declined", "completed", "completed"]
    );
    assert_eq!(
        dispenses[0]["authorizingPrescription"][0]["reference"],
        format!(
            "MedicationRequest/{}-0",
            prescription["id"].as_str().unwrap()
        )
    );
    assert_eq!(dispenses[2]["substitution"]["wasSubstituted"], true);
    assert_eq!(resources(&all, "Medication").len(), 3);
    validate(&[&all]);

    // More than there is: refused, naming the drug.
    let big = json!([{ "line": 0, "itemId": d.paracetamol["id"], "quantity": 86 }]);
    let e = expect_error(
        &app.gql(Some(ph), DISPENSE, give(big, None)).await,
        "CONFLICT",
    );
    assert!(
        e["message"].as_str().unwrap().starts_with("Paracetamol"),
        "{e}"
    );

    // Walk-ins: over-the-counter only.
    let walk = |item: &Value| json!({ "i": { "storeId": store["id"], "name": "Passer-by", "lines": [{ "itemId": item["id"], "quantity": 10 }] } });
    assert_eq!(
        expect_data(&app.gql(Some(ph), WALK_IN, walk(&d.paracetamol)).await)["dispenseWalkIn"][0]
            ["quantity"],
        10
    );
    let e = expect_error(
        &app.gql(Some(ph), WALK_IN, walk(&morphine)).await,
        "VALIDATION",
    );
    assert!(e["message"]
        .as_str()
        .unwrap()
        .contains("only against a prescription"));
    expect_error(
        &app.gql(Some(ph), WALK_IN, walk(&d.amoxicillin)).await,
        "VALIDATION",
    );

    // Another tenant finds neither the store nor the prescription.
    let br = app.br_admin().await;
    expect_error(
        &app.gql(
            Some(&br),
            DISPENSE,
            give(
                json!([{ "line": 0, "itemId": d.paracetamol["id"], "quantity": 1 }]),
                None,
            ),
        )
        .await,
        "NOT_FOUND",
    );
    rls_keeps_tenants_apart(&app, backend, &["supply_dispenses"]).await;
}
