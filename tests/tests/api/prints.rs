//! Printed documents read back as a person (and a search box) would: every line of a
//! long prescription on numbered pages, the void banner on each page, and cards whose
//! text stays legible and whose local-script name can be found.

use super::cards::pdf_text;
use super::patients::{register, ISSUE};
use super::records::{add, added, Clinic};
use arogya_tests::{expect_data, Backend, TestApp};
use serde_json::{json, Value};

on_both_backends!(
    prescriptions_print_every_item_on_numbered_pages,
    cards_keep_text_legible_and_searchable
);

async fn fetch(app: &TestApp, path: &str, token: &str) -> Vec<u8> {
    let resp = app
        .http
        .get(app.url(path))
        .bearer_auth(token)
        .send()
        .await
        .unwrap();
    assert_eq!(resp.status(), 200, "{path}");
    resp.bytes().await.unwrap().to_vec()
}

/// The text of each page (pdftotext separates pages with a form feed).
fn pages(pdf: &[u8]) -> Vec<String> {
    let mut pages: Vec<String> = pdf_text(pdf).split('\u{c}').map(str::to_owned).collect();
    if pages.last().is_some_and(|p| p.trim().is_empty()) {
        pages.pop();
    }
    pages
}

fn drug(i: usize) -> String {
    format!("Drugname{i:02}")
}

async fn prescriptions_print_every_item_on_numbered_pages(backend: Backend) {
    let app = TestApp::spawn(backend).await;
    let c = Clinic::new(&app).await;
    let p = c.patient(&app, "Shreya", "9830077777").await;
    let hid = p["healthId"].as_str().unwrap().to_owned();
    let enc = c.encounter(&app, &p).await;
    added(
        &add(
            &app,
            &c.nurse,
            &enc,
            json!({ "vitals": { "weightKg": 18.5 } }),
        )
        .await,
    );
    added(
        &add(
            &app,
            &c.doctor,
            &enc,
            json!({ "diagnosis": { "code": "A90", "certainty": "PROVISIONAL" } }),
        )
        .await,
    );
    let follow_up = (chrono::Utc::now() + chrono::Duration::days(5))
        .date_naive()
        .to_string();
    for (count, void) in [(1usize, false), (12, false), (40, true)] {
        let items: Vec<Value> = (1..=count)
            .map(|i| {
                let (route, form) = if i % 4 == 0 {
                    ("INTRAVENOUS", Value::Null)
                } else if i % 4 == 1 {
                    ("ORAL", json!("SYRUP"))
                } else {
                    ("ORAL", Value::Null)
                };
                json!({ "drugName": drug(i), "strength": "500 mg", "dose": "5 ml", "route": route, "form": form,
                        "frequency": "1-0-1", "durationDays": 5, "instructions": format!("instruction {i:02}") })
            })
            .collect();
        let rx = added(&add(&app, &c.doctor, &enc, json!({ "prescription": {
            "items": items, "advice": "Plenty of fluids; return at once if there is bleeding", "followUpOn": follow_up } })).await);
        assert_eq!(rx["details"]["items"][0]["form"], "SYRUP");
        if count > 1 {
            assert_eq!(
                rx["details"]["items"][1]["form"], "TABLET",
                "the usual form for the route"
            );
        }
        let path = format!("/prescriptions/{}.pdf", rx["id"].as_str().unwrap());
        if void {
            let mark = "mutation($id: ID!) { markEnteredInError(id: $id, expectedVersion: 1, reason: \"Prescribed to the wrong patient\") { status } }";
            expect_data(
                &app.gql(Some(&c.doctor), mark, json!({ "id": rx["id"] }))
                    .await,
            );
        }
        let pdf = fetch(&app, &path, &c.doctor).await;
        let pages = pages(&pdf);
        let n = pages.len();
        let all = pages.join("\n");
        // Every drug, its instructions and the advice are there, whatever the length.
        for i in 1..=count {
            assert!(all.contains(&drug(i)), "{count} items: {} missing", drug(i));
            assert!(
                all.contains(&format!("instruction {i:02}")),
                "{count}: instructions of #{i}"
            );
        }
        assert!(
            all.contains("Syp. Drugname01"),
            "the form is printed before the drug"
        );
        assert!(all.contains("by mouth"));
        if count >= 4 {
            assert!(
                all.contains("Inj. Drugname04") && all.contains(" IV "),
                "{all}"
            );
        }
        assert!(all.contains("return at once if there is bleeding"));
        for expected in [
            "A90",
            "Weight 18.5 kg",
            "Fever for three days",
            "Follow-up on",
        ] {
            assert!(all.contains(expected), "{expected:?} not in:\n{all}");
        }
        if count == 1 {
            assert_eq!(n, 1);
        } else {
            assert!(n >= 2, "{count} items on {n} page(s)");
        }
        for (i, page) in pages.iter().enumerate() {
            assert!(
                page.contains(&format!("Page {} of {n}", i + 1)),
                "page {}:\n{page}",
                i + 1
            );
            assert!(
                page.contains(&hid) && page.contains("Shreya Mondal"),
                "page {}",
                i + 1
            );
            assert_eq!(
                page.contains("DO NOT DISPENSE"),
                void,
                "the void banner on page {} of {n}",
                i + 1
            );
        }
        // The signature block, with the doctor's name under it, is on the last page only.
        assert!(pages[n - 1].contains("Signature and stamp"));
        let signed_at = pages[n - 1].find("Signature and stamp").unwrap();
        assert!(pages[n - 1][..signed_at].contains("Dr. Ananya Sen"));
        assert!(pages[..n - 1]
            .iter()
            .all(|p| !p.contains("Signature and stamp")));
    }
}

