//! Tabular sheets on A4 landscape shared by the ward's printouts (the day register,
//! a patient's day chart): headings, plain text and rows of cells that wrap in their
//! columns, laid out on as many pages as they take, each numbered "Page i of n". A
//! row may carry a name in Bengali or Devanagari, shaped and drawn under its cell
//! with a hidden text layer.

use super::pdf::{Hidden, Page};
use super::text::{escape, shaped_path, wrap};

const LEFT: f64 = 100.0;
pub const WIDTH: f64 = 2770.0;
const TOP: f64 = 120.0;
const BOTTOM: f64 = 1960.0;
const SIZE: f64 = 30.0;
const LINE: f64 = 42.0;

pub enum Row {
    Heading(String),
    Cells {
        cells: Vec<String>,
        /// A local-script name shaped under the cell in column `local_col`.
        local: Option<String>,
    },
    Text(String),
    /// Column labels in bold, for a document with more than one table.
    Labels(Vec<String>),
}

/// Which column a row's local-script name goes under, unless a document says.
const LOCAL_COL: usize = 2;

struct Sheet {
    svg: String,
    hidden: Vec<Hidden>,
    y: f64,
}

fn text(svg: &mut String, x: f64, y: f64, s: &str, bold: bool) {
    svg.push_str(&format!(
        r##"<text x="{x:.1}" y="{y:.1}" font-family="Noto Sans" font-size="{SIZE}"{w} fill="#000000">{t}</text>
"##,
        w = if bold { r#" font-weight="bold""# } else { "" },
        t = escape(s),
    ));
}

/// The rows laid out on as many sheets as they need.
fn layout(rows: Vec<Row>, cols: &[f64], local_col: usize) -> Vec<Sheet> {
    let mut sheets = vec![Sheet {
        svg: String::new(),
        hidden: Vec::new(),
        y: TOP + 80.0,
    }];
    for row in rows {
        // Each cell wraps in its column; the row takes its tallest cell.
        let (wrapped, bold): (Vec<Vec<String>>, bool) = match &row {
            Row::Heading(t) => (vec![vec![t.clone()]], true),
            Row::Text(t) => (vec![wrap(t, SIZE, false, WIDTH)], false),
            Row::Cells { cells, .. } | Row::Labels(cells) => (
                cells
                    .iter()
                    .enumerate()
                    .map(|(i, c)| {
                        let end = cols.get(i + 1).copied().unwrap_or(WIDTH);
                        wrap(c, SIZE, false, end - cols[i] - 20.0)
                    })
                    .collect(),
                matches!(row, Row::Labels(_)),
            ),
        };
        let extra = matches!(row, Row::Cells { local: Some(_), .. }) as usize;
        let height = (wrapped.iter().map(Vec::len).max().unwrap_or(1) + extra) as f64 * LINE
            + if bold { 20.0 } else { 0.0 };
        if sheets.last().is_some_and(|s| s.y + height > BOTTOM) {
            sheets.push(Sheet {
                svg: String::new(),
                hidden: Vec::new(),
                y: TOP + 80.0,
            });
        }
        let sheet = sheets.last_mut().expect("a sheet");
        if bold {
            sheet.y += 20.0;
        }
        for (i, cell) in wrapped.iter().enumerate() {
            for (k, l) in cell.iter().enumerate() {
                text(
                    &mut sheet.svg,
                    LEFT + cols[i],
                    sheet.y + (k as f64 + 1.0) * LINE - 10.0,
                    l,
                    bold,
                );
            }
        }
        if let Row::Cells {
            local: Some(name), ..
        } = &row
        {
            let under = wrapped.get(local_col).map_or(1, Vec::len);
            let y = sheet.y + (under as f64 + 1.0) * LINE - 10.0;
            let x = LEFT + cols[local_col];
            let end = cols.get(local_col + 1).copied().unwrap_or(WIDTH);
            if let Some(shaped) = shaped_path(name, SIZE, x, y, end - cols[local_col] - 20.0) {
                sheet
                    .svg
                    .push_str(&format!("<path d=\"{}\" fill=\"#000000\"/>\n", shaped.d));
                sheet.hidden.push(Hidden {
                    text: name.clone(),
                    x,
                    y,
                    size: shaped.size,
                });
            }
        }
        sheet.y += height;
    }
    sheets
}

/// The rows on numbered pages under `title` and the column `labels`.
pub fn pages(rows: Vec<Row>, title: &str, labels: &[&str], cols: &[f64]) -> Vec<Page> {
    pages_with_local(rows, title, labels, cols, LOCAL_COL)
}

/// As `pages`, with local-script names under column `local_col`.
pub fn pages_with_local(
    rows: Vec<Row>,
    title: &str,
    labels: &[&str],
    cols: &[f64],
    local_col: usize,
) -> Vec<Page> {
    let sheets = layout(rows, cols, local_col);
    let n = sheets.len();
    sheets
        .into_iter()
        .enumerate()
        .map(|(i, s)| {
            let mut head = String::new();
            text(&mut head, LEFT, TOP, title, true);
            for (c, l) in labels.iter().enumerate() {
                text(&mut head, LEFT + cols[c], TOP + 60.0, l, true);
            }
            Page {
                svg: format!(
                    r##"<svg xmlns="http://www.w3.org/2000/svg" width="297mm" height="210mm" viewBox="0 0 2970 2100">
<rect width="2970" height="2100" fill="#ffffff"/>
{head}<path d="M{LEFT} {rule}h{WIDTH}" stroke="#555555" stroke-width="2"/>
{body}<text x="{right}" y="2040" font-family="Noto Sans" font-weight="bold" font-size="{SIZE}" text-anchor="end">Page {p} of {n}</text>
</svg>"##,
                    rule = TOP + 75.0,
                    body = s.svg,
                    right = LEFT + WIDTH,
                    p = i + 1,
                ),
                hidden: s.hidden,
            }
        })
        .collect()
}
