//! Text flowing down the pages: a cursor that places headings, wrapped paragraphs and bullet
//! lists and starts a new page whenever the next line would not fit above the footer. Nothing
//! laid out through it can run off a page.

use super::canvas::{ACCENT, Canvas, GREY, Pen, RULE, TextStyle};
use super::fonts::Fonts;

/// Line height as a multiple of the font size.
pub(super) const LEADING: f32 = 1.28;
/// Size of the handout's body text, in points (at least 11 for a patient).
pub(super) const BODY: f32 = 11.0;
/// Size of the handout's table text, in points (at least 10).
pub(super) const TABLE: f32 = 10.0;

/// The layout cursor: the canvas, the fonts and the current height on the current page.
pub(super) struct Flow<'a> {
    pub canvas: Canvas,
    pub fonts: &'a Fonts,
    /// Top of the free space on the current page, in points from the page top.
    pub y: f32,
}

impl<'a> Flow<'a> {
    /// A flow over `canvas`, which gets its first page when something is placed.
    pub fn new(canvas: Canvas, fonts: &'a Fonts) -> Flow<'a> {
        let y = canvas.geo.bottom + 1.0;
        Flow { canvas, fonts, y }
    }

    /// Left margin.
    pub fn left(&self) -> f32 {
        self.canvas.geo.left
    }

    /// Width between the margins.
    pub fn width(&self) -> f32 {
        self.canvas.geo.content_width()
    }

    /// Height of the content area of a page.
    pub fn page_height(&self) -> f32 {
        self.canvas.geo.bottom - self.canvas.geo.top
    }

    /// Starts a new page.
    pub fn new_page(&mut self) {
        self.canvas.new_page();
        self.y = self.canvas.geo.top;
    }

    /// Starts a new page unless `height` more points fit on this one.
    pub fn ensure(&mut self, height: f32) {
        if self.canvas.page_count() == 0 || self.y + height > self.canvas.geo.bottom {
            self.new_page();
        }
    }

    /// Moves down by `height` (never past the page end).
    pub fn gap(&mut self, height: f32) {
        self.y = (self.y + height).min(self.canvas.geo.bottom);
    }

    /// A section title at the top of a new page, with a rule under it.
    pub fn section(&mut self, title: &str) {
        self.new_page();
        let style = TextStyle::bold(17.0).color(ACCENT);
        let text = self.fonts.fit(title, style.size, true, self.width());
        self.canvas
            .text(self.left(), self.y + style.size, style, text);
        self.y += style.size + 7.0;
        let (l, r) = (self.left(), self.canvas.geo.right);
        self.canvas
            .line((l, self.y), (r, self.y), Pen::solid(ACCENT, 1.0));
        self.y += 12.0;
    }

    /// A heading inside a section, kept with at least `keep` points of what follows.
    pub fn heading(&mut self, title: &str, size: f32, keep: f32) {
        let style = TextStyle::bold(size);
        let lines = self.fonts.wrap(title, size, true, self.width());
        let line_h = size * LEADING;
        self.ensure(line_h * lines.len() as f32 + keep + 4.0);
        self.y += 3.0;
        for line in lines {
            self.y += line_h;
            self.canvas
                .text(self.left(), self.y - size * 0.25, style, line);
        }
        self.y += 3.0;
    }

    /// A wrapped paragraph, `indent` points in from the left margin.
    pub fn paragraph(&mut self, text: &str, style: TextStyle, indent: f32) {
        let lines = self
            .fonts
            .wrap(text, style.size, style.bold, self.width() - indent);
        self.lines(&lines, style, self.left() + indent);
    }

    /// Already wrapped lines at `x`, each on the page it fits on.
    pub fn lines(&mut self, lines: &[String], style: TextStyle, x: f32) {
        let line_h = style.size * LEADING;
        for line in lines {
            self.ensure(line_h);
            self.y += line_h;
            self.canvas
                .text(x, self.y - style.size * 0.28, style, line.as_str());
        }
    }

    /// `label: value`, the label bold, the value wrapped beside it.
    pub fn field(&mut self, label: &str, value: &str, size: f32, label_width: f32) {
        if value.trim().is_empty() {
            return;
        }
        let lines = self
            .fonts
            .wrap(value, size, false, self.width() - label_width);
        let line_h = size * LEADING;
        self.ensure(line_h);
        let label_y = self.y + line_h - size * 0.28;
        let label = self.fonts.fit(label, size, true, label_width - 6.0);
        self.canvas
            .text(self.left(), label_y, TextStyle::bold(size), label);
        self.lines(&lines, TextStyle::plain(size), self.left() + label_width);
    }

    /// A bullet list, each item wrapped under its own text.
    pub fn bullets(&mut self, items: &[String], style: TextStyle, indent: f32) {
        let bullet_w = 10.0;
        for item in items {
            let lines = self.fonts.wrap(
                item,
                style.size,
                style.bold,
                self.width() - indent - bullet_w,
            );
            let line_h = style.size * LEADING;
            self.ensure(line_h);
            let y = self.y + line_h - style.size * 0.28;
            self.canvas
                .text(self.left() + indent, y, style.color(GREY), "•");
            self.lines(&lines, style, self.left() + indent + bullet_w);
        }
    }

    /// A thin rule across the page.
    pub fn rule(&mut self) {
        self.ensure(6.0);
        self.y += 3.0;
        let (l, r) = (self.left(), self.canvas.geo.right);
        self.canvas
            .line((l, self.y), (r, self.y), Pen::solid(RULE, 0.5));
        self.y += 3.0;
    }
}
