//! Printable e-health cards: one SVG drawing at ID-1 size (85.6 × 54 mm), turned into a
//! PDF (svg2pdf) or a PNG at 300 dpi (resvg). Text is shaped with the Noto fonts
//! compiled into the binary, so Devanagari and Bengali conjuncts and vowel signs come
//! out right.

use anyhow::{Context, Result};
use resvg::usvg;
use std::sync::{Arc, OnceLock};

/// What is printed on the card.
pub struct CardFace<'a> {
    pub tenant_name: &'a str,
    pub name: &'a str,
    pub local_name: Option<&'a str>,
    pub health_id: &'a str,
    pub year_of_birth: i32,
    pub sex: &'a str,
    /// The signed payload the QR code carries.
    pub qr_payload: &'a str,
}

static LATIN: &[u8] = include_bytes!("../assets/fonts/NotoSans-Regular.ttf");
static LATIN_BOLD: &[u8] = include_bytes!("../assets/fonts/NotoSans-Bold.ttf");
static DEVANAGARI: &[u8] = include_bytes!("../assets/fonts/NotoSansDevanagari-Regular.ttf");
static BENGALI: &[u8] = include_bytes!("../assets/fonts/NotoSansBengali-Regular.ttf");

/// Fonts for the Latin text, which stays text in the PDF (searchable, copyable).
pub(crate) fn fonts() -> Arc<usvg::fontdb::Database> {
    static DB: OnceLock<Arc<usvg::fontdb::Database>> = OnceLock::new();
    DB.get_or_init(|| {
        let mut db = usvg::fontdb::Database::new();
        for font in [LATIN, LATIN_BOLD] {
            db.load_font_data(font.to_vec());
        }
        Arc::new(db)
    })
    .clone()
}

/// Writes glyph outlines as SVG path commands, placed and scaled (font units are y-up).
struct PathWriter {
    d: String,
    x: f64,
    y: f64,
    scale: f64,
}

impl PathWriter {
    fn pt(&self, px: f32, py: f32) -> (f64, f64) {
        (
            self.x + px as f64 * self.scale,
            self.y - py as f64 * self.scale,
        )
    }
}

impl rustybuzz::ttf_parser::OutlineBuilder for PathWriter {
    fn move_to(&mut self, x: f32, y: f32) {
        let (a, b) = self.pt(x, y);
        self.d.push_str(&format!("M{a:.2} {b:.2}"));
    }
    fn line_to(&mut self, x: f32, y: f32) {
        let (a, b) = self.pt(x, y);
        self.d.push_str(&format!("L{a:.2} {b:.2}"));
    }
    fn quad_to(&mut self, x1: f32, y1: f32, x: f32, y: f32) {
        let ((a, b), (c, e)) = (self.pt(x1, y1), self.pt(x, y));
        self.d.push_str(&format!("Q{a:.2} {b:.2} {c:.2} {e:.2}"));
    }
    fn curve_to(&mut self, x1: f32, y1: f32, x2: f32, y2: f32, x: f32, y: f32) {
        let ((a, b), (c, e), (f, g)) = (self.pt(x1, y1), self.pt(x2, y2), self.pt(x, y));
        self.d
            .push_str(&format!("C{a:.2} {b:.2} {c:.2} {e:.2} {f:.2} {g:.2}"));
    }
    fn close(&mut self) {
        self.d.push('Z');
    }
}

/// A name in a local script as outlines, shaped with rustybuzz (conjuncts, vowel signs
/// and their positions), baseline at (`x`, `y`), at most `width` wide. Drawn as paths
/// because usvg's own text layout misplaces clusters of several glyphs (Devanagari
/// vowel sign AA, for one).
pub(crate) fn shaped_path(text: &str, size: f64, x: f64, y: f64, width: f64) -> Option<String> {
    let face = rustybuzz::Face::from_slice(local_font(text), 0)?;
    let mut buffer = rustybuzz::UnicodeBuffer::new();
    buffer.push_str(text);
    let glyphs = rustybuzz::shape(&face, &[], buffer);
    let total: i64 = glyphs
        .glyph_positions()
        .iter()
        .map(|p| p.x_advance as i64)
        .sum();
    let units = face.units_per_em() as f64;
    let mut scale = size / units;
    if total as f64 * scale > width {
        scale = width / total as f64;
    }
    let mut writer = PathWriter {
        d: String::new(),
        x,
        y,
        scale,
    };
    let mut pen = 0i64;
    for (info, pos) in glyphs.glyph_infos().iter().zip(glyphs.glyph_positions()) {
        writer.x = x + (pen + pos.x_offset as i64) as f64 * scale;
        writer.y = y - pos.y_offset as f64 * scale;
        let id = rustybuzz::ttf_parser::GlyphId(u16::try_from(info.glyph_id).ok()?);
        face.outline_glyph(id, &mut writer);
        pen += pos.x_advance as i64;
    }
    Some(writer.d)
}

pub(crate) fn escape(s: &str) -> String {
    s.replace('&', "&amp;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
        .replace('"', "&quot;")
}

/// The font for a local-script name, by the script of its letters.
fn local_font(text: &str) -> &'static [u8] {
    if text.chars().any(|c| ('\u{0980}'..='\u{09FF}').contains(&c)) {
        BENGALI
    } else if text.chars().any(|c| ('\u{0900}'..='\u{097F}').contains(&c)) {
        DEVANAGARI
    } else {
        LATIN
    }
}

/// Shrink text that would not fit `width` user units (about 0.6 em per character).
fn fit(text: &str, size: f64, width: f64) -> f64 {
    let needed = text.chars().count() as f64 * size * 0.6;
    if needed > width {
        (size * width / needed).max(14.0)
    } else {
        size
    }
}

