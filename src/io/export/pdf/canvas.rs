//! Pages as lists of drawing operations (text, shapes, curved paths, images), laid out first
//! and drawn into the PDF afterwards ([`super::render`]). Laying out before drawing lets every
//! footer say "Page N of M", and keeps the layout code free of the PDF library's types.

use krilla::image::Image;

use super::Paper;

/// A colour, 0-255 per channel.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) struct Rgb(pub u8, pub u8, pub u8);

impl Rgb {
    /// A colour of the engine's palette.
    pub const fn of(rgb: crate::engine::palette::Rgb) -> Rgb {
        Rgb(rgb[0], rgb[1], rgb[2])
    }
}

pub(super) const BLACK: Rgb = Rgb(20, 20, 20);
pub(super) const GREY: Rgb = Rgb(100, 100, 100);
pub(super) const RULE: Rgb = Rgb(170, 170, 170);
pub(super) const SHADE: Rgb = Rgb(236, 238, 241);
pub(super) const ACCENT: Rgb = Rgb(30, 90, 160);

/// How text looks.
#[derive(Debug, Clone, Copy, PartialEq)]
pub(super) struct TextStyle {
    pub size: f32,
    pub color: Rgb,
    pub bold: bool,
}

impl TextStyle {
    /// Plain black text of `size` points.
    pub const fn plain(size: f32) -> TextStyle {
        TextStyle {
            size,
            color: BLACK,
            bold: false,
        }
    }

    /// Bold black text of `size` points.
    pub const fn bold(size: f32) -> TextStyle {
        TextStyle {
            size,
            color: BLACK,
            bold: true,
        }
    }

    /// The same style in another colour.
    pub const fn color(self, color: Rgb) -> TextStyle {
        TextStyle { color, ..self }
    }
}

/// A stroke: colour, width in points, an optional dash length, and round ends and corners
/// (limbs of a figure) or square ones.
#[derive(Debug, Clone, Copy, PartialEq)]
pub(super) struct Pen {
    pub color: Rgb,
    pub width: f32,
    pub dash: Option<f32>,
    pub round: bool,
}

impl Pen {
    /// A solid pen.
    pub const fn solid(color: Rgb, width: f32) -> Pen {
        Pen {
            color,
            width,
            dash: None,
            round: false,
        }
    }

    /// A solid pen with round ends and corners.
    pub const fn round(color: Rgb, width: f32) -> Pen {
        Pen {
            color,
            width,
            dash: None,
            round: true,
        }
    }
}

/// One piece of a path: move, straight line, cubic curve (two control points and the end).
#[derive(Debug, Clone, Copy, PartialEq)]
pub(super) enum El {
    Move(f32, f32),
    Line(f32, f32),
    Cubic([f32; 6]),
    Close,
}

impl El {
    /// The points the piece goes through or is pulled towards (for the margin checks).
    #[cfg(test)]
    pub fn points(&self) -> Vec<(f32, f32)> {
        match *self {
            El::Move(x, y) | El::Line(x, y) => vec![(x, y)],
            El::Cubic([a, b, c, d, e, f]) => vec![(a, b), (c, d), (e, f)],
            El::Close => Vec::new(),
        }
    }
}

/// One drawing operation. Coordinates in points from the page's top-left corner, y down;
/// text `y` is the baseline.
pub(super) enum Op {
    Text {
        x: f32,
        y: f32,
        style: TextStyle,
        text: String,
    },
    Shape {
        points: Vec<(f32, f32)>,
        closed: bool,
        fill: Option<Rgb>,
        stroke: Option<Pen>,
    },
    /// A path of lines and curves (circles, figures), filled and/or stroked.
    Path {
        els: Vec<El>,
        fill: Option<Rgb>,
        stroke: Option<Pen>,
    },
    Image {
        x: f32,
        y: f32,
        w: f32,
        h: f32,
        image: Image,
    },
}

/// Page size and the margins inside which content goes (the footer sits below `bottom`).
#[derive(Debug, Clone, Copy, PartialEq)]
pub(super) struct Geometry {
    pub width: f32,
    pub height: f32,
    pub left: f32,
    pub right: f32,
    pub top: f32,
    pub bottom: f32,
}

