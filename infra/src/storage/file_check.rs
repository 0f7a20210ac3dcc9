//! Is an uploaded file what its first bytes say, all the way through? A PDF must be
//! parsed by a PDF parser and end as a PDF ends; an image must decode. This is what
//! stops `%PDF-1.4` followed by a program, or a PNG header on anything else.

use arogya_domain::document::ContentType;

/// The largest image, in pixels per side and bytes of decoded pixels, worth decoding:
/// a scanned certificate is far smaller, and a "decompression bomb" far larger.
const MAX_SIDE: u32 = 20_000;
const MAX_DECODED_BYTES: u64 = 512 * 1024 * 1024;

/// The type `bytes` parse as, given what their first bytes claim; `None` when they
/// do not parse as that type.
pub fn parses_as(bytes: &[u8]) -> Option<ContentType> {
    let claimed = ContentType::sniff(bytes)?;
    let ok = match claimed {
        ContentType::Pdf => pdf_is_whole(bytes),
        ContentType::Jpeg => image_decodes(bytes, image::ImageFormat::Jpeg),
        ContentType::Png => image_decodes(bytes, image::ImageFormat::Png),
        ContentType::Webp => image_decodes(bytes, image::ImageFormat::WebP),
    };
    ok.then_some(claimed)
}

fn pdf_is_whole(bytes: &[u8]) -> bool {
    // A PDF ends with `%%EOF` (followed at most by line ends or padding); bytes
    // appended after it are not part of any page.
    let tail = &bytes[bytes.len().saturating_sub(1024)..];
    let Some(eof) = tail.windows(5).rposition(|w| w == b"%%EOF") else {
        return false;
    };
    if !tail[eof + 5..]
        .iter()
        .all(|b| matches!(b, b'\r' | b'\n' | b' ' | b'\t' | 0))
    {
        return false;
    }
    match lopdf::Document::load_mem(bytes) {
        Ok(doc) => !doc.get_pages().is_empty(),
        Err(_) => false,
    }
}

fn image_decodes(bytes: &[u8], format: image::ImageFormat) -> bool {
    let mut reader = image::ImageReader::with_format(std::io::Cursor::new(bytes), format);
    let mut limits = image::Limits::default();
    limits.max_image_width = Some(MAX_SIDE);
    limits.max_image_height = Some(MAX_SIDE);
    limits.max_alloc = Some(MAX_DECODED_BYTES);
    reader.limits(limits);
    reader.decode().is_ok()
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A one-page PDF, as a real writer makes it.
    fn pdf() -> Vec<u8> {
        let mut w = pdf_writer::Pdf::new();
        let (catalog, pages, page) = (
            pdf_writer::Ref::new(1),
            pdf_writer::Ref::new(2),
            pdf_writer::Ref::new(3),
        );
        w.catalog(catalog).pages(pages);
        w.pages(pages).kids([page]).count(1);
        w.page(page)
            .parent(pages)
            .media_box(pdf_writer::Rect::new(0.0, 0.0, 100.0, 100.0));
        w.finish()
    }

    fn png() -> Vec<u8> {
        let mut out = Vec::new();
        image::RgbImage::new(4, 4)
            .write_to(&mut std::io::Cursor::new(&mut out), image::ImageFormat::Png)
            .unwrap();
        out
    }

    #[test]
    fn whole_files_pass_and_disguised_ones_do_not() {
        let good = pdf();
        assert_eq!(parses_as(&good), Some(ContentType::Pdf));
        let mut padded = good.clone();
        padded.extend_from_slice(b"\r\n\0\0");
        assert_eq!(parses_as(&padded), Some(ContentType::Pdf));

        // The audit's case: a PDF header and then a Windows program.
        let mut exe = b"%PDF-1.4\n".to_vec();
        exe.extend_from_slice(b"MZ\x90\0\x03\0\0\0\x04\0\0\0\xff\xff\0\0");
        exe.extend(std::iter::repeat_n(0x90u8, 4096));
        assert_eq!(parses_as(&exe), None);
        // A real PDF with a program appended after its end.
        let mut appended = good.clone();
        appended.extend_from_slice(b"MZ\x90\0 this program cannot be run in DOS mode");
        assert_eq!(parses_as(&appended), None);
        // Cut short.
        assert_eq!(parses_as(&good[..good.len() / 2]), None);

        let image = png();
        assert_eq!(parses_as(&image), Some(ContentType::Png));
        assert_eq!(parses_as(&image[..image.len() - 20]), None);
        let mut fake = image[..16].to_vec();
        fake.extend_from_slice(&[0u8; 200]);
        assert_eq!(parses_as(&fake), None);
    }
}
