//! Printable e-health cards: one SVG drawing at ID-1 size (85.6 × 54 mm), turned into a
//! PDF (with the local-script name searchable) or a PNG at 300 dpi (resvg). Text is
//! shaped with the Noto fonts compiled into the binary, so Devanagari and Bengali
//! conjuncts and vowel signs come out right.
//!
//! Long names follow one stated rule, so no text is ever smaller than `MIN_SIZE`
//! (7.4 pt): the Latin name is printed on one line at up to 11 pt, else on two lines
//! at the largest size that fits; if even two lines at the minimum cannot hold it, the
//! middle names become initials ("Venkata Lakshmi Narasimha Rao" → "Venkata L. N.
//! Rao"), then the first name too; a single word too long even then takes more lines
//! at the minimum. No letter of a name is ever cut. The local-script name shrinks to fit one line down
//! to the same minimum, and goes to two lines below it.

use super::pdf::{self, Hidden, Page};
use super::text::{escape, shaped_path, svg_options, width, wrap};
use anyhow::{Context, Result};
use resvg::usvg;

/// What is printed on the card.
pub struct CardFace {
    pub tenant_name: String,
    pub name: String,
    pub local_name: Option<String>,
    pub health_id: String,
    pub year_of_birth: i32,
    pub sex: String,
    /// "06 Dec 2026", the day this card was issued (India time).
    pub issued_on: String,
    /// The signed payload the QR code carries.
    pub qr_payload: String,
}

/// The smallest text on the card, in user units (0.1 mm): 2.6 mm ≈ 7.4 pt.
pub const MIN_SIZE: f64 = 26.0;
/// The Latin name's largest size (≈ 11.3 pt) and the room it has beside the QR code.
const NAME_SIZE: f64 = 40.0;
const NAME_WIDTH: f64 = 480.0;

/// The name as printed: its lines and their size.
#[derive(Debug, PartialEq)]
pub struct NameLines {
    pub lines: Vec<String>,
    pub size: f64,
}

/// "Venkata Lakshmi Narasimha Rao" → "Venkata L. N. Rao"; with `first` also the first
/// name: "V. L. N. Rao".
fn initials(name: &str, first: bool) -> String {
    let words: Vec<&str> = name.split_whitespace().collect();
    let last = words.len().saturating_sub(1);
    words
        .iter()
        .enumerate()
        .map(|(i, w)| {
            if i == last || (i == 0 && !first) {
                (*w).to_owned()
            } else {
                format!("{}.", w.chars().next().unwrap_or(' '))
            }
        })
        .collect::<Vec<_>>()
        .join(" ")
}

/// Lay out the Latin name by the rule in the module's comment.
pub fn name_lines(name: &str, max: f64, width_available: f64) -> NameLines {
    for candidate in [name.to_owned(), initials(name, false), initials(name, true)] {
        if width(&candidate, max, true) <= width_available {
            return NameLines {
                lines: vec![candidate],
                size: max,
            };
        }
        let mut size = max;
        while size >= MIN_SIZE {
            let lines = wrap(&candidate, size, true, width_available);
            if lines.len() <= 2 {
                return NameLines { lines, size };
            }
            size -= 2.0;
        }
    }
    // A word too long for two lines even at the minimum (a single-word name of 40 or
    // more wide letters): as many lines as it takes at the minimum. Nothing is cut.
    NameLines {
        lines: wrap(&initials(name, true), MIN_SIZE, true, width_available),
        size: MIN_SIZE,
    }
}

/// The largest size up to `max` at which `text` fits `width_available`, not below
/// `MIN_SIZE`.
fn fitted(text: &str, max: f64, width_available: f64, bold: bool) -> f64 {
    let w = width(text, max, bold);
    if w <= width_available {
        max
    } else {
        (max * width_available / w).max(MIN_SIZE)
    }
}

pub(crate) fn qr_path(payload: &str) -> Result<(String, usize)> {
    let code = qrcode::QrCode::with_error_correction_level(payload, qrcode::EcLevel::M)
        .context("encoding the QR code")?;
    let width = code.width();
    let mut d = String::new();
    for (i, c) in code.to_colors().iter().enumerate() {
        if *c == qrcode::Color::Dark {
            d.push_str(&format!("M{} {}h1v1h-1z", i % width, i / width));
        }
    }
    Ok((d, width))
}

