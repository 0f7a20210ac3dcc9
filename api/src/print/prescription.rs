//! Printable prescription slips on A5 pages. Every item is printed: the slip goes on
//! to as many pages as it needs, each page carrying the patient's name and health ID
//! and "page i of n", the prescriber's signature block on the last. A voided
//! prescription carries the "entered in error" banner on every page, in the flow of
//! the text so it can overlap nothing. Latin text stays text (searchable); a local-
//! script name is shaped and drawn as outlines with an invisible text layer.
//!
//! Body text is 10 pt, drug names 11 pt, nothing below 8.5 pt (1 pt = 3.53 units).

use super::pdf::{self, Hidden, Page};
use super::text::{escape, shaped_path, wrap};
use anyhow::Result;

/// What the slip shows.
pub struct Slip {
    pub facility_name: String,
    pub facility_address: Option<String>,
    pub facility_phone: Option<String>,
    pub prescriber: String,
    /// "MBBS, MD (Medicine)"
    pub qualifications: Vec<String>,
    /// "West Bengal Medical Council Reg. No. WBMC-1001"
    pub registrations: Vec<String>,
    pub patient_name: String,
    pub patient_local_name: Option<String>,
    pub health_id: String,
    pub age_sex: String,
    /// "52 kg (22 Nov 2026)": the latest weight in the visit, for children's doses.
    pub weight: Option<String>,
    pub patient_address: Option<String>,
    /// As printed, in India time: "22 Nov 2026, 10:35 IST".
    pub date: String,
    /// The reason for the visit.
    pub complaint: Option<String>,
    /// "A90 Dengue fever (provisional)"
    pub diagnoses: Vec<String>,
    pub items: Vec<SlipItem>,
    pub advice: Option<String>,
    /// "25 Nov 2026"
    pub follow_up: Option<String>,
    /// Printed across every page when the prescription was entered in error.
    pub entered_in_error: bool,
    pub reference: String,
}

pub struct SlipItem {
    /// "Tab. Paracetamol 500 mg"
    pub drug: String,
    /// "1 tablet · by mouth · 1-1-1 · 5 days"
    pub how: String,
    pub instructions: Option<String>,
}

/// The banner's words.
pub const VOID_TEXT: &str = "ENTERED IN ERROR — DO NOT DISPENSE";

// Page geometry in user units (0.1 mm) of an A5 sheet, 1480 × 2100.
const LEFT: f64 = 90.0;
const WIDTH: f64 = 1300.0;
const TOP: f64 = 50.0;
/// Where the flow stops; the footer lives below.
const BOTTOM: f64 = 1950.0;

const BLUE: &str = "#0b5394";
const GREY: &str = "#444444";
const BLACK: &str = "#000000";

const SMALL: f64 = 30.0;
const BODY: f64 = 36.0;
const DRUG: f64 = 40.0;

/// One thing placed in the flow.
enum Piece {
    Text {
        text: String,
        size: f64,
        bold: bool,
        colour: &'static str,
        indent: f64,
    },
    /// A local-script line, drawn as shaped outlines.
    Local {
        text: String,
        size: f64,
    },
    Rule,
    Gap(f64),
    /// The red "entered in error" box.
    Banner,
}

impl Piece {
    fn height(&self) -> f64 {
        match self {
            Piece::Text { size, .. } | Piece::Local { size, .. } => size * 1.35,
            Piece::Rule => 24.0,
            Piece::Gap(h) => *h,
            Piece::Banner => banner_lines().len() as f64 * 62.0 + 50.0,
        }
    }
}

fn banner_lines() -> Vec<String> {
    wrap(VOID_TEXT, 48.0, true, WIDTH - 60.0)
}

/// Pieces that should stay on one page when they can.
struct Block {
    pieces: Vec<Piece>,
    keep_together: bool,
}

impl Block {
    fn new(keep_together: bool) -> Self {
        Self {
            pieces: Vec::new(),
            keep_together,
        }
    }
    /// Wrapped text; every word is kept.
    fn text(&mut self, text: &str, size: f64, bold: bool, colour: &'static str, indent: f64) {
        for line in wrap(text, size, bold, WIDTH - indent) {
            self.pieces.push(Piece::Text {
                text: line,
                size,
                bold,
                colour,
                indent,
            });
        }
    }
    fn height(&self) -> f64 {
        self.pieces.iter().map(Piece::height).sum()
    }
}

struct Sheet {
    svg: String,
    hidden: Vec<Hidden>,
    y: f64,
}

