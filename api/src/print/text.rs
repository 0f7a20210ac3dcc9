//! Fonts compiled into the binary (Noto, OFL), text measurement and wrapping, and
//! local-script shaping shared by every printed document.

use resvg::usvg;
use std::sync::{Arc, OnceLock};

static LATIN: &[u8] = include_bytes!("../../assets/fonts/NotoSans-Regular.ttf");
static LATIN_BOLD: &[u8] = include_bytes!("../../assets/fonts/NotoSans-Bold.ttf");
static DEVANAGARI: &[u8] = include_bytes!("../../assets/fonts/NotoSansDevanagari-Regular.ttf");
static BENGALI: &[u8] = include_bytes!("../../assets/fonts/NotoSansBengali-Regular.ttf");

/// Fonts for the Latin text, which stays text in the PDF (searchable, copyable).
pub fn fonts() -> Arc<usvg::fontdb::Database> {
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

/// The usvg options every document is built with.
pub fn svg_options() -> usvg::Options<'static> {
    usvg::Options {
        fontdb: fonts(),
        ..Default::default()
    }
}

/// Escape text for an SVG text node or attribute.
pub fn escape(s: &str) -> String {
    s.replace('&', "&amp;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
        .replace('"', "&quot;")
}

/// The Latin faces, parsed once: measuring runs for every word of every page.
fn face(bold: bool) -> Option<&'static rustybuzz::Face<'static>> {
    static REGULAR: OnceLock<Option<rustybuzz::Face<'static>>> = OnceLock::new();
    static BOLD: OnceLock<Option<rustybuzz::Face<'static>>> = OnceLock::new();
    let (cell, bytes) = if bold {
        (&BOLD, LATIN_BOLD)
    } else {
        (&REGULAR, LATIN)
    };
    cell.get_or_init(|| rustybuzz::Face::from_slice(bytes, 0))
        .as_ref()
}

/// The width of Latin `text` at `size` user units, measured by shaping it with the
/// font it is printed in (an estimate of 0.6 em a character if the font fails).
pub fn width(text: &str, size: f64, bold: bool) -> f64 {
    let Some(face) = face(bold) else {
        return text.chars().count() as f64 * size * 0.6;
    };
    let mut buffer = rustybuzz::UnicodeBuffer::new();
    buffer.push_str(text);
    let shaped = rustybuzz::shape(face, &[], buffer);
    let units: i64 = shaped
        .glyph_positions()
        .iter()
        .map(|p| p.x_advance as i64)
        .sum();
    units as f64 * size / face.units_per_em() as f64
}

/// Break `text` into lines no wider than `max` at `size`, at spaces where possible;
/// a word wider than a line is split between characters. Nothing is ever dropped.
pub fn wrap(text: &str, size: f64, bold: bool, max: f64) -> Vec<String> {
    let fits = |s: &str| width(s, size, bold) <= max;
    let mut lines = Vec::new();
    let mut line = String::new();
    for word in text.split_whitespace() {
        let candidate = if line.is_empty() {
            word.to_owned()
        } else {
            format!("{line} {word}")
        };
        if fits(&candidate) {
            line = candidate;
            continue;
        }
        if !line.is_empty() {
            lines.push(std::mem::take(&mut line));
        }
        // The word alone: split it if it still does not fit.
        let mut rest = word.to_owned();
        while !fits(&rest) {
            let chars: Vec<char> = rest.chars().collect();
            let mut n = chars.len().saturating_sub(1).max(1);
            while n > 1 && !fits(&chars[..n].iter().collect::<String>()) {
                n -= 1;
            }
            lines.push(chars[..n].iter().collect());
            rest = chars[n..].iter().collect();
        }
        line = rest;
    }
    if !line.is_empty() {
        lines.push(line);
    }
    lines
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

/// A local-script text drawn as outlines.
pub struct Shaped {
    /// SVG path data.
    pub d: String,
    /// The size it was drawn at: `size`, or smaller to fit `width`.
    pub size: f64,
}

/// A name in a local script as outlines, shaped with rustybuzz (conjuncts, vowel signs
/// and their positions), baseline at (`x`, `y`), at most `width` wide. Drawn as paths
/// because usvg's own text layout misplaces clusters of several glyphs (Devanagari
/// vowel sign AA, for one); `pdf::Hidden` adds the same text as an invisible layer.
pub fn shaped_path(text: &str, size: f64, x: f64, y: f64, width: f64) -> Option<Shaped> {
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
    Some(Shaped {
        d: writer.d,
        size: scale * units,
    })
}

/// The font for a local-script name, by the script of its letters.
pub(crate) fn local_font(text: &str) -> &'static [u8] {
    if text.chars().any(|c| ('\u{0980}'..='\u{09FF}').contains(&c)) {
        BENGALI
    } else if text.chars().any(|c| ('\u{0900}'..='\u{097F}').contains(&c)) {
        DEVANAGARI
    } else {
        LATIN
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn picks_the_script_font() {
        assert!(std::ptr::eq(local_font("লক্ষ্মী"), BENGALI));
        assert!(std::ptr::eq(local_font("लक्ष्मी"), DEVANAGARI));
        assert!(std::ptr::eq(local_font("Lakshmi"), LATIN));
    }

    #[test]
    fn wraps_by_measured_width_and_keeps_every_character() {
        let text = "Amoxicillin and clavulanic acid 625 mg tablets, one twice a day";
        let lines = wrap(text, 40.0, false, 500.0);
        assert!(lines.len() > 1);
        assert!(lines.iter().all(|l| width(l, 40.0, false) <= 500.0));
        assert_eq!(lines.join(" "), text);
        // A word longer than a line is split, not cut.
        let long = "x".repeat(200);
        let parts = wrap(&long, 40.0, true, 300.0);
        assert!(parts.len() > 1);
        assert_eq!(parts.concat(), long);
        assert!(wrap("   ", 40.0, false, 100.0).is_empty());
        // Bold is wider than regular.
        assert!(width("Paracetamol", 40.0, true) > width("Paracetamol", 40.0, false));
    }

    #[test]
    fn shaping_keeps_every_glyph_advance() {
        // राम: the vowel sign AA shares a cluster with र and must still move the pen,
        // so the outline reaches further right than र alone.
        let right_edge = |t: &str| -> f64 {
            let d = shaped_path(t, 40.0, 0.0, 100.0, 1000.0).unwrap().d;
            d.split(|c: char| c.is_ascii_alphabetic())
                .filter_map(|seg| seg.split_whitespace().next()?.parse::<f64>().ok())
                .fold(0.0, f64::max)
        };
        assert!(right_edge("राम") > right_edge("रम") + 5.0);
        assert!(right_edge("संजय प्रसाद") > right_edge("संजयप्रसाद") + 5.0);
    }
}
