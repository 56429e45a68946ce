//! Pages as lists of drawing operations (text, shapes, images), laid out first and drawn into
//! the PDF afterwards. Laying out before drawing lets every footer say "Page N of M", and keeps
//! the layout code free of the PDF library's types.

use krilla::Document;
use krilla::color::rgb;
use krilla::geom::{PathBuilder, Point, Size, Transform};
use krilla::image::Image;
use krilla::metadata::Metadata;
use krilla::num::NormalizedF32;
use krilla::page::PageSettings;
use krilla::paint::{Fill, Stroke, StrokeDash};
use krilla::surface::Surface;

use super::super::ExportError;
use super::Paper;
use super::fonts::{BOLD_STROKE_EM, Fonts};

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

/// A stroke: colour, width in points, and an optional dash length.
#[derive(Debug, Clone, Copy, PartialEq)]
pub(super) struct Pen {
    pub color: Rgb,
    pub width: f32,
    pub dash: Option<f32>,
}

impl Pen {
    /// A solid pen.
    pub const fn solid(color: Rgb, width: f32) -> Pen {
        Pen {
            color,
            width,
            dash: None,
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

    /// An image scaled into the box.
    pub fn image(&mut self, x: f32, y: f32, w: f32, h: f32, image: Image) {
        self.push(Op::Image { x, y, w, h, image });
    }

    /// Draws every page into a PDF with a footer: `footer` on the left, "Page N of M" on the
    /// right. Returns the file's bytes.
    pub fn render(
        self,
        fonts: &Fonts,
        footer: &str,
        metadata: Metadata,
    ) -> Result<Vec<u8>, ExportError> {
        let geo = self.geo;
        let total = self.pages.len();
        let mut document = Document::new();
        document.set_metadata(metadata);
        let settings =
            PageSettings::from_wh(geo.width, geo.height).ok_or_else(|| ExportError::Pdf {
                message: "invalid page size".to_owned(),
            })?;
        let footer_style = TextStyle::plain(8.0).color(GREY);
        for (i, ops) in self.pages.into_iter().enumerate() {
            let mut page = document.start_page_with(settings.clone());
            let mut surface = page.surface();
            for op in ops {
                draw(&mut surface, fonts, op);
            }
            let number = format!("Page {} of {total}", i + 1);
            let number_w = fonts.width(&number, footer_style.size);
            let y = geo.height - 30.0;
            draw(
                &mut surface,
                fonts,
                Op::Shape {
                    points: vec![(geo.left, y - 11.0), (geo.right, y - 11.0)],
                    closed: false,
                    fill: None,
                    stroke: Some(Pen::solid(RULE, 0.5)),
                },
            );
            let title = fonts.fit(
                footer,
                footer_style.size,
                false,
                geo.content_width() - number_w - 24.0,
            );
            for (x, text) in [(geo.left, title), (geo.right - number_w, number)] {
                draw(
                    &mut surface,
                    fonts,
                    Op::Text {
                        x,
                        y,
                        style: footer_style,
                        text,
                    },
                );
            }
            surface.finish();
            page.finish();
        }
        document.finish().map_err(|e| ExportError::Pdf {
            message: e.to_string(),
        })
    }
}

fn paint(c: Rgb) -> krilla::paint::Paint {
    rgb::Color::new(c.0, c.1, c.2).into()
}

fn fill(c: Rgb) -> Fill {
    Fill {
        paint: paint(c),
        opacity: NormalizedF32::ONE,
        rule: Default::default(),
    }
}

fn stroke(pen: Pen) -> Stroke {
    Stroke {
        paint: paint(pen.color),
        width: pen.width,
        dash: pen.dash.map(|d| StrokeDash {
            array: vec![d, d],
            offset: 0.0,
        }),
        ..Stroke::default()
    }
}

fn draw(surface: &mut Surface<'_>, fonts: &Fonts, op: Op) {
    match op {
        Op::Text { x, y, style, text } => {
            surface.set_fill(Some(fill(style.color)));
            surface.set_stroke(
                style
                    .bold
                    .then(|| stroke(Pen::solid(style.color, style.size * BOLD_STROKE_EM))),
            );
            let mut cursor = x;
            for run in fonts.runs(&text) {
                let face = fonts.face(run.which);
                surface.draw_glyphs(
                    Point::from_xy(cursor, y),
                    &run.glyphs,
                    face.pdf.clone(),
                    run.text,
                    style.size,
                    false,
                );
                cursor += run.width_em * style.size;
            }
        }
        Op::Shape {
            points,
            closed,
            fill: f,
            stroke: s,
        } => {
            let mut pb = PathBuilder::new();
            for (i, (px, py)) in points.iter().enumerate() {
                if i == 0 {
                    pb.move_to(*px, *py);
                } else {
                    pb.line_to(*px, *py);
                }
            }
            if closed {
                pb.close();
            }
            if let Some(path) = pb.finish() {
                surface.set_fill(f.map(fill));
                surface.set_stroke(s.map(stroke));
                surface.draw_path(&path);
            }
        }
        Op::Image { x, y, w, h, image } => {
            if let Some(size) = Size::from_wh(w, h) {
                surface.push_transform(&Transform::from_translate(x, y));
                surface.draw_image(image, size);
                surface.pop();
            }
        }
    }
    surface.set_fill(None);
    surface.set_stroke(None);
}