impl Sheet {
    fn draw(&mut self, piece: &Piece) {
        match piece {
            Piece::Text {
                text,
                size,
                bold,
                colour,
                indent,
            } => {
                self.y += size * 1.35;
                self.svg.push_str(&format!(
                    r##"<text x="{x}" y="{y:.1}" font-family="Noto Sans" font-size="{size}"{weight} fill="{colour}">{t}</text>
"##,
                    x = LEFT + indent,
                    y = self.y - size * 0.3,
                    weight = if *bold { r#" font-weight="bold""# } else { "" },
                    t = escape(text),
                ));
            }
            Piece::Local { text, size } => {
                self.y += size * 1.35;
                let y = self.y - size * 0.3;
                if let Some(shaped) = shaped_path(text, *size, LEFT, y, WIDTH) {
                    self.svg.push_str(&format!(
                        r##"<path d="{}" fill="{BLACK}"/>
"##,
                        shaped.d
                    ));
                    self.hidden.push(Hidden {
                        text: text.clone(),
                        x: LEFT,
                        y,
                        size: shaped.size,
                    });
                }
            }
            Piece::Rule => {
                self.y += 24.0;
                self.svg.push_str(&format!(
                    r##"<path d="M{LEFT} {y:.1}h{WIDTH}" stroke="{BLUE}" stroke-width="3"/>
"##,
                    y = self.y - 10.0
                ));
            }
            Piece::Gap(h) => self.y += h,
            Piece::Banner => {
                let lines = banner_lines();
                let h = lines.len() as f64 * 62.0 + 30.0;
                let top = self.y + 10.0;
                self.svg.push_str(&format!(
                    r##"<rect x="{LEFT}" y="{top:.1}" width="{WIDTH}" height="{h:.1}" fill="#ffffff" stroke="#cc0000" stroke-width="6"/>
"##
                ));
                for (i, line) in lines.iter().enumerate() {
                    self.svg.push_str(&format!(
                        r##"<text x="{x}" y="{y:.1}" font-family="Noto Sans" font-weight="bold" font-size="48" fill="#cc0000">{t}</text>
"##,
                        x = LEFT + 30.0,
                        y = top + 15.0 + (i as f64 + 1.0) * 62.0 - 14.0,
                        t = escape(line),
                    ));
                }
                self.y += piece.height();
            }
        }
    }
}

/// The blocks of the slip, in reading order (the first page's header included).
fn blocks(s: &Slip) -> Vec<Block> {
    let mut out = Vec::new();
    let mut head = Block::new(true);
    head.text(&s.facility_name, 52.0, true, BLUE, 0.0);
    let contact: Vec<String> = [
        s.facility_address.clone(),
        s.facility_phone.as_ref().map(|p| format!("Phone {p}")),
    ]
    .into_iter()
    .flatten()
    .collect();
    if !contact.is_empty() {
        head.text(&contact.join(" · "), SMALL, false, GREY, 0.0);
    }
    head.pieces.push(Piece::Rule);
    head.text(&s.prescriber, 42.0, true, BLACK, 0.0);
    if !s.qualifications.is_empty() {
        head.text(&s.qualifications.join(", "), SMALL, false, GREY, 0.0);
    }
    for r in &s.registrations {
        head.text(r, SMALL, false, GREY, 0.0);
    }
    head.pieces.push(Piece::Rule);
    out.push(head);

    let mut patient = Block::new(true);
    patient.text(
        &format!("Patient: {}", s.patient_name),
        40.0,
        true,
        BLACK,
        0.0,
    );
    if let Some(local) = &s.patient_local_name {
        patient.pieces.push(Piece::Local {
            text: local.clone(),
            size: 40.0,
        });
    }
    patient.text(
        &format!("Health ID: {}", s.health_id),
        BODY,
        true,
        BLACK,
        0.0,
    );
    let mut facts = vec![s.age_sex.clone()];
    if let Some(w) = &s.weight {
        facts.push(format!("Weight {w}"));
    }
    patient.text(&facts.join(" · "), BODY, false, BLACK, 0.0);
    if let Some(a) = &s.patient_address {
        patient.text(&format!("Address: {a}"), SMALL, false, GREY, 0.0);
    }
    patient.text(&format!("Date: {}", s.date), SMALL, false, GREY, 0.0);
    patient.pieces.push(Piece::Rule);
    if s.entered_in_error {
        patient.pieces.push(Piece::Banner);
    }
    out.push(patient);

    if s.complaint.is_some() || !s.diagnoses.is_empty() {
        let mut clinical = Block::new(true);
        if let Some(c) = &s.complaint {
            clinical.text(&format!("Complaint: {c}"), BODY, false, BLACK, 0.0);
        }
        for (i, d) in s.diagnoses.iter().enumerate() {
            let label = if i == 0 { "Diagnosis: " } else { "" };
            clinical.text(&format!("{label}{d}"), BODY, i == 0, BLACK, 0.0);
        }
        clinical.pieces.push(Piece::Gap(10.0));
        out.push(clinical);
    }

    let mut rx = Block::new(true);
    rx.text("Rx", 60.0, true, BLUE, 0.0);
    out.push(rx);
    for (i, item) in s.items.iter().enumerate() {
        let mut b = Block::new(true);
        b.pieces.push(Piece::Gap(8.0));
        b.text(&format!("{}. {}", i + 1, item.drug), DRUG, true, BLACK, 0.0);
        b.text(&item.how, BODY, false, BLACK, 50.0);
        if let Some(ins) = &item.instructions {
            b.text(ins, SMALL + 2.0, false, GREY, 50.0);
        }
        out.push(b);
    }
    if let Some(a) = &s.advice {
        // Long advice may run over a page break; short advice stays together.
        let mut b = Block::new(true);
        b.pieces.push(Piece::Gap(20.0));
        b.text("Advice", 40.0, true, BLACK, 0.0);
        b.text(a, BODY, false, BLACK, 0.0);
        b.keep_together = b.height() < (BOTTOM - TOP) / 3.0;
        out.push(b);
    }
    if let Some(f) = &s.follow_up {
        let mut b = Block::new(true);
        b.pieces.push(Piece::Gap(16.0));
        b.text(&format!("Follow-up on {f}"), 40.0, true, BLACK, 0.0);
        out.push(b);
    }

    let mut sign = Block::new(true);
    sign.pieces.push(Piece::Gap(110.0));
    let indent = 760.0;
    sign.pieces.push(Piece::Text {
        text: "______________________________".into(),
        size: BODY,
        bold: false,
        colour: BLACK,
        indent,
    });
    sign.text(&s.prescriber, BODY, true, BLACK, indent);
    if !s.qualifications.is_empty() {
        sign.text(&s.qualifications.join(", "), SMALL, false, GREY, indent);
    }
    for r in &s.registrations {
        sign.text(r, SMALL, false, GREY, indent);
    }
    sign.text("Signature and stamp", SMALL, false, GREY, indent);
    out.push(sign);
    out
}

/// The header of every page after the first.
fn continuation(s: &Slip) -> Block {
    let mut b = Block::new(true);
    b.text(&s.facility_name, 40.0, true, BLUE, 0.0);
    b.text(
        &format!("Patient: {} · Health ID: {}", s.patient_name, s.health_id),
        BODY,
        true,
        BLACK,
        0.0,
    );
    b.text("Prescription continued", SMALL, false, GREY, 0.0);
    b.pieces.push(Piece::Rule);
    if s.entered_in_error {
        b.pieces.push(Piece::Banner);
    }
    b
}

fn new_sheet() -> Sheet {
    Sheet {
        svg: String::new(),
        hidden: Vec::new(),
        y: TOP,
    }
}

/// Lay the blocks out on as many pages as they need.
fn layout(s: &Slip) -> Vec<Sheet> {
    let mut sheets = Vec::new();
    let mut sheet = new_sheet();
    let header = continuation(s);
    let fresh_room = BOTTOM - TOP - header.height();
    let break_page = |sheets: &mut Vec<Sheet>, sheet: &mut Sheet| {
        sheets.push(std::mem::replace(sheet, new_sheet()));
        for p in &header.pieces {
            sheet.draw(p);
        }
    };
    for block in blocks(s) {
        let h = block.height();
        if block.keep_together && sheet.y + h > BOTTOM && h <= fresh_room {
            break_page(&mut sheets, &mut sheet);
        }
        for piece in &block.pieces {
            if sheet.y + piece.height() > BOTTOM {
                break_page(&mut sheets, &mut sheet);
                if matches!(piece, Piece::Gap(_)) {
                    continue;
                }
            }
            sheet.draw(piece);
        }
    }
    sheets.push(sheet);
    sheets
}

/// The slip's pages as SVG with their hidden text.
pub fn pages(s: &Slip) -> Vec<Page> {
    let sheets = layout(s);
    let n = sheets.len();
    sheets
        .into_iter()
        .enumerate()
        .map(|(i, sheet)| {
            let footer = format!(
                r##"<path d="M{LEFT} 1975h{WIDTH}" stroke="#999999" stroke-width="2"/>
<text x="{LEFT}" y="2020" font-family="Noto Sans" font-size="{SMALL}" fill="{GREY}">{who}</text>
<text x="{right}" y="2020" font-family="Noto Sans" font-weight="bold" font-size="{SMALL}" fill="{BLACK}" text-anchor="end">Page {p} of {n}</text>
<text x="{LEFT}" y="2062" font-family="Noto Sans" font-size="26" fill="#666666">{reference}</text>"##,
                who = escape(&format!("{} · {}", s.patient_name, s.health_id)),
                right = LEFT + WIDTH,
                p = i + 1,
                reference = escape(&s.reference),
            );
            Page {
                svg: format!(
                    r##"<svg xmlns="http://www.w3.org/2000/svg" width="148mm" height="210mm" viewBox="0 0 1480 2100">
<rect width="1480" height="2100" fill="#ffffff"/>
{body}{footer}
</svg>"##,
                    body = sheet.svg,
                ),
                hidden: sheet.hidden,
            }
        })
        .collect()
}

/// The slip as an A5 PDF of one or more pages.
pub fn pdf(s: &Slip) -> Result<Vec<u8>> {
    pdf::document(&pages(s), 148.0, 210.0, "Prescription")
}

#[cfg(test)]
mod tests {
    use super::*;

