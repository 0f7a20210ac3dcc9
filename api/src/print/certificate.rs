//! An award certificate: one A4 landscape page naming the hospital, its place and the
//! round, with a QR code holding the signed award (verifiable offline against the
//! tenant's published card keys, as the e-health card is).

use super::card::qr_path;
use super::pdf::{self, Hidden, Page};
use super::text::{escape, shaped_path, wrap};
use anyhow::Result;

pub struct CertificateFace {
    pub tenant_name: String,
    pub facility_name: String,
    pub place: u32,
    pub title: String,
    /// "Paediatrics · April 2026 to March 2027".
    pub subject: String,
    /// "Score 84.2 of 100, ranked 1st".
    pub standing: String,
    pub decided_on: String,
    pub reference: String,
    pub qr_payload: String,
}

pub fn ordinal(n: u32) -> String {
    let suffix = match (n % 10, n % 100) {
        (_, 11..=13) => "th",
        (1, _) => "st",
        (2, _) => "nd",
        (3, _) => "rd",
        _ => "th",
    };
    format!("{n}{suffix}")
}

const CENTRE: f64 = 1485.0;

/// Latin lines centred at `y`, `step` apart; returns the y after them.
fn centred(svg: &mut String, lines: &[String], y: f64, size: f64, bold: bool, step: f64) -> f64 {
    let mut y = y;
    for l in lines {
        svg.push_str(&format!(
            r##"<text x="{CENTRE}" y="{y:.1}" text-anchor="middle" font-family="Noto Sans"{w} font-size="{size}">{t}</text>
"##,
            w = if bold { r#" font-weight="bold""# } else { "" },
            t = escape(l)
        ));
        y += step;
    }
    y
}

fn is_latin(s: &str) -> bool {
    s.chars().all(|c| (c as u32) < 0x0250 || c.is_whitespace())
}

pub fn page(face: &CertificateFace) -> Result<Page> {
    let mut body = String::new();
    let mut hidden = Vec::new();
    centred(
        &mut body,
        std::slice::from_ref(&face.tenant_name),
        330.0,
        64.0,
        true,
        0.0,
    );
    centred(
        &mut body,
        &["Certificate of Award".into()],
        470.0,
        96.0,
        true,
        0.0,
    );
    centred(
        &mut body,
        &["This certifies that".into()],
        600.0,
        48.0,
        false,
        0.0,
    );
    // The hospital's name: Latin text wrapped on up to three lines, or a local
    // script shaped as outlines (with the real text behind them).
    let mut y = 730.0;
    if is_latin(&face.facility_name) {
        let lines = wrap(&face.facility_name, 80.0, true, 2300.0);
        y = centred(&mut body, &lines, y, 80.0, true, 95.0);
    } else if let Some(s) = shaped_path(&face.facility_name, 80.0, 335.0, y, 2300.0) {
        body.push_str(&format!(r##"<path d="{}" fill="#0b5394"/>"##, s.d));
        hidden.push(Hidden {
            text: face.facility_name.clone(),
            x: 335.0,
            y,
            size: s.size,
        });
        y += 95.0;
    }
    y = centred(
        &mut body,
        &[format!("was placed {} in", ordinal(face.place))],
        y + 20.0,
        48.0,
        false,
        0.0,
    );
    let title = wrap(&face.title, 64.0, true, 2300.0);
    y = centred(&mut body, &title, y + 100.0, 64.0, true, 78.0);
    y = centred(
        &mut body,
        std::slice::from_ref(&face.subject),
        y + 20.0,
        44.0,
        false,
        60.0,
    );
    centred(
        &mut body,
        std::slice::from_ref(&face.standing),
        y,
        44.0,
        false,
        0.0,
    );

    let (qr, modules) = qr_path(&face.qr_payload)?;
    // 45 mm wide: a module of about half a millimetre, easy for a phone's camera.
    let scale = 450.0 / (modules as f64 + 4.0);
    let svg = format!(
        r##"<svg xmlns="http://www.w3.org/2000/svg" width="297mm" height="210mm" viewBox="0 0 2970 2100">
<rect width="2970" height="2100" fill="#ffffff"/>
<rect x="80" y="80" width="2810" height="1940" fill="none" stroke="#0b5394" stroke-width="14"/>
<rect x="120" y="120" width="2730" height="1860" fill="none" stroke="#b8860b" stroke-width="4"/>
{body}<text x="250" y="1790" font-family="Noto Sans" font-size="40" fill="#444444">Decided on {decided}</text>
<text x="250" y="1850" font-family="Noto Sans" font-size="32" fill="#444444">Reference {reference}</text>
<g transform="translate(2300,1420)"><rect width="450" height="450" fill="#ffffff"/><g transform="scale({scale:.4}) translate(2,2)"><path d="{qr}" fill="#000000"/></g></g>
<text x="2525" y="1920" text-anchor="middle" font-family="Noto Sans" font-size="32" fill="#444444">Scan to verify</text>
</svg>"##,
        decided = escape(&face.decided_on),
        reference = escape(&face.reference),
    );
    Ok(Page { svg, hidden })
}

/// The certificate as a one-page A4 landscape PDF.
pub fn pdf(face: &CertificateFace) -> Result<Vec<u8>> {
    pdf::document(&[page(face)?], 297.0, 210.0, "Certificate of Award")
}

#[cfg(test)]
mod tests {
    use super::*;

    fn face(name: &str) -> CertificateFace {
        CertificateFace {
            tenant_name: "West Bengal Health & Family Welfare".into(),
            facility_name: name.into(),
            place: 1,
            title: "Best district hospital in paediatrics, 2026–27".into(),
            subject: "Paediatrics · April 2026 to December 2026".into(),
            standing: "Score 84.2 of 100, ranked 1st of 7".into(),
            decided_on: "7 Dec 2026".into(),
            reference: "0193-abcd".into(),
            qr_payload: "a.b.c".into(),
        }
    }

    #[test]
    fn ordinals_read_as_spoken() {
        let got: Vec<String> = [1, 2, 3, 4, 11, 12, 13, 21, 22, 101]
            .iter()
            .map(|n| ordinal(*n))
            .collect();
        assert_eq!(
            got,
            ["1st", "2nd", "3rd", "4th", "11th", "12th", "13th", "21st", "22nd", "101st"]
        );
    }

    #[test]
    fn escapes_names_and_draws_local_scripts_as_outlines() {
        let p = page(&face("Kandi <SDH> & Co")).unwrap();
        assert!(p.svg.contains("Kandi &lt;SDH&gt; &amp; Co"));
        assert!(p.hidden.is_empty());
        let p = page(&face("মুর্শিদাবাদ জেলা হাসপাতাল")).unwrap();
        assert_eq!(p.hidden.len(), 1);
        assert!(!p.svg.contains("মুর্শিদাবাদ"));
        assert!(pdf(&face("Kandi SDH")).unwrap().starts_with(b"%PDF"));
    }
}
