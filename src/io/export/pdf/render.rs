//! Drawing the laid-out pages ([`Canvas`]) into a PDF with krilla: text as glyphs of the
//! embedded fonts, shapes and curved paths as vectors, images, and on every page a footer with
//! the plan's title and "Page N of M".

use krilla::Document;
use krilla::color::rgb;
use krilla::geom::{PathBuilder, Point, Size, Transform};
use krilla::metadata::Metadata;
use krilla::num::NormalizedF32;
use krilla::page::PageSettings;
use krilla::paint::{Fill, LineCap, LineJoin, Stroke, StrokeDash};
use krilla::surface::Surface;

use super::super::ExportError;
use super::canvas::{Canvas, El, GREY, Op, Pen, RULE, Rgb, TextStyle};
use super::fonts::{BOLD_STROKE_EM, Fonts};

/// Size of the footer's text, in points.
pub(super) const FOOTER_SIZE: f32 = 10.0;

/// Draws every page of `canvas` into a PDF with a footer: `footer` on the left, "Page N of M"
/// on the right. Returns the file's bytes.
pub(super) fn render(
    canvas: Canvas,
    fonts: &Fonts,
    footer: &str,
    metadata: Metadata,
) -> Result<Vec<u8>, ExportError> {
    let geo = canvas.geo;
    let pages = canvas.into_pages();
    let total = pages.len();
    let mut document = Document::new();
    document.set_metadata(metadata);
    let settings =
        PageSettings::from_wh(geo.width, geo.height).ok_or_else(|| ExportError::Pdf {
            message: "invalid page size".to_owned(),
        })?;
    let footer_style = TextStyle::plain(FOOTER_SIZE).color(GREY);
    for (i, ops) in pages.into_iter().enumerate() {
        let mut page = document.start_page_with(settings.clone());
        let mut surface = page.surface();
        for op in ops {
            draw(&mut surface, fonts, op);
        }
        let number = format!("Page {} of {total}", i + 1);
        let number_w = fonts.width(&number, footer_style.size);
        let y = geo.height - 28.0;
        draw(
            &mut surface,
            fonts,
            Op::Shape {
                points: vec![(geo.left, y - 13.0), (geo.right, y - 13.0)],
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
    let (line_cap, line_join) = if pen.round {
        (LineCap::Round, LineJoin::Round)
    } else {
        (LineCap::default(), LineJoin::default())
    };
    Stroke {
        paint: paint(pen.color),
        width: pen.width,
        line_cap,
        line_join,
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
            let mut els: Vec<El> = points
                .iter()
                .enumerate()
                .map(|(i, &(x, y))| {
                    if i == 0 {
                        El::Move(x, y)
                    } else {
                        El::Line(x, y)
                    }
                })
                .collect();
            if closed {
                els.push(El::Close);
            }
            draw_path(surface, &els, f, s);
        }
        Op::Path {
            els,
            fill: f,
            stroke: s,
        } => draw_path(surface, &els, f, s),
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

fn draw_path(surface: &mut Surface<'_>, els: &[El], f: Option<Rgb>, s: Option<Pen>) {
    let mut pb = PathBuilder::new();
    for el in els {
        match *el {
            El::Move(x, y) => pb.move_to(x, y),
            El::Line(x, y) => pb.line_to(x, y),
            El::Cubic([a, b, c, d, e, g]) => pb.cubic_to(a, b, c, d, e, g),
            El::Close => pb.close(),
        }
    }
    if let Some(path) = pb.finish() {
        surface.set_fill(f.map(fill));
        surface.set_stroke(s.map(stroke));
        surface.draw_path(&path);
    }
}