    pub(crate) fn slip(items: usize, void: bool) -> Slip {
        Slip {
            facility_name: "Kolkata <DH> & Co".into(),
            facility_address: Some("1 Hospital Road, Kolkata 700001".into()),
            facility_phone: Some("03322223333".into()),
            prescriber: "Dr. Ananya Sen".into(),
            registrations: vec!["WBMC Reg. No. 1".into()],
            qualifications: vec!["MBBS".into(), "MD (Medicine)".into()],
            patient_name: "Rina Das".into(),
            patient_local_name: Some("রিনা দাস".into()),
            health_id: "WB-0000-0000-0000".into(),
            age_sex: "30 years · Female".into(),
            weight: Some("52 kg".into()),
            patient_address: Some("Ward 4, Baruipur".into()),
            date: "1 Jan 2026".into(),
            complaint: Some("Fever for three days".into()),
            diagnoses: vec!["A90 Dengue fever (provisional)".into()],
            items: (1..=items)
                .map(|i| SlipItem {
                    drug: format!("Tab. Drugname{i:02} 500 mg"),
                    how: "1 tablet · by mouth · 1-1-1 · 5 days".into(),
                    instructions: Some("After food".into()),
                })
                .collect(),
            advice: Some("Plenty of fluids. ".repeat(20)),
            follow_up: Some("4 Jan 2026".into()),
            entered_in_error: void,
            reference: "ref".into(),
        }
    }

