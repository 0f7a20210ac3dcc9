//! An indent and its issue voucher on A4 landscape: who asked whom for what, with the
//! asking store's stock, consumption and soon-expiring stock at the time; what the
//! store above approved and why; the batches issued with their expiry; and what
//! arrived, with damage and shortage. Every line prints, on as many numbered pages as
//! it takes, with space for the signatures paper still needs.

use super::pdf::{self, Page};
use super::register::time;
use super::sheet::{self, Row};
use crate::app::supply::voucher::IndentDocument;
use anyhow::Result;
use arogya_domain::supply::indent::check_receipt;
use chrono::{DateTime, Utc};

/// Column starts: item (or person), five figures, and the reason.
const COLS: [f64; 7] = [0.0, 800.0, 1020.0, 1240.0, 1460.0, 1680.0, 1900.0];

fn labels(l: &[&str]) -> Row {
    Row::Labels(l.iter().map(|s| s.to_string()).collect())
}

fn when(t: Option<DateTime<Utc>>) -> String {
    t.map(|t| {
        format!(
            "{} {}",
            (t + chrono::Duration::minutes(330)).format("%d %b %Y"),
            time(Some(t))
        )
    })
    .unwrap_or_else(|| "—".into())
}

fn opt(n: Option<i64>) -> String {
    n.map(|n| n.to_string()).unwrap_or_else(|| "—".into())
}

/// A step and who took it: a name in Bengali or Devanagari is shaped under the
/// username; a Latin one is printed beside it.
fn person(
    d: &IndentDocument,
    step: &str,
    by: Option<uuid::Uuid>,
    at: Option<DateTime<Utc>>,
) -> Row {
    let (name, local) = match by.and_then(|u| d.staff.get(&u)) {
        None => ("—".to_owned(), None),
        Some((user, display)) if display.is_ascii() => (format!("{display} ({user})"), None),
        Some((user, display)) => (format!("({user})"), Some(display.clone())),
    };
    Row::Cells {
        cells: vec![name, step.to_owned(), when(at)],
        local,
    }
}

fn rows(d: &IndentDocument) -> Vec<Row> {
    let i = &d.indent.indent;
    let item = |id: uuid::Uuid| {
        d.indent
            .items
            .get(&id)
            .map(|x| {
                let strength = x
                    .strength
                    .as_deref()
                    .map(|s| format!(" {s}"))
                    .unwrap_or_default();
                format!("{}{strength} ({}, {})", x.name, x.code, x.unit_of_issue)
            })
            .unwrap_or_else(|| "unknown item".into())
    };
    let mut out = vec![
        Row::Text(format!(
            "From: {} (asking)   To: {} (issuing)",
            d.from.name, d.to.name
        )),
        Row::Text(format!("Status: {}", i.status.replace('_', " "))),
    ];
    if let Some(n) = &i.note {
        out.push(Row::Text(format!("Note: {n}")));
    }
    out.push(Row::Heading("Steps".into()));
    out.push(labels(&["Person", "Step", "Date and time"]));
    for (step, by, at) in [
        ("Raised", Some(i.created_by), Some(i.created_at)),
        ("Decided", i.decided_by, i.decided_at),
        ("Issued", i.issued_by, i.issued_at),
        ("Received", i.received_by, i.received_at),
    ] {
        out.push(person(d, step, by, at));
    }
    out.push(Row::Heading(format!(
        "Items asked for ({})",
        d.indent.lines.len()
    )));
    out.push(labels(&[
        "Item",
        "Requested",
        "In stock",
        "AMC",
        "Expiring unused",
        "Approved",
        "Reason",
    ]));
    for l in &d.indent.lines {
        out.push(Row::Cells {
            cells: vec![
                item(l.item_id),
                l.requested.to_string(),
                l.stock_on_hand.to_string(),
                l.amc
                    .map(|a| format!("{a:.0}"))
                    .unwrap_or_else(|| "—".into()),
                l.wasted_before_use.to_string(),
                opt(l.approved),
                l.reason.clone().unwrap_or_default(),
            ],
            local: None,
        });
    }
    out.push(Row::Heading(format!(
        "Issue voucher ({} batches)",
        d.indent.voucher.len()
    )));
    if d.indent.voucher.is_empty() {
        out.push(Row::Text("Nothing issued yet.".into()));
    } else {
        out.push(labels(&[
            "Item", "Batch", "Expires", "Issued", "Received", "Damaged", "Short",
        ]));
    }
    for v in &d.indent.voucher {
        let b = d.indent.batches.get(&v.batch_id);
        let short = v
            .received
            .and_then(|r| check_receipt(v.quantity, r, v.damaged.unwrap_or(0), "").ok())
            .map(|s| s.to_string())
            .unwrap_or_else(|| "—".into());
        out.push(Row::Cells {
            cells: vec![
                item(v.item_id),
                b.map(|b| b.batch_no.clone()).unwrap_or_default(),
                b.map(|b| b.expires_on.format("%d %b %Y").to_string())
                    .unwrap_or_default(),
                v.quantity.to_string(),
                opt(v.received),
                opt(v.damaged),
                short,
            ],
            local: None,
        });
    }
    out.push(Row::Heading("Signatures".into()));
    out.push(Row::Text(
        "Issued by (name, signature, date): ______________________     Received by (name, signature, date): ______________________".into(),
    ));
    out
}

