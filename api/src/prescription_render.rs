//! Printable prescription slips: one A5 page drawn as SVG and turned into a PDF, with
//! the facility, the prescriber and their council registration number, the patient's
//! health ID, the drugs and the advice. Latin text stays text (searchable); a local-
//! script patient name is shaped and drawn as outlines, as on the e-health card.

use crate::card_render::{escape, fonts, shaped_path};
use anyhow::{Context, Result};
use resvg::usvg;

/// What the slip shows.
pub struct Slip {
    pub facility_name: String,
    pub facility_address: Option<String>,
    pub facility_phone: Option<String>,
    pub prescriber: String,
    /// "West Bengal Medical Council Reg. No. WBMC-1001"
    pub registrations: Vec<String>,
    pub qualifications: Vec<String>,
    pub patient_name: String,
    pub patient_local_name: Option<String>,
    pub health_id: String,
    pub age_sex: String,
    /// As printed, in India time: "22 Nov 2026, 10:35".
    pub date: String,
    pub items: Vec<SlipItem>,
    pub advice: Option<String>,
    /// Printed across the slip when the prescription was entered in error.
    pub entered_in_error: bool,
    pub reference: String,
}

pub struct SlipItem {
    /// "Paracetamol 500 mg"
    pub drug: String,
    /// "1 tablet · oral · 1-1-1 · 5 days"
    pub how: String,
    pub instructions: Option<String>,
}

/// Break text into lines of at most `width` characters, at spaces where possible.
fn wrap(text: &str, width: usize) -> Vec<String> {
    let mut lines = Vec::new();
    let mut line = String::new();
    for word in text.split_whitespace() {
        let mut word = word.to_owned();
        while word.chars().count() > width {
            let head: String = word.chars().take(width).collect();
            word = word.chars().skip(width).collect();
            if !line.is_empty() {
                lines.push(std::mem::take(&mut line));
            }
            lines.push(head);
        }
        if !line.is_empty() && line.chars().count() + 1 + word.chars().count() > width {
            lines.push(std::mem::take(&mut line));
        }
        if !line.is_empty() {
            line.push(' ');
        }
        line.push_str(&word);
    }
    if !line.is_empty() {
        lines.push(line);
    }
    lines
}

/// Drawing state: text lines placed top to bottom (1 user unit = 0.1 mm).
struct Page {
    body: String,
    y: f64,
}

const LEFT: f64 = 90.0;
const WIDTH: f64 = 1300.0;
const BOTTOM: f64 = 1960.0;