/// The local-script name as outlines, on one or two lines, with its hidden text.
fn local_name(text: &str, top: f64) -> (String, Vec<Hidden>) {
    let (x, w) = (30.0, 470.0);
    let one = shaped_path(text, NAME_SIZE, x, top, w);
    let lines: Vec<String> = match &one {
        Some(s) if s.size >= MIN_SIZE => vec![text.to_owned()],
        _ => {
            // Split at the middle space into two lines.
            let words: Vec<&str> = text.split_whitespace().collect();
            let half = words.len().div_ceil(2).max(1);
            vec![words[..half].join(" "), words[half..].join(" ")]
                .into_iter()
                .filter(|l| !l.is_empty())
                .collect()
        }
    };
    let mut svg = String::new();
    let mut hidden = Vec::new();
    for (i, line) in lines.iter().enumerate() {
        // Two lines at size 30 sit 40 apart, the first a little above `top`.
        let y = if lines.len() > 1 {
            top - 12.0 + i as f64 * 40.0
        } else {
            top
        };
        let size = if lines.len() > 1 { 30.0 } else { NAME_SIZE };
        if let Some(s) = shaped_path(line, size, x, y, w) {
            svg.push_str(&format!(r##"<path d="{}" fill="#000000"/>"##, s.d));
            hidden.push(Hidden {
                text: line.clone(),
                x,
                y,
                size: s.size,
            });
        }
    }
    (svg, hidden)
}

/// The card as SVG (1 user unit = 0.1 mm) and the text hidden behind its outlines.
pub fn page(face: &CardFace) -> Result<Page> {
    let (qr, modules) = qr_path(&face.qr_payload)?;
    // The QR code with a quiet zone of 2 modules fits a 300-unit square.
    let scale = 300.0 / (modules as f64 + 4.0);
    let name = name_lines(&face.name, NAME_SIZE, NAME_WIDTH);
    let name_svg: String = name
        .lines
        .iter()
        .enumerate()
        .map(|(i, l)| {
            // One line sits at 180; two or more start higher so the block ends above
            // the local-script name (at most four lines fit under the header).
            let n = name.lines.len() as f64;
            let step = name.size * 1.15;
            let y = if name.lines.len() == 1 {
                180.0
            } else {
                (160.0 - (n - 2.0).max(0.0) * step).max(128.0) + i as f64 * step
            };
            format!(
                r##"<text x="30" y="{y:.1}" font-family="Noto Sans" font-weight="bold" font-size="{s:.1}">{t}</text>"##,
                s = name.size,
                t = escape(l)
            )
        })
        .collect();
    let (local, hidden) = face
        .local_name
        .as_deref()
        .map(|l| local_name(l, 262.0))
        .unwrap_or_default();
    let svg = format!(
        r##"<svg xmlns="http://www.w3.org/2000/svg" width="85.6mm" height="54mm" viewBox="0 0 856 540">
<rect x="2" y="2" width="852" height="536" rx="30" fill="#ffffff" stroke="#0b5394" stroke-width="4"/>
<path d="M2 32a30 30 0 0 1 30-30h792a30 30 0 0 1 30 30v68H2z" fill="#0b5394"/>
<text x="30" y="48" font-family="Noto Sans" font-weight="bold" font-size="{ts:.1}" fill="#ffffff">{tenant}</text>
<text x="30" y="86" font-family="Noto Sans" font-size="26" fill="#ffffff">e-Health Card</text>
{name_svg}
{local}
<text x="30" y="336" font-family="Noto Sans" font-size="26" fill="#444444">Year of birth {yob} · {sex}</text>
<text x="30" y="396" font-family="Noto Sans" font-size="26" fill="#444444">Health ID</text>
<text x="30" y="446" font-family="Noto Sans" font-weight="bold" font-size="{hs:.1}">{hid}</text>
<text x="30" y="506" font-family="Noto Sans" font-size="26" fill="#444444">Issued {issued}</text>
<g transform="translate(526,130)"><rect width="300" height="300" fill="#ffffff"/><g transform="scale({scale:.4}) translate(2,2)"><path d="{qr}" fill="#000000"/></g></g>
<text x="540" y="470" font-family="Noto Sans" font-size="26" fill="#444444">Scan to verify</text>
</svg>"##,
        tenant = escape(&face.tenant_name),
        ts = fitted(&face.tenant_name, 34.0, 790.0, true),
        hs = fitted(&face.health_id, 44.0, 480.0, true),
        yob = face.year_of_birth,
        sex = escape(&face.sex),
        hid = escape(&face.health_id),
        issued = escape(&face.issued_on),
    );
    Ok(Page { svg, hidden })
}

/// The card as a one-page PDF of exactly ID-1 size.
pub fn pdf(face: &CardFace) -> Result<Vec<u8>> {
    pdf::document(&[page(face)?], 85.6, 54.0, "e-Health Card")
}

/// The card as a PNG at 300 dpi (1011 × 638 pixels).
pub fn png(face: &CardFace) -> Result<Vec<u8>> {
    let tree = usvg::Tree::from_str(&page(face)?.svg, &svg_options())
        .context("building the card drawing")?;
    let scale = 300.0 / 96.0;
    let size = tree.size();
    let mut pixmap = resvg::tiny_skia::Pixmap::new(
        (size.width() * scale).round() as u32,
        (size.height() * scale).round() as u32,
    )
    .context("allocating the card image")?;
    resvg::render(
        &tree,
        resvg::tiny_skia::Transform::from_scale(scale, scale),
        &mut pixmap.as_mut(),
    );
    pixmap.encode_png().context("encoding the card PNG")
}

/// The smallest font size the card's SVG uses, in user units.
pub fn smallest_font_size(svg: &str) -> f64 {
    svg.split("font-size=\"")
        .skip(1)
        .filter_map(|s| s.split('"').next()?.parse::<f64>().ok())
        .fold(f64::MAX, f64::min)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn face(name: &str) -> CardFace {
        CardFace {
            tenant_name: "West Bengal <Health> & Family Welfare".into(),
            name: name.into(),
            local_name: Some("লক্ষ্মী দেবী".into()),
            health_id: "WB-4821-0937-5516".into(),
            year_of_birth: 1992,
            sex: "Female".into(),
            issued_on: "06 Dec 2026".into(),
            qr_payload: "eyJhbGciOiJFZERTQSJ9.eyJoaWQiOiJXQiJ9.c2ln".into(),
        }
    }

    #[test]
    fn escapes_text_and_draws_the_local_name_as_outlines() {
        let p = page(&face("Lakshmi Devi")).unwrap();
        assert!(p.svg.contains("&lt;Health&gt; &amp;"));
        assert!(p.svg.contains("<path d=\"M"));
        assert!(p.svg.contains("Issued 06 Dec 2026"));
        assert_eq!(p.hidden[0].text, "লক্ষ্মী দেবী");
    }

    #[test]
    fn long_names_wrap_or_abbreviate_and_never_go_below_the_minimum() {
        let short = name_lines("Lakshmi Devi", NAME_SIZE, NAME_WIDTH);
        assert_eq!(short.lines, ["Lakshmi Devi"]);
        assert_eq!(short.size, NAME_SIZE);
        let long = "Srinivasa Venkata Lakshmi Narasimha Rao";
        let l = name_lines(long, NAME_SIZE, NAME_WIDTH);
        assert_eq!(l.lines.len(), 2);
        assert!(l.size >= MIN_SIZE);
        assert_eq!(l.lines.join(" "), long, "two lines hold it whole");
        let very_long = "Srinivasa Venkata Lakshmi Narasimha Subrahmanya Chakravarthy Bhattacharya";
        let v = name_lines(very_long, NAME_SIZE, NAME_WIDTH);
        assert!(v.lines.len() <= 2 && v.size >= MIN_SIZE);
        assert!(v.lines.join(" ").ends_with("Bhattacharya"), "{v:?}");
        assert!(v.lines.join(" ").starts_with("Srinivasa V. L."), "{v:?}");
        // One 80-letter word (the longest a name part may be) is kept whole: a real
        // one in four lines, even 80 of the widest letter, on more.
        let word = "Venkatasubramanianarayanaswamy".repeat(3)[..80].to_owned();
        let w = name_lines(&word, NAME_SIZE, NAME_WIDTH);
        assert_eq!(w.lines.concat(), word, "{w:?}");
        assert!(w.lines.len() <= 4 && w.size >= MIN_SIZE, "{w:?}");
        let widest = "W".repeat(80);
        assert_eq!(
            name_lines(&widest, NAME_SIZE, NAME_WIDTH).lines.concat(),
            widest
        );
        for n in [long, very_long, &"X".repeat(160)] {
            let svg = page(&face(n)).unwrap().svg;
            assert!(smallest_font_size(&svg) >= MIN_SIZE, "{n}");
        }
    }

    #[test]
    fn renders_pdf_and_png() {
        let pdf = pdf(&face("Lakshmi Devi")).unwrap();
        assert!(pdf.starts_with(b"%PDF-"));
        let png = png(&face("Lakshmi Devi")).unwrap();
        assert!(png.starts_with(b"\x89PNG"));
    }
}