pub fn pages(d: &IndentDocument) -> Vec<Page> {
    let title = format!("Indent and issue voucher {}", d.indent.indent.number);
    // Names in local scripts go under the first column, the person's.
    sheet::pages_with_local(rows(d), &title, &[], &COLS, 0)
}

/// The indent and voucher as an A4 landscape PDF.
pub fn pdf(d: &IndentDocument) -> Result<Vec<u8>> {
    pdf::document(&pages(d), 297.0, 210.0, "Indent and issue voucher")
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::app::supply::indents::Indent;
    use serde_json::{json, Value};
    use std::collections::HashMap;
    use uuid::Uuid;

    fn model<T: serde::de::DeserializeOwned>(v: Value) -> T {
        serde_json::from_value(v).expect("a stored row")
    }

    /// An indent of `n` items, each issued from two batches.
    fn document(n: usize) -> IndentDocument {
        let (tenant, id, now) = (Uuid::nil(), Uuid::now_v7(), chrono::Utc::now());
        let (asker, issuer) = (Uuid::now_v7(), Uuid::now_v7());
        let store = |name: &str| -> StoreRecordJson {
            model(
                json!({ "tenant_id": tenant, "id": Uuid::now_v7(), "name": name, "level": "facility", "parent_id": null,
                "unit_id": tenant, "unit_path": "x", "facility_id": null, "lookback_days": 90, "min_months": 1.0, "max_months": 3.0,
                "overstock_months": 6.0, "expiry_warn_days": 90, "expiry_alert_days": 30, "version": 1, "created_at": now }),
            )
        };
        let mut items = HashMap::new();
        let mut batches = HashMap::new();
        let (mut lines, mut voucher) = (Vec::new(), Vec::new());
        for k in 0..n {
            let item = Uuid::now_v7();
            items.insert(item, model(json!({ "tenant_id": tenant, "id": item, "code": format!("ITEM-{k}"), "name": format!("Medicine number {k}"),
                "kind": "medicine", "strength": "500 mg", "form": "tablet", "pack_size": 10, "unit_of_issue": "tablet", "essential": true,
                "schedule": "none", "over_the_counter": false, "active": true, "version": 1, "created_at": now })));
            lines.push(model(json!({ "tenant_id": tenant, "indent_id": id, "item_id": item, "requested": 100 + k, "stock_on_hand": 5,
                "amc": 40.0, "approved": 90, "reason": "partly: district stock is low", "wasted_before_use": 0 })));
            for b in 0..2 {
                let batch = Uuid::now_v7();
                batches.insert(batch, model(json!({ "tenant_id": tenant, "id": batch, "item_id": item, "batch_no": format!("B{k}-{b}"),
                    "expires_on": "2027-06-30", "manufactured_on": null, "manufacturer": null, "supplier": null, "unit_price_paise": 100,
                    "on_hold": false, "quality_status": "not_required", "version": 1, "created_at": now })));
                voucher.push(model(json!({ "tenant_id": tenant, "indent_id": id, "batch_id": batch, "item_id": item, "quantity": 45,
                    "received": 44, "damaged": 1 })));
            }
        }
        IndentDocument {
            indent: Indent {
                indent: model(
                    json!({ "tenant_id": tenant, "id": id, "number": "IND-20261207-ABCDEF", "from_store_id": tenant,
                    "to_store_id": tenant, "status": "received", "note": null, "version": 4, "created_by": asker, "created_at": now,
                    "decided_by": issuer, "decided_at": now, "issued_by": issuer, "issued_at": now, "received_by": asker, "received_at": now }),
                ),
                lines,
                voucher,
                items,
                batches,
            },
            from: store("Krishnanagar DH Pharmacy"),
            to: store("Nadia District Drug Store"),
            staff: HashMap::from([
                (asker, ("pharmacist".to_owned(), "সুমিতা দাস".to_owned())),
                (issuer, ("ddo.nadia".to_owned(), "Arun Kumar".to_owned())),
            ]),
        }
    }

    type StoreRecordJson = arogya_infra::repos::supply::stores::StoreRecord;

    #[test]
    fn every_line_and_batch_prints_on_numbered_pages() {
        let d = document(60);
        let p = pages(&d);
        assert!(p.len() > 2, "{} pages", p.len());
        let all: String = p.iter().map(|x| x.svg.as_str()).collect();
        for k in 0..60 {
            assert!(
                all.contains(&format!(">Medicine number {k} 500 mg (ITEM-{k}, tablet)<")),
                "line {k} missing"
            );
            for b in 0..2 {
                assert!(
                    all.contains(&format!(">B{k}-{b}<")),
                    "batch B{k}-{b} missing"
                );
            }
        }
        for (i, page) in p.iter().enumerate() {
            assert!(page.svg.contains(&format!("Page {} of {}", i + 1, p.len())));
        }
        // The Bengali name is shaped with a hidden text layer; the Latin one is text.
        assert!(p
            .iter()
            .flat_map(|x| &x.hidden)
            .any(|h| h.text == "সুমিতা দাস"));
        assert!(all.contains(">Arun Kumar (ddo.nadia)<"));
        assert!(pdf(&d).unwrap().starts_with(b"%PDF-"));
    }
}