impl Geometry {
    /// The geometry of a portrait page of `paper`.
    pub fn for_paper(paper: Paper) -> Geometry {
        let (width, height) = match paper {
            Paper::A4 => (595.28, 841.89),
            Paper::Letter => (612.0, 792.0),
        };
        Geometry {
            width,
            height,
            left: 42.0,
            right: width - 42.0,
            top: 46.0,
            bottom: height - 52.0,
        }
    }

    /// Width between the margins.
    pub fn content_width(&self) -> f32 {
        self.right - self.left
    }
}

/// The laid-out pages.
pub(super) struct Canvas {
    pub geo: Geometry,
    pages: Vec<Vec<Op>>,
}

impl Canvas {
    /// No pages yet.
    pub fn new(geo: Geometry) -> Canvas {
        Canvas {
            geo,
            pages: Vec::new(),
        }
    }

    /// Starts a new page; what is drawn next goes on it.
    pub fn new_page(&mut self) {
        self.pages.push(Vec::new());
    }

    /// The laid-out pages (for the layout tests).
    #[cfg(test)]
    pub fn pages(&self) -> &[Vec<Op>] {
        &self.pages
    }

    /// Number of pages so far.
    pub fn page_count(&self) -> usize {
        self.pages.len()
    }

    fn push(&mut self, op: Op) {
        if self.pages.is_empty() {
            self.pages.push(Vec::new());
        }
        if let Some(page) = self.pages.last_mut() {
            page.push(op);
        }
    }

    /// Text with its baseline at `y`.
    pub fn text(&mut self, x: f32, y: f32, style: TextStyle, text: impl Into<String>) {
        let text = text.into();
        if !text.trim().is_empty() {
            self.push(Op::Text { x, y, style, text });
        }
    }

    /// A rectangle, filled and/or outlined.
    pub fn rect(&mut self, x: f32, y: f32, w: f32, h: f32, fill: Option<Rgb>, stroke: Option<Pen>) {
        let points = vec![(x, y), (x + w, y), (x + w, y + h), (x, y + h)];
        self.push(Op::Shape {
            points,
            closed: true,
            fill,
            stroke,
        });
    }

    /// A straight line.
    pub fn line(&mut self, from: (f32, f32), to: (f32, f32), pen: Pen) {
        self.polyline(vec![from, to], pen);
    }

    /// Connected straight lines through `points`.
    pub fn polyline(&mut self, points: Vec<(f32, f32)>, pen: Pen) {
        if points.len() >= 2 {
            self.push(Op::Shape {
                points,
                closed: false,
                fill: None,
                stroke: Some(pen),
            });
        }
    }

    /// A path of lines and curves, filled and/or stroked.
    pub fn path(&mut self, els: Vec<El>, fill: Option<Rgb>, stroke: Option<Pen>) {
        if els.len() >= 2 && (fill.is_some() || stroke.is_some()) {
            self.push(Op::Path { els, fill, stroke });
        }
    }

    /// A circle of radius `r` round `(cx, cy)`, four cubic curves.
    pub fn circle(&mut self, (cx, cy): (f32, f32), r: f32, fill: Option<Rgb>, stroke: Option<Pen>) {
        // Control-point distance of a quarter circle.
        let k = 0.552_285 * r;
        let els = vec![
            El::Move(cx + r, cy),
            El::Cubic([cx + r, cy + k, cx + k, cy + r, cx, cy + r]),
            El::Cubic([cx - k, cy + r, cx - r, cy + k, cx - r, cy]),
            El::Cubic([cx - r, cy - k, cx - k, cy - r, cx, cy - r]),
            El::Cubic([cx + k, cy - r, cx + r, cy - k, cx + r, cy]),
            El::Close,
        ];
        self.path(els, fill, stroke);
    }

    /// An image scaled into the box.
    pub fn image(&mut self, x: f32, y: f32, w: f32, h: f32, image: Image) {
        self.push(Op::Image { x, y, w, h, image });
    }

    /// The pages, for drawing.
    pub(super) fn into_pages(self) -> Vec<Vec<Op>> {
        self.pages
    }
}