fn qr_path(payload: &str) -> Result<(String, usize)> {
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

/// The card as SVG (1 user unit = 0.1 mm).
pub fn svg(face: &CardFace<'_>) -> Result<String> {
    let (qr, modules) = qr_path(face.qr_payload)?;
    // The QR code with a quiet zone of 2 modules fits a 300-unit square.
    let scale = 300.0 / (modules as f64 + 4.0);
    let tenant = escape(face.tenant_name);
    let name = escape(face.name);
    let local = face
        .local_name
        .and_then(|l| shaped_path(l, 40.0, 30.0, 250.0, 470.0))
        .map(|d| format!(r##"<path d="{d}" fill="#000000"/>"##))
        .unwrap_or_default();
    Ok(format!(
        r##"<svg xmlns="http://www.w3.org/2000/svg" width="85.6mm" height="54mm" viewBox="0 0 856 540">
<rect x="2" y="2" width="852" height="536" rx="30" fill="#ffffff" stroke="#0b5394" stroke-width="4"/>
<path d="M2 32a30 30 0 0 1 30-30h792a30 30 0 0 1 30 30v68H2z" fill="#0b5394"/>
<text x="30" y="48" font-family="Noto Sans" font-weight="bold" font-size="{ts:.1}" fill="#ffffff">{tenant}</text>
<text x="30" y="84" font-family="Noto Sans" font-size="24" fill="#ffffff">e-Health Card</text>
<text x="30" y="180" font-family="Noto Sans" font-weight="bold" font-size="{ns:.1}">{name}</text>
{local}
<text x="30" y="330" font-family="Noto Sans" font-size="24" fill="#444444">Year of birth {yob} · {sex}</text>
<text x="30" y="400" font-family="Noto Sans" font-size="22" fill="#444444">Health ID</text>
<text x="30" y="455" font-family="Noto Sans" font-weight="bold" font-size="{hs:.1}">{hid}</text>
<g transform="translate(526,150)"><rect width="300" height="300" fill="#ffffff"/><g transform="scale({scale:.4}) translate(2,2)"><path d="{qr}" fill="#000000"/></g></g>
<text x="526" y="500" font-family="Noto Sans" font-size="18" fill="#444444">Scan to verify</text>
</svg>"##,
        ts = fit(face.tenant_name, 34.0, 790.0),
        ns = fit(face.name, 40.0, 480.0),
        hs = fit(face.health_id, 44.0, 480.0),
        yob = face.year_of_birth,
        sex = escape(face.sex),
        hid = escape(face.health_id),
    ))
}

fn tree(face: &CardFace<'_>) -> Result<usvg::Tree> {
    let options = usvg::Options {
        fontdb: fonts(),
        ..Default::default()
    };
    usvg::Tree::from_str(&svg(face)?, &options).context("building the card drawing")
}

/// The card as a one-page PDF of exactly ID-1 size.
pub fn pdf(face: &CardFace<'_>) -> Result<Vec<u8>> {
    // The drawing is sized in CSS pixels (96 per inch); PDF pages are in points.
    svg2pdf::to_pdf(
        &tree(face)?,
        svg2pdf::ConversionOptions::default(),
        svg2pdf::PageOptions { dpi: 96.0 },
    )
    .map_err(|e| anyhow::anyhow!("rendering the card PDF: {e}"))
}

/// The card as a PNG at 300 dpi (1011 × 638 pixels).
pub fn png(face: &CardFace<'_>) -> Result<Vec<u8>> {
    let tree = tree(face)?;
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

#[cfg(test)]
mod tests {
    use super::*;

    fn face() -> CardFace<'static> {
        CardFace {
            tenant_name: "West Bengal <Health> & Family Welfare",
            name: "Lakshmi Devi",
            local_name: Some("লক্ষ্মী দেবী"),
            health_id: "WB-4821-0937-5516",
            year_of_birth: 1992,
            sex: "Female",
            qr_payload: "eyJhbGciOiJFZERTQSJ9.eyJoaWQiOiJXQiJ9.c2ln",
        }
    }

    #[test]
    fn picks_the_script_font_and_escapes_text() {
        assert!(std::ptr::eq(local_font("লক্ষ্মী"), BENGALI));
        assert!(std::ptr::eq(local_font("लक्ष्मी"), DEVANAGARI));
        let s = svg(&face()).unwrap();
        assert!(s.contains("&lt;Health&gt; &amp;"));
        // The local name is drawn as outlines.
        assert!(s.contains("<path d=\"M"));
    }

    #[test]
    fn shaping_keeps_every_glyph_advance() {
        // राम: the vowel sign AA shares a cluster with र and must still move the pen,
        // so the outline reaches further right than र alone.
        let right_edge = |t: &str| -> f64 {
            let d = shaped_path(t, 40.0, 0.0, 100.0, 1000.0).unwrap();
            d.split(|c: char| c.is_ascii_alphabetic())
                .filter_map(|seg| seg.split_whitespace().next()?.parse::<f64>().ok())
                .fold(0.0, f64::max)
        };
        assert!(right_edge("राम") > right_edge("रम") + 5.0);
        assert!(right_edge("संजय प्रसाद") > right_edge("संजयप्रसाद") + 5.0);
    }

    #[test]
    fn renders_pdf_and_png() {
        let pdf = pdf(&face()).unwrap();
        assert!(pdf.starts_with(b"%PDF-"));
        let png = png(&face()).unwrap();
        assert!(png.starts_with(b"\x89PNG"));
    }
}
