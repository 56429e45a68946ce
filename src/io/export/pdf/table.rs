//! Tables that continue over pages: cells wrap their text inside their column, a row is never
//! split, and the caption and header row are repeated on each new page. A row too tall for a
//! whole page (it never happens with real plans) is cut with an ellipsis rather than spilling.

use super::canvas::{BLACK, Pen, RULE, Rgb, SHADE, TextStyle};
use super::flow::{Flow, LEADING};

/// Inner padding of a cell, in points.
const PAD: f32 = 3.0;

/// One column: its header text and width in points.
pub(super) struct Column {
    pub title: String,
    pub width: f32,
}

/// One cell: text, style, an optional background, and an optional box to tick by hand.
pub(super) struct Cell {
    pub text: String,
    pub style: TextStyle,
    pub fill: Option<Rgb>,
    pub tick: bool,
}

impl Cell {
    /// A cell of plain text.
    pub fn new(text: impl Into<String>, style: TextStyle) -> Cell {
        Cell {
            text: text.into(),
            style,
            fill: None,
            tick: false,
        }
    }

    /// An empty cell with a box to tick, centred.
    pub fn tick_box(style: TextStyle) -> Cell {
        Cell {
            tick: true,
            ..Cell::new("", style)
        }
    }

    /// The same cell on a coloured background.
    pub fn on(self, fill: Option<Rgb>) -> Cell {
        Cell { fill, ..self }
    }
}

/// How a table looks.
pub(super) struct Table {
    pub columns: Vec<Column>,
    /// Shown bold above the header row on every page ("(continued)" added after the first).
    pub caption: Option<String>,
    pub header_style: TextStyle,
    /// Rows are at least this tall (log sheets leave room to write by hand).
    pub min_row_height: f32,
}

/// A laid-out row: wrapped lines per cell and the row's height.
struct Laid {
    lines: Vec<Vec<String>>,
    height: f32,
}

impl Table {
    fn lay(&self, flow: &Flow<'_>, cells: &[Cell], max_height: f32) -> Laid {
        let mut lines = Vec::with_capacity(self.columns.len());
        let mut height = self.min_row_height;
        for (col, cell) in self.columns.iter().zip(cells) {
            let st = cell.style;
            let mut wrapped = flow
                .fonts
                .wrap(&cell.text, st.size, st.bold, col.width - 2.0 * PAD);
            let line_h = st.size * LEADING;
            let fit = (((max_height - 2.0 * PAD) / line_h).floor() as usize).max(1);
            if wrapped.len() > fit {
                wrapped.truncate(fit);
                if let Some(last) = wrapped.last_mut() {
                    let cut = format!("{last}…");
                    *last = flow
                        .fonts
                        .fit(&cut, st.size, st.bold, col.width - 2.0 * PAD);
                    if !last.ends_with('…') {
                        last.push('…');
                    }
                }
            }
            height = height.max(wrapped.len() as f32 * line_h + 2.0 * PAD);
            lines.push(wrapped);
        }
        Laid {
            lines,
            height: height.min(max_height),
        }
    }

    fn header_cells(&self) -> Vec<Cell> {
        self.columns
            .iter()
            .map(|c| Cell::new(c.title.clone(), self.header_style).on(Some(SHADE)))
            .collect()
    }

    fn caption_height(&self) -> f32 {
        if self.caption.is_some() {
            11.0 * LEADING + 4.0
        } else {
            0.0
        }
    }

    fn draw_row(&self, flow: &mut Flow<'_>, cells: &[Cell], laid: &Laid) {
        let mut x = flow.left();
        let y = flow.y;
        for ((col, cell), lines) in self.columns.iter().zip(cells).zip(&laid.lines) {
            flow.canvas.rect(
                x,
                y,
                col.width,
                laid.height,
                cell.fill,
                Some(Pen::solid(RULE, 0.5)),
            );
            if cell.tick {
                let side = 11.0_f32.min(laid.height - 2.0 * PAD).max(4.0);
                flow.canvas.rect(
                    x + (col.width - side) / 2.0,
                    y + (laid.height - side) / 2.0,
                    side,
                    side,
                    Some(Rgb(255, 255, 255)),
                    Some(Pen::solid(BLACK, 0.8)),
                );
            }
            let st = cell.style;
            let line_h = st.size * LEADING;
            for (i, line) in lines.iter().enumerate() {
                let baseline = y + PAD + line_h * (i as f32 + 1.0) - st.size * 0.28;
                flow.canvas.text(x + PAD, baseline, st, line.as_str());
            }
            x += col.width;
        }
        flow.y += laid.height;
    }

    fn draw_top(&self, flow: &mut Flow<'_>, continued: bool, header: &Laid) {
        if let Some(caption) = &self.caption {
            let text = if continued {
                format!("{caption} (continued)")
            } else {
                caption.clone()
            };
            let style = TextStyle::bold(11.0).color(BLACK);
            let text = flow.fonts.fit(&text, style.size, true, flow.width());
            flow.canvas.text(flow.left(), flow.y + 11.0, style, text);
            flow.y += self.caption_height();
        }
        let cells = self.header_cells();
        self.draw_row(flow, &cells, header);
    }

    /// Draws the table from the flow's cursor, continuing on new pages as needed.
    pub fn draw(&self, flow: &mut Flow<'_>, rows: &[Vec<Cell>]) {
        let page_h = flow.page_height();
        let header = self.lay(flow, &self.header_cells(), page_h / 4.0);
        let top_h = self.caption_height() + header.height;
        let row_max = page_h - top_h - 1.0;
        let first = rows
            .first()
            .map_or(0.0, |r| self.lay(flow, r, row_max).height);
        flow.ensure(top_h + first + 2.0);
        self.draw_top(flow, false, &header);
        for row in rows {
            let laid = self.lay(flow, row, row_max);
            if flow.y + laid.height > flow.canvas.geo.bottom {
                flow.new_page();
                self.draw_top(flow, true, &header);
            }
            self.draw_row(flow, row, &laid);
        }
    }
}