    #[test]
    fn every_item_is_placed_and_pages_are_numbered() {
        for (items, expected_pages) in [(1, 1), (12, 2), (40, 4)] {
            let pages = pages(&slip(items, false));
            assert!(
                pages.len() >= expected_pages - 1,
                "{items}: {}",
                pages.len()
            );
            let all: String = pages.iter().map(|p| p.svg.as_str()).collect();
            for i in 1..=items {
                assert!(
                    all.contains(&format!("Drugname{i:02}")),
                    "{items} items: #{i}"
                );
            }
            let n = pages.len();
            for (i, p) in pages.iter().enumerate() {
                assert!(p.svg.contains(&format!("Page {} of {n}", i + 1)));
                assert!(p.svg.contains("WB-0000-0000-0000"));
            }
            // The signature block only on the last page.
            let last = pages.last().unwrap();
            assert!(last.svg.contains("Signature and stamp"));
            assert!(pages[..n - 1]
                .iter()
                .all(|p| !p.svg.contains("Signature and stamp")));
            assert!(all.contains("Follow-up on 4 Jan 2026"));
        }
    }

    #[test]
    fn nothing_is_drawn_below_the_flow() {
        for items in [1, 12, 40] {
            for s in layout(&slip(items, true)) {
                assert!(s.y <= BOTTOM, "{items}: {}", s.y);
            }
        }
    }

    #[test]
    fn the_void_banner_is_on_every_page_and_fits_the_width() {
        let pages = pages(&slip(40, true));
        assert!(pages.len() > 1);
        for p in &pages {
            assert!(p.svg.contains("DO NOT DISPENSE"));
        }
        for line in banner_lines() {
            assert!(super::super::text::width(&line, 48.0, true) <= WIDTH - 60.0);
        }
    }

    #[test]
    fn escapes_text_and_renders() {
        let p = pages(&slip(1, false));
        assert!(p[0].svg.contains("Kolkata &lt;DH&gt; &amp; Co"));
        assert_eq!(p[0].hidden[0].text, "রিনা দাস");
        assert!(pdf(&slip(12, true)).unwrap().starts_with(b"%PDF"));
    }
}

#[cfg(test)]
mod preview {
    /// Writes sample PDFs for a person to look at: `PRINT_PREVIEW=dir cargo test preview`.
    #[test]
    fn write_previews() {
        let Ok(dir) = std::env::var("PRINT_PREVIEW") else {
            return;
        };
        for (n, void) in [(1, false), (12, true), (40, false)] {
            let pdf = super::pdf(&super::tests::slip(n, void)).unwrap();
            std::fs::write(format!("{dir}/rx-{n}.pdf"), pdf).unwrap();
        }
    }
}