impl Page {
    fn text(&mut self, text: &str, size: f64, bold: bool, colour: &str) {
        // About 0.55 em per character of Noto Sans.
        let per_line = ((WIDTH / (size * 0.55)) as usize).max(10);
        for line in wrap(text, per_line) {
            self.y += size * 1.35;
            if self.y > BOTTOM {
                return;
            }
            self.body.push_str(&format!(
                r##"<text x="{LEFT}" y="{y:.1}" font-family="Noto Sans" font-size="{size}"{weight} fill="{colour}">{t}</text>"##,
                y = self.y,
                weight = if bold { r#" font-weight="bold""# } else { "" },
                t = escape(&line),
            ));
            self.body.push('\n');
        }
    }
    fn gap(&mut self, h: f64) {
        self.y += h;
    }
    fn rule(&mut self) {
        self.y += 20.0;
        self.body.push_str(&format!(
            r##"<path d="M{LEFT} {y:.1}h{WIDTH}" stroke="#0b5394" stroke-width="3"/>"##,
            y = self.y
        ));
        self.body.push('\n');
    }
}

pub fn svg(s: &Slip) -> String {
    let mut p = Page {
        body: String::new(),
        y: 40.0,
    };
    p.text(&s.facility_name, 48.0, true, "#0b5394");
    if let Some(a) = &s.facility_address {
        p.text(a, 26.0, false, "#444444");
    }
    if let Some(ph) = &s.facility_phone {
        p.text(&format!("Phone {ph}"), 26.0, false, "#444444");
    }
    p.rule();
    p.text(&s.prescriber, 34.0, true, "#000000");
    if !s.qualifications.is_empty() {
        p.text(&s.qualifications.join(", "), 26.0, false, "#444444");
    }
    for r in &s.registrations {
        p.text(r, 26.0, false, "#444444");
    }
    p.rule();
    p.text(
        &format!("Patient: {}", s.patient_name),
        32.0,
        true,
        "#000000",
    );
    if let Some(local) = s
        .patient_local_name
        .as_deref()
        .and_then(|l| shaped_path(l, 32.0, LEFT, p.y + 46.0, WIDTH))
    {
        p.body
            .push_str(&format!(r##"<path d="{local}" fill="#000000"/>"##));
        p.gap(46.0);
    }
    p.text(
        &format!("Health ID: {}", s.health_id),
        30.0,
        true,
        "#000000",
    );
    p.text(
        &format!("{} · {}", s.age_sex, s.date),
        26.0,
        false,
        "#444444",
    );
    p.rule();
    p.gap(10.0);
    p.text("Rx", 56.0, true, "#0b5394");
    for (i, item) in s.items.iter().enumerate() {
        p.gap(10.0);
        p.text(&format!("{}. {}", i + 1, item.drug), 32.0, true, "#000000");
        p.text(&item.how, 28.0, false, "#000000");
        if let Some(ins) = &item.instructions {
            p.text(ins, 26.0, false, "#444444");
        }
    }
    if let Some(a) = &s.advice {
        p.gap(20.0);
        p.text("Advice", 30.0, true, "#000000");
        p.text(a, 28.0, false, "#000000");
    }
    let stamp = if s.entered_in_error {
        r##"<rect x="60" y="1000" width="1360" height="150" fill="#ffffff" stroke="#cc0000" stroke-width="6"/><text x="110" y="1105" font-family="Noto Sans" font-weight="bold" font-size="72" fill="#cc0000">ENTERED IN ERROR: DO NOT DISPENSE</text>"##
    } else {
        ""
    };
    format!(
        r##"<svg xmlns="http://www.w3.org/2000/svg" width="148mm" height="210mm" viewBox="0 0 1480 2100">
<rect width="1480" height="2100" fill="#ffffff"/>
{body}
<path d="M980 1930h410" stroke="#000000" stroke-width="2"/>
<text x="980" y="1965" font-family="Noto Sans" font-size="22" fill="#444444">Signature</text>
<text x="{LEFT}" y="2060" font-family="Noto Sans" font-size="20" fill="#777777">{reference}</text>
{stamp}
</svg>"##,
        body = p.body,
        reference = escape(&s.reference),
    )
}

/// The slip as a one-page A5 PDF.
pub fn pdf(s: &Slip) -> Result<Vec<u8>> {
    let options = usvg::Options {
        fontdb: fonts(),
        ..Default::default()
    };
    let tree = usvg::Tree::from_str(&svg(s), &options).context("building the prescription")?;
    svg2pdf::to_pdf(
        &tree,
        svg2pdf::ConversionOptions::default(),
        svg2pdf::PageOptions { dpi: 96.0 },
    )
    .map_err(|e| anyhow::anyhow!("rendering the prescription PDF: {e}"))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn wraps_at_spaces_and_splits_long_words() {
        assert_eq!(wrap("one two three", 7), ["one two", "three"]);
        assert_eq!(wrap("abcdefghij", 4), ["abcd", "efgh", "ij"]);
        assert!(wrap("   ", 5).is_empty());
    }

    #[test]
    fn escapes_text_and_renders() {
        let slip = Slip {
            facility_name: "Kolkata <DH> & Co".into(),
            facility_address: None,
            facility_phone: None,
            prescriber: "Dr. A".into(),
            registrations: vec!["WBMC Reg. No. 1".into()],
            qualifications: vec![],
            patient_name: "B".into(),
            patient_local_name: Some("বি".into()),
            health_id: "WB-0000-0000-0000".into(),
            age_sex: "30 y · Female".into(),
            date: "1 Jan 2026".into(),
            items: vec![SlipItem {
                drug: "Paracetamol".into(),
                how: "1 tablet".into(),
                instructions: None,
            }],
            advice: None,
            entered_in_error: true,
            reference: "ref".into(),
        };
        let svg = svg(&slip);
        assert!(svg.contains("Kolkata &lt;DH&gt; &amp; Co"));
        assert!(svg.contains("ENTERED IN ERROR"));
        assert!(pdf(&slip).unwrap().starts_with(b"%PDF"));
    }
}
