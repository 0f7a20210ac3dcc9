//! Pages drawn as SVG put into one PDF. svg2pdf turns each page into a form XObject;
//! pdf-writer places them on pages of the given size and adds an invisible text layer:
//! text drawn as outlines (shaped local-script names) gets an `ActualText` span with an
//! invisible glyph, so `pdftotext`, search and copy find the real characters.

use super::text::svg_options;
use anyhow::{anyhow, Context, Result};
use pdf_writer::types::TextRenderingMode;
use pdf_writer::{Content, Finish, Name, Pdf, Rect, Ref, Str, TextStr};
use resvg::usvg;
use std::collections::HashMap;

/// Text that is on the page as outlines, to be found by search and copy.
pub struct Hidden {
    pub text: String,
    /// Baseline start, in SVG user units (0.1 mm) from the top left.
    pub x: f64,
    pub y: f64,
    pub size: f64,
}

/// One page: its drawing and the text hidden behind its outlines.
pub struct Page {
    pub svg: String,
    pub hidden: Vec<Hidden>,
}

/// Points per SVG user unit (0.1 mm).
const PT_PER_UNIT: f32 = 72.0 / 254.0;

/// The pages as one PDF, each `width_mm` × `height_mm`.
pub fn document(pages: &[Page], width_mm: f32, height_mm: f32, title: &str) -> Result<Vec<u8>> {
    if pages.is_empty() {
        return Err(anyhow!("a document needs at least one page"));
    }
    let (w, h) = (
        width_mm * 10.0 * PT_PER_UNIT,
        height_mm * 10.0 * PT_PER_UNIT,
    );
    let options = svg_options();
    let mut alloc = Ref::new(1);
    let catalog = alloc.bump();
    let page_tree = alloc.bump();
    let font = alloc.bump();
    let info = alloc.bump();
    let mut pdf = Pdf::new();
    let mut page_ids = Vec::with_capacity(pages.len());
    let mut chunks = Vec::with_capacity(pages.len());
    for page in pages {
        let tree = usvg::Tree::from_str(&page.svg, &options).context("building a page")?;
        let (chunk, root) = svg2pdf::to_chunk(&tree, svg2pdf::ConversionOptions::default())
            .map_err(|e| anyhow!("rendering a page: {e}"))?;
        let mut map = HashMap::new();
        let chunk = chunk.renumber(|old| *map.entry(old).or_insert_with(|| alloc.bump()));
        let drawing = *map.get(&root).context("the page's drawing")?;
        chunks.push(chunk);

        let page_id = alloc.bump();
        let content_id = alloc.bump();
        page_ids.push(page_id);
        let mut content = Content::new();
        content.save_state();
        // The drawing is a 1 × 1 pt form: scale it to the page.
        content.transform([w, 0.0, 0.0, h, 0.0, 0.0]);
        content.x_object(Name(b"D"));
        content.restore_state();
        for hidden in &page.hidden {
            let size = (hidden.size as f32 * PT_PER_UNIT).max(1.0);
            let (x, y) = (
                hidden.x as f32 * PT_PER_UNIT,
                h - hidden.y as f32 * PT_PER_UNIT,
            );
            content
                .begin_marked_content_with_properties(Name(b"Span"))
                .properties()
                .actual_text(TextStr(&hidden.text));
            content.begin_text();
            content.set_font(Name(b"F"), size);
            content.set_text_rendering_mode(TextRenderingMode::Invisible);
            content.next_line(x, y);
            content.show(Str(b"x"));
            content.end_text();
            content.end_marked_content();
        }
        pdf.stream(content_id, &content.finish());
        let mut p = pdf.page(page_id);
        p.media_box(Rect::new(0.0, 0.0, w, h));
        p.parent(page_tree);
        p.contents(content_id);
        let mut resources = p.resources();
        resources.x_objects().pair(Name(b"D"), drawing);
        resources.fonts().pair(Name(b"F"), font);
        resources.finish();
        p.finish();
    }
    pdf.catalog(catalog).pages(page_tree);
    pdf.pages(page_tree)
        .count(page_ids.len() as i32)
        .kids(page_ids.iter().copied());
    pdf.type1_font(font).base_font(Name(b"Helvetica"));
    pdf.document_info(info)
        .title(TextStr(title))
        .producer(TextStr("Arogya"));
    for chunk in &chunks {
        pdf.extend(chunk);
    }
    Ok(pdf.finish())
}
