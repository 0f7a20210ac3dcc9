//! Hospital scorecards and award rounds: a hand-worked ranking (each number stated
//! with its reason), a round frozen and kept unchanged while the data move on, the
//! decision recorded once, the certificate printed with a QR code that verifies
//! offline, permissions and another tenant.

use super::cards::pdf_text;
use super::facilities::{create_facility, facility};
use super::indicators::{medicine_visits, two_stays_ended, visit, UPDATE};
use super::inpatient_support::Hospital;
use arogya_tests::{expect_data, expect_error, Backend, TestApp};
use base64::engine::general_purpose::URL_SAFE_NO_PAD;
use base64::Engine;
use chrono::{Datelike, Duration, Months, Utc};
use serde_json::{json, Value};

on_both_backends!(scorecards_rank_hospitals_and_rounds_stay_frozen);

const SAVE: &str = "mutation($i: SaveScorecardInput!) { saveScorecard(input: $i) { id version name specialty minVolume facilityTypes from to items { indicator direction weight } } }";
const RANKING: &str = "query($id: ID!) { scorecardRanking(scorecardId: $id) { from to previousFrom previousTo
    hospitals { facilityId name district volume rank score previousScore previousRank parts { indicator weight value points } counts { opdVisits admissions discharges deaths referralsOut } } } }";
const ROUND_FIELDS: &str = "id version title scorecardVersion specialty minVolume items { indicator weight } from to frozenBy decided decidedBy decisionNote
    result { facilityId name rank score volume parts { indicator value points } counts { opdVisits deaths } }
    winners { facilityId name place score rank certificateUrl }";
const VERIFY: &str = "query($p: String!) { verifyAwardCertificate(payload: $p) { signatureValid onRecord message tenantCode title facilityName place } }";

fn freeze() -> String {
    format!("mutation($i: FreezeAwardRoundInput!) {{ freezeAwardRound(input: $i) {{ {ROUND_FIELDS} }} }}")
}
fn decide() -> String {
    format!("mutation($i: DecideAwardRoundInput!) {{ decideAwardRound(input: $i) {{ {ROUND_FIELDS} }} }}")
}
fn round() -> String {
    format!("query($id: ID!) {{ awardRound(id: $id) {{ {ROUND_FIELDS} }} }}")
}

/// Last month and this one (India's calendar), "YYYY-MM".
fn period() -> (String, String) {
    let today = (Utc::now() + Duration::minutes(330)).date_naive();
    let this = today.with_day(1).unwrap();
    let last = this.checked_sub_months(Months::new(1)).unwrap();
    (
        last.format("%Y-%m").to_string(),
        this.format("%Y-%m").to_string(),
    )
}

fn card(items: Value) -> Value {
    let (from, to) = period();
    json!({
        "name": "Medicine", "specialty": "Medicine", "items": items, "minVolume": 2,
        "facilityTypes": ["DISTRICT_HOSPITAL", "SUB_DIVISIONAL_HOSPITAL"], "from": from, "to": to,
    })
}

fn hospital<'a>(list: &'a Value, name: &str) -> &'a Value {
    list.as_array()
        .unwrap()
        .iter()
        .find(|h| h["name"] == name)
        .unwrap_or_else(|| panic!("{name} in {list}"))
}

/// The QR code read back from the printed certificate, as a phone would: the PDF
/// rendered to an image by poppler and the code found and decoded in it.
fn qr_of(pdf: &[u8]) -> String {
    let dir = std::env::temp_dir().join(format!("cert-{}", uuid::Uuid::now_v7()));
    std::fs::create_dir_all(&dir).unwrap();
    std::fs::write(dir.join("c.pdf"), pdf).unwrap();
    let ok = std::process::Command::new("pdftoppm")
        .args(["-png", "-r", "300", "-singlefile"])
        .arg(dir.join("c.pdf"))
        .arg(dir.join("c"))
        .status()
        .expect("pdftoppm (poppler-utils) must be installed: scripts/test installs it");
    assert!(ok.success());
    let img = image::open(dir.join("c.png")).unwrap().to_luma8();
    std::fs::remove_dir_all(&dir).ok();
    let mut prepared = rqrr::PreparedImage::prepare_from_greyscale(
        img.width() as usize,
        img.height() as usize,
        |x, y| img.get_pixel(x as u32, y as u32).0[0],
    );
    let grids = prepared.detect_grids();
    let decoded: Vec<String> = grids
        .iter()
        .filter_map(|g| g.decode().ok())
        .map(|(_, text)| text)
        .collect();
    assert_eq!(
        decoded.len(),
        1,
        "one QR code read on the certificate (found {} shapes)",
        grids.len()
    );
    decoded.into_iter().next().unwrap_or_default()
}