/// Each word's height on the page, in points (pdftotext -bbox).
fn word_heights(pdf: &[u8]) -> Vec<(String, f64)> {
    let path = std::env::temp_dir().join(format!("bbox-{}.pdf", uuid::Uuid::now_v7()));
    std::fs::write(&path, pdf).unwrap();
    let out = std::process::Command::new("pdftotext")
        .arg("-bbox")
        .arg(&path)
        .arg("-")
        .output()
        .expect("pdftotext");
    std::fs::remove_file(&path).ok();
    let html = String::from_utf8_lossy(&out.stdout).into_owned();
    let attr = |w: &str, name: &str| -> f64 {
        let start = w.find(&format!("{name}=\"")).unwrap() + name.len() + 2;
        w[start..].split('"').next().unwrap().parse().unwrap()
    };
    html.split("<word ")
        .skip(1)
        .map(|w| {
            let text = w
                .split('>')
                .nth(1)
                .unwrap_or("")
                .split('<')
                .next()
                .unwrap_or("");
            (text.to_owned(), attr(w, "yMax") - attr(w, "yMin"))
        })
        .collect()
}

async fn cards_keep_text_legible_and_searchable(backend: Backend) {
    let app = TestApp::spawn(backend).await;
    let wb = app.wb_admin().await;
    let long = "Srinivasa Venkata Lakshmi Narasimha Rao";
    let p = register(&app, &wb, json!({ "givenName": "Srinivasa Venkata Lakshmi Narasimha", "familyName": "Rao", "localName": "শ্রীনিবাস বেঙ্কট লক্ষ্মী নরসিংহ রাও", "sex": "MALE", "dateOfBirth": "1970-01-09" }), true).await["patient"].clone();
    let hid = p["healthId"].as_str().unwrap().to_owned();
    expect_data(&app.gql(Some(&wb), ISSUE, json!({ "p": p["id"] })).await);
    let pdf = fetch(&app, &format!("/cards/{hid}.pdf"), &wb).await;
    let text = pdf_text(&pdf);
    let flat = text.split_whitespace().collect::<Vec<_>>().join(" ");
    assert!(flat.contains(long), "the whole name, on two lines:\n{text}");
    for word in ["শ্রীনিবাস", "রাও"] {
        assert!(
            text.contains(word),
            "the local-script name is searchable: {word}\n{text}"
        );
    }
    let today = (chrono::Utc::now() + chrono::Duration::minutes(330))
        .format("%d %b %Y")
        .to_string();
    assert!(flat.contains(&format!("Issued {today}")), "{text}");
    // No visible word is smaller than 7 pt (a word box is about 1.36 × the font
    // size, so 9 pt; the old card printed "Scan to verify" at 5 pt, long names at 4 pt).
    let heights = word_heights(&pdf);
    let visible: Vec<&(String, f64)> = heights.iter().filter(|(w, _)| w != "x").collect();
    assert!(visible.iter().any(|(w, _)| w == "Scan"));
    let smallest = visible
        .iter()
        .filter(|(w, _)| w.is_ascii())
        .map(|(_, h)| *h)
        .fold(f64::MAX, f64::min);
    assert!(
        smallest >= 9.0,
        "smallest word box {smallest} pt in {visible:?}"
    );
}
