//! Drawings as SVG, in the greys they print in: one picture, or a contact sheet of many with
//! each one's name under it (`docs/contact_sheet.svg`, kept current by a test). Numbers are
//! written with one decimal so the text is the same on every machine.

use std::fmt::Write;

use super::{Drawing, OUTLINE, Shape, Tone};

fn grey(tone: Tone) -> String {
    let g = tone.grey();
    format!("#{g:02x}{g:02x}{g:02x}")
}

/// A number with at most one decimal, without a trailing `.0`.
fn num(x: f32) -> String {
    let r = (x * 10.0).round() / 10.0;
    let r = if r == 0.0 { 0.0 } else { r };
    if r.fract() == 0.0 {
        format!("{r:.0}")
    } else {
        format!("{r:.1}")
    }
}

fn points(ps: &[[f32; 2]]) -> String {
    ps.iter()
        .map(|p| format!("{},{}", num(p[0]), num(p[1])))
        .collect::<Vec<_>>()
        .join(" ")
}

fn escape(text: &str) -> String {
    text.replace('&', "&amp;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
}

/// The shapes of `d` as SVG elements in a group whose origin is the frame's bottom-left corner
/// placed at (`x`, `y` + height) of the page, y flipped so the drawing's y points up.
pub fn group(d: &Drawing, x: f32, y: f32) -> String {
    let mut s = String::new();
    let _ = writeln!(
        s,
        r#"<g transform="translate({} {}) scale(1 -1)">"#,
        num(x),
        num(y + d.height)
    );
    for shape in &d.shapes {
        shape_svg(shape, &mut s);
    }
    s.push_str("</g>\n");
    s
}

fn shape_svg(shape: &Shape, s: &mut String) {
    match shape {
        Shape::Capsule { a, b, radius, tone } => {
            let _ = writeln!(
                s,
                r#"<line x1="{}" y1="{}" x2="{}" y2="{}" stroke="{}" stroke-width="{}" stroke-linecap="round"/>"#,
                num(a[0]),
                num(a[1]),
                num(b[0]),
                num(b[1]),
                grey(*tone),
                num(2.0 * radius)
            );
        }
        Shape::Circle {
            centre,
            radius,
            tone,
            filled,
        } => {
            let paint = if *filled {
                format!(r#"fill="{}""#, grey(*tone))
            } else {
                format!(
                    r#"fill="none" stroke="{}" stroke-width="{}""#,
                    grey(*tone),
                    num(OUTLINE)
                )
            };
            let _ = writeln!(
                s,
                r#"<circle cx="{}" cy="{}" r="{}" {paint}/>"#,
                num(centre[0]),
                num(centre[1]),
                num(*radius)
            );
        }
        Shape::Polygon {
            points: ps,
            tone,
            filled,
        } => {
            let paint = if *filled {
                format!(r#"fill="{}""#, grey(*tone))
            } else {
                format!(
                    r#"fill="none" stroke="{}" stroke-width="{}" stroke-linejoin="round""#,
                    grey(*tone),
                    num(OUTLINE)
                )
            };
            let _ = writeln!(s, r#"<polygon points="{}" {paint}/>"#, points(ps));
        }
        Shape::Line {
            points: ps,
            width,
            tone,
        } => {
            let _ = writeln!(
                s,
                r#"<polyline points="{}" fill="none" stroke="{}" stroke-width="{}" stroke-linecap="round" stroke-linejoin="round"/>"#,
                points(ps),
                grey(*tone),
                num(*width)
            );
        }
        Shape::ArrowHead {
            tip,
            direction,
            size,
            tone,
        } => {
            let _ = writeln!(
                s,
                r#"<polygon points="{}" fill="{}"/>"#,
                points(&arrow_head(*tip, *direction, *size)),
                grey(*tone)
            );
        }
        Shape::Text {
            at,
            text,
            size,
            tone,
        } => {
            let _ = writeln!(
                s,
                r#"<text transform="translate({} {}) scale(1 -1)" font-family="sans-serif" font-size="{}" fill="{}">{}</text>"#,
                num(at[0]),
                num(at[1]),
                num(*size),
                grey(*tone),
                escape(text)
            );
        }
    }
}

/// The corners of an arrow head: the tip, then the two corners of its base.
pub fn arrow_head(tip: [f32; 2], direction: [f32; 2], size: f32) -> [[f32; 2]; 3] {
    let [dx, dy] = direction;
    let base = [tip[0] - dx * size, tip[1] - dy * size];
    let half = size / 2.0;
    [
        tip,
        [base[0] - dy * half, base[1] + dx * half],
        [base[0] + dy * half, base[1] - dx * half],
    ]
}

/// `d` as a standalone SVG document.
pub fn document(d: &Drawing) -> String {
    format!(
        "<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 {w} {h}\" width=\"{w}\" height=\"{h}\">\n<rect width=\"{w}\" height=\"{h}\" fill=\"#ffffff\"/>\n{}</svg>\n",
        group(d, 0.0, 0.0),
        w = num(d.width),
        h = num(d.height)
    )
}

/// `text` broken at spaces into lines of at most `width` characters (a longer word stays
/// whole).
fn wrap(text: &str, width: usize) -> Vec<String> {
    let mut lines: Vec<String> = Vec::new();
    for word in text.split_whitespace() {
        match lines.last_mut() {
            Some(line) if line.chars().count() + 1 + word.chars().count() <= width => {
                line.push(' ');
                line.push_str(word);
            }
            _ => lines.push(word.to_owned()),
        }
    }
    lines
}

/// A contact sheet: the drawings in a grid `columns` wide, each framed with its name under it.
pub fn contact_sheet(items: &[(String, Drawing)], columns: usize) -> String {
    let (cw, ch) = items
        .first()
        .map_or((160.0, 120.0), |(_, d)| (d.width, d.height));
    let gap = 8.0;
    let name_band = 24.0;
    let columns = columns.max(1);
    let rows = items.len().div_ceil(columns);
    let page_w = gap + columns as f32 * (cw + gap);
    let page_h = gap + rows as f32 * (ch + name_band + gap);
    let mut s = String::new();
    let _ = writeln!(
        s,
        "<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 {w} {h}\" width=\"{w}\" height=\"{h}\">\n<rect width=\"{w}\" height=\"{h}\" fill=\"#ffffff\"/>",
        w = num(page_w),
        h = num(page_h)
    );
    for (i, (name, d)) in items.iter().enumerate() {
        let x = gap + (i % columns) as f32 * (cw + gap);
        let y = gap + (i / columns) as f32 * (ch + name_band + gap);
        let _ = writeln!(
            s,
            "<rect x=\"{}\" y=\"{}\" width=\"{}\" height=\"{}\" fill=\"none\" stroke=\"#bbbbbb\" stroke-width=\"0.6\"/>",
            num(x),
            num(y),
            num(cw),
            num(ch + name_band)
        );
        s.push_str(&group(d, x, y));
        let lines = wrap(name, 38);
        let first = y + ch + if lines.len() > 1 { 10.0 } else { 14.5 };
        for (k, line) in lines.iter().enumerate() {
            let _ = writeln!(
                s,
                "<text x=\"{}\" y=\"{}\" font-family=\"sans-serif\" font-size=\"8.5\" text-anchor=\"middle\" fill=\"#000000\">{}</text>",
                num(x + cw / 2.0),
                num(first + 9.5 * k as f32),
                escape(line)
            );
        }
    }
    s.push_str("</svg>\n");
    s
}