async fn scorecards_rank_hospitals_and_rounds_stay_frozen(backend: Backend) {
    let app = TestApp::spawn(backend).await;
    let h = Hospital::new(&app).await;
    let c = &h.c;
    // A third district hospital with nothing in medicine: listed, never ranked.
    let quiet = create_facility(
        &app,
        &c.wb,
        facility("Howrah DH", "DISTRICT_HOSPITAL", &c.tree.kolkata["id"]),
    )
    .await;

    // Kolkata DH, medicine: three visits (one ended by referral), two stays ended
    // (one recovered, one by death). Lalbag SDH: two medicine visits, no stays.
    let p = c.patient(&app, "Asha", "98300 11111").await;
    let first = medicine_visits(&app, c, &p, 3).await.remove(0);
    expect_data(&app.gql(Some(&c.doctor), UPDATE, json!({ "i": { "id": first["id"], "expectedVersion": 1, "status": "FINISHED", "outcome": "REFERRED" } })).await);
    for _ in 0..2 {
        visit(
            &app,
            &c.lalbag_doctor,
            &p,
            &c.lalbag,
            Some("Medicine"),
            &c.lalbag_doctor_id,
        )
        .await;
    }
    two_stays_ended(&app, &h).await;

    // Only state administrators define scorecards, and the rules are checked.
    let items = json!([
        { "indicator": "OPD_VISITS", "weight": 1 },
        { "indicator": "MORTALITY_RATE", "weight": 2 },
        { "indicator": "REFERRAL_RATE", "direction": "LOWER_IS_BETTER", "weight": 1 },
    ]);
    expect_error(
        &app.gql(Some(&c.nurse), SAVE, json!({ "i": card(items.clone()) }))
            .await,
        "FORBIDDEN",
    );
    expect_error(
        &app.gql(
            Some(&c.wb),
            SAVE,
            json!({ "i": card(json!([{ "indicator": "OPD_VISITS", "weight": 0 }])) }),
        )
        .await,
        "VALIDATION",
    );
    let mut future = card(items.clone());
    future["from"] = json!("2099-01");
    future["to"] = json!("2099-02");
    expect_error(
        &app.gql(Some(&c.wb), SAVE, json!({ "i": future })).await,
        "VALIDATION",
    );
    let sc = expect_data(
        &app.gql(Some(&c.wb), SAVE, json!({ "i": card(items.clone()) }))
            .await,
    )["saveScorecard"]
        .clone();
    assert_eq!(sc["version"], 1);
    assert_eq!(sc["specialty"], "medicine");
    // Directions not given take the indicator's usual one.
    assert_eq!(sc["items"][0]["direction"], "HIGHER_IS_BETTER");
    assert_eq!(sc["items"][1]["direction"], "LOWER_IS_BETTER");

    // The ranking, worked by hand:
    // Kolkata DH: 3 visits, 2 admissions (volume 5); 1 death in 2 discharges = 50.0;
    //   1 referral in 3 visits + 2 discharges = 20.0 per 100.
    // Lalbag SDH: 2 visits (volume 2, the minimum); no discharges (mortality missing);
    //   0 referrals in 2 = 0.0.
    // Howrah DH: volume 0, not ranked.
    // Points: visits 2..3 → Kolkata 100, Lalbag 0; mortality: Kolkata's is the only
    // value → 100, Lalbag missing → 0; referrals 0..20, lower better → Kolkata 0,
    // Lalbag 100. Scores: Kolkata (100·1 + 100·2 + 0·1) / 4 = 75.0; Lalbag
    // (0 + 0 + 100) / 4 = 25.0.
    let nurse_view = expect_data(
        &app.gql(Some(&c.nurse), RANKING, json!({ "id": sc["id"] }))
            .await,
    )["scorecardRanking"]
        .clone();
    let r = &nurse_view["hospitals"];
    assert_eq!(r.as_array().unwrap().len(), 3);
    assert_eq!(r[0]["name"], "Kolkata DH");
    let k = hospital(r, "Kolkata DH");
    assert_eq!(
        (k["rank"].clone(), k["score"].clone(), k["volume"].clone()),
        (json!(1), json!(75.0), json!(5))
    );
    assert_eq!(k["district"], "Kolkata");
    assert_eq!(
        k["parts"],
        json!([
            { "indicator": "OPD_VISITS", "weight": 1, "value": 3.0, "points": 100.0 },
            { "indicator": "MORTALITY_RATE", "weight": 2, "value": 50.0, "points": 100.0 },
            { "indicator": "REFERRAL_RATE", "weight": 1, "value": 20.0, "points": 0.0 },
        ])
    );
    assert_eq!(
        k["counts"],
        json!({ "opdVisits": 3, "admissions": 2, "discharges": 2, "deaths": 1, "referralsOut": 1 })
    );
    let l = hospital(r, "Lalbag SDH");
    assert_eq!(
        (l["rank"].clone(), l["score"].clone()),
        (json!(2), json!(25.0))
    );
    assert_eq!(
        l["parts"][1],
        json!({ "indicator": "MORTALITY_RATE", "weight": 2, "value": null, "points": 0.0 })
    );
    let hw = hospital(r, "Howrah DH");
    assert_eq!(
        (
            hw["rank"].clone(),
            hw["score"].clone(),
            hw["volume"].clone()
        ),
        (Value::Null, Value::Null, json!(0))
    );
    assert_eq!(r[2]["name"], "Howrah DH", "the unranked come last");
    // The trend compares with the two months before: nothing was counted then.
    assert_eq!(k["previousScore"], Value::Null);
    let (from, _) = period();
    assert_eq!(nurse_view["from"], from.as_str());

    // Freezing: state administrators, over the version they looked at, one round a
    // title.
    let title = "Best district hospital in medicine, test round";
    let freeze_input =
        |v: i64| json!({ "i": { "scorecardId": sc["id"], "expectedVersion": v, "title": title } });
    expect_error(
        &app.gql(Some(&c.nurse), &freeze(), freeze_input(1)).await,
        "FORBIDDEN",
    );
    expect_error(
        &app.gql(Some(&c.wb), &freeze(), freeze_input(2)).await,
        "CONFLICT",
    );
    let frozen = expect_data(&app.gql(Some(&c.wb), &freeze(), freeze_input(1)).await)
        ["freezeAwardRound"]
        .clone();
    expect_error(
        &app.gql(Some(&c.wb), &freeze(), freeze_input(1)).await,
        "CONFLICT",
    );
    assert_eq!(frozen["decided"], false);
    assert_eq!(frozen["scorecardVersion"], 1);
    assert_eq!(hospital(&frozen["result"], "Kolkata DH")["score"], 75.0);
    assert_eq!(
        hospital(&frozen["result"], "Lalbag SDH")["counts"]["opdVisits"],
        2
    );

    // The data move on (two more visits at Lalbag, a referral fewer at Kolkata would
    // need a correction: a new visit is enough) and the scorecard gets a new version:
    // the live ranking follows, the round does not.
    for _ in 0..2 {
        visit(
            &app,
            &c.lalbag_doctor,
            &p,
            &c.lalbag,
            Some("Medicine"),
            &c.lalbag_doctor_id,
        )
        .await;
    }
    let mut v2 = card(json!([{ "indicator": "OPD_VISITS", "weight": 5 }]));
    v2["id"] = sc["id"].clone();
    v2["expectedVersion"] = json!(1);
    assert_eq!(
        expect_data(&app.gql(Some(&c.wb), SAVE, json!({ "i": v2.clone() })).await)["saveScorecard"]
            ["version"],
        2
    );
    expect_error(
        &app.gql(Some(&c.wb), SAVE, json!({ "i": v2 })).await,
        "CONFLICT",
    );
    let live = expect_data(
        &app.gql(Some(&c.wb), RANKING, json!({ "id": sc["id"] }))
            .await,
    )["scorecardRanking"]["hospitals"]
        .clone();
    // Now on visits alone: Lalbag's 4 beat Kolkata's 3.
    assert_eq!(live[0]["name"], "Lalbag SDH");
    let again = expect_data(
        &app.gql(Some(&c.nurse), &round(), json!({ "id": frozen["id"] }))
            .await,
    )["awardRound"]
        .clone();
    assert_eq!(again["result"], frozen["result"]);
    assert_eq!(again["items"], frozen["items"]);
    assert_eq!(again["items"].as_array().unwrap().len(), 3);

    // The decision: winners are ranked hospitals of the frozen result, recorded once.
    let decision = |winners: Value, v: &Value| json!({ "i": { "roundId": frozen["id"], "expectedVersion": v, "note": "Committee of 7 December: as ranked.", "winners": winners } });
    let v1 = frozen["version"].clone();
    expect_error(
        &app.gql(
            Some(&c.nurse),
            &decide(),
            decision(json!([{ "facilityId": c.kolkata["id"], "place": 1 }]), &v1),
        )
        .await,
        "FORBIDDEN",
    );
    expect_error(
        &app.gql(
            Some(&c.wb),
            &decide(),
            decision(json!([{ "facilityId": quiet["id"], "place": 1 }]), &v1),
        )
        .await,
        "VALIDATION",
    );
    let decided = expect_data(
        &app.gql(
            Some(&c.wb),
            &decide(),
            decision(json!([{ "facilityId": c.kolkata["id"], "place": 1 }]), &v1),
        )
        .await,
    )["decideAwardRound"]
        .clone();
    assert_eq!(decided["decided"], true);
    assert_eq!(
        decided["decisionNote"],
        "Committee of 7 December: as ranked."
    );
    assert_eq!(
        decided["winners"],
        json!([{ "facilityId": c.kolkata["id"], "name": "Kolkata DH", "place": 1, "score": 75.0, "rank": 1,
        "certificateUrl": format!("/awards/{}/certificates/{}.pdf", frozen["id"].as_str().unwrap(), c.kolkata["id"].as_str().unwrap()) }])
    );
    expect_error(
        &app.gql(
            Some(&c.wb),
            &decide(),
            decision(
                json!([{ "facilityId": c.lalbag["id"], "place": 1 }]),
                &decided["version"],
            ),
        )
        .await,
        "CONFLICT",
    );
    assert_eq!(decided["result"], frozen["result"]);

    // The certificate: any staff may print it; only winners of a decided round have one.
    let http = reqwest::Client::new();
    let url = decided["winners"][0]["certificateUrl"]
        .as_str()
        .unwrap()
        .to_owned();
    let resp = http
        .get(app.url(&url))
        .bearer_auth(&c.nurse)
        .send()
        .await
        .unwrap();
    assert_eq!(resp.status(), 200);
    assert_eq!(resp.headers()["content-type"], "application/pdf");
    let pdf = resp.bytes().await.unwrap();
    let text = pdf_text(&pdf);
    for words in [
        "Certificate of Award",
        "Kolkata DH",
        "1st",
        title,
        "Score 75.0 of 100",
    ] {
        assert!(text.contains(words), "{words} in {text}");
    }
    let not_won = url.replace(
        c.kolkata["id"].as_str().unwrap(),
        c.lalbag["id"].as_str().unwrap(),
    );
    assert_eq!(
        http.get(app.url(&not_won))
            .bearer_auth(&c.nurse)
            .send()
            .await
            .unwrap()
            .status(),
        404
    );
    assert_eq!(http.get(app.url(&url)).send().await.unwrap().status(), 401);

    // Its QR code, read off the page, verifies offline with the tenant's published
    // key, and with the API; altered, it does not.
    let payload = qr_of(&pdf);
    let jwks: Value = http
        .get(app.url("/tenants/WB/card-keys.json"))
        .send()
        .await
        .unwrap()
        .json()
        .await
        .unwrap();
    let x = URL_SAFE_NO_PAD
        .decode(jwks["keys"][0]["x"].as_str().unwrap())
        .unwrap();
    let key = ed25519_dalek::VerifyingKey::from_bytes(&x.try_into().unwrap()).unwrap();
    let (input, sig) = payload.rsplit_once('.').unwrap();
    let sig = ed25519_dalek::Signature::from_slice(&URL_SAFE_NO_PAD.decode(sig).unwrap()).unwrap();
    assert!(key.verify_strict(input.as_bytes(), &sig).is_ok());
    let ok = expect_data(
        &app.gql(Some(&c.nurse), VERIFY, json!({ "p": payload }))
            .await,
    )["verifyAwardCertificate"]
        .clone();
    assert_eq!(
        ok,
        json!({ "signatureValid": true, "onRecord": true, "message": "a genuine certificate, and the award is on record",
            "tenantCode": "WB", "title": title, "facilityName": "Kolkata DH", "place": 1 })
    );
    let claims = String::from_utf8(
        URL_SAFE_NO_PAD
            .decode(input.split('.').nth(1).unwrap())
            .unwrap(),
    )
    .unwrap();
    let forged_claims = claims.replace("\"place\":1", "\"place\":2");
    assert_ne!(claims, forged_claims);
    let forged = format!(
        "{}.{}.{}",
        input.split('.').next().unwrap(),
        URL_SAFE_NO_PAD.encode(forged_claims),
        payload.rsplit('.').next().unwrap()
    );
    let bad = expect_data(
        &app.gql(Some(&c.nurse), VERIFY, json!({ "p": forged }))
            .await,
    )["verifyAwardCertificate"]
        .clone();
    assert_eq!(bad["signatureValid"], false);

    // Audited: the two saves, the freeze, the decision, the print.
    let tid = app.tenant_id("WB").await;
    let actions = app
        .rows_in_tenant_with(
            &tid,
            "SELECT action FROM audit_events WHERE action LIKE 'scorecard.%' OR action LIKE 'award.%' ORDER BY action",
            vec![],
        )
        .await
        .iter()
        .map(|r| r.try_get::<String>("", "action").unwrap())
        .collect::<Vec<_>>();
    assert_eq!(
        actions,
        [
            "award.certificate",
            "award.decide",
            "award.freeze",
            "scorecard.save",
            "scorecard.save"
        ]
    );

    // Another tenant: nothing of West Bengal's is found; the certificate's signature
    // is genuine, but the award is West Bengal's to confirm.
    let br = app.br_admin().await;
    assert_eq!(
        expect_data(
            &app.gql(
                Some(&br),
                "{ scorecards { id } awardRounds { id } }",
                json!({})
            )
            .await
        ),
        json!({ "scorecards": [], "awardRounds": [] })
    );
    expect_error(
        &app.gql(Some(&br), RANKING, json!({ "id": sc["id"] })).await,
        "NOT_FOUND",
    );
    expect_error(
        &app.gql(Some(&br), &round(), json!({ "id": frozen["id"] }))
            .await,
        "NOT_FOUND",
    );
    assert_eq!(
        http.get(app.url(&url))
            .bearer_auth(&br)
            .send()
            .await
            .unwrap()
            .status(),
        404
    );
    let theirs = expect_data(&app.gql(Some(&br), VERIFY, json!({ "p": payload })).await)
        ["verifyAwardCertificate"]
        .clone();
    assert_eq!(
        (theirs["signatureValid"].clone(), theirs["onRecord"].clone()),
        (json!(true), Value::Null)
    );
    let mut forged_round = card(items);
    forged_round["name"] = json!("Bihar medicine");
    let bsc = expect_data(&app.gql(Some(&br), SAVE, json!({ "i": forged_round })).await)
        ["saveScorecard"]
        .clone();
    // Bihar's ranking holds none of West Bengal's hospitals.
    let theirs = expect_data(
        &app.gql(Some(&br), RANKING, json!({ "id": bsc["id"] }))
            .await,
    )["scorecardRanking"]["hospitals"]
        .clone();
    assert!(theirs
        .as_array()
        .unwrap()
        .iter()
        .all(|h| h["name"] != "Kolkata DH"));
}
