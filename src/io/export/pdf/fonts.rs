//! The handout's fonts: Ubuntu Light (bundled with the window's fonts, crate
//! `epaint_default_fonts`) for text, with Hack for the few characters Ubuntu lacks. Both are
//! embedded (krilla subsets them), so the PDF needs no font on the reader's machine and its
//! text stays selectable. Text is measured and turned into glyphs here, with the same
//! advances, so what is measured for wrapping is exactly what is drawn.

use krilla::text::{Font, GlyphId, KrillaGlyph};
use skrifa::MetadataProvider;
use skrifa::charmap::Charmap;
use skrifa::instance::{LocationRef, Size};
use skrifa::metrics::GlyphMetrics;

use super::super::ExportError;

/// Width added to each glyph of bold text: bold is drawn as fill plus a thin stroke.
pub(super) const BOLD_STROKE_EM: f32 = 0.035;

/// One font: the PDF handle, and what measuring needs.
pub(super) struct Face {
    pub pdf: Font,
    charmap: Charmap<'static>,
    metrics: GlyphMetrics<'static>,
    units_per_em: f32,
    /// Glyph id and advance (in em) of each ASCII character, looked up once.
    ascii: [Option<(u32, f32)>; 128],
}

impl Face {
    fn new(data: &'static [u8]) -> Option<Face> {
        let font_ref = skrifa::FontRef::new(data).ok()?;
        let units_per_em = f32::from(
            font_ref
                .metrics(Size::unscaled(), LocationRef::default())
                .units_per_em,
        )
        .max(1.0);
        let mut face = Face {
            pdf: Font::new(data.into(), 0)?,
            charmap: font_ref.charmap(),
            metrics: font_ref.glyph_metrics(Size::unscaled(), LocationRef::default()),
            units_per_em,
            ascii: [None; 128],
        };
        for i in 0..128_u8 {
            face.ascii[usize::from(i)] = face.slow_lookup(char::from(i));
        }
        Some(face)
    }

    fn slow_lookup(&self, c: char) -> Option<(u32, f32)> {
        let gid = self.charmap.map(c)?;
        let advance = self.metrics.advance_width(gid).unwrap_or(0.0) / self.units_per_em;
        Some((gid.to_u32(), advance))
    }

    /// Glyph id and advance in em of `c`, when the font has it.
    fn lookup(&self, c: char) -> Option<(u32, f32)> {
        match self.ascii.get(c as usize) {
            Some(found) => *found,
            None => self.slow_lookup(c),
        }
    }
}

/// Which of the two fonts draws a run of text.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Which {
    Text,
    Fallback,
}

/// A stretch of text drawn with one font: its text, its glyphs and its width in em.
pub(super) struct Run<'t> {
    pub which: Which,
    pub text: &'t str,
    pub glyphs: Vec<KrillaGlyph>,
    pub width_em: f32,
}

/// The handout's fonts.
pub(super) struct Fonts {
    pub text: Face,
    pub fallback: Face,
}

impl Fonts {
    /// Loads the bundled fonts.
    pub fn load() -> Result<Fonts, ExportError> {
        let bad = |name: &str| ExportError::Pdf {
            message: format!("the bundled font {name} cannot be read"),
        };
        Ok(Fonts {
            text: Face::new(epaint_default_fonts::UBUNTU_LIGHT)
                .ok_or_else(|| bad("Ubuntu Light"))?,
            fallback: Face::new(epaint_default_fonts::HACK_REGULAR).ok_or_else(|| bad("Hack"))?,
        })
    }

    /// The face for `which`.
    pub fn face(&self, which: Which) -> &Face {
        match which {
            Which::Text => &self.text,
            Which::Fallback => &self.fallback,
        }
    }

    /// Glyph, advance and font of one character (glyph 0 when neither font has it).
    fn glyph(&self, c: char) -> (Which, u32, f32) {
        if let Some((g, a)) = self.text.lookup(c) {
            return (Which::Text, g, a);
        }
        if let Some((g, a)) = self.fallback.lookup(c) {
            return (Which::Fallback, g, a);
        }
        let advance = self.text.lookup('?').map_or(0.5, |(_, a)| a);
        (Which::Text, 0, advance)
    }

    /// Width of `text` at `size` points.
    pub fn width(&self, text: &str, size: f32) -> f32 {
        text.chars().map(|c| self.glyph(c).2).sum::<f32>() * size
    }

    /// Width of `text` at `size` points drawn bold (a little wider).
    pub fn width_styled(&self, text: &str, size: f32, bold: bool) -> f32 {
        let extra = if bold {
            text.chars().count() as f32 * BOLD_STROKE_EM * size * 0.5
        } else {
            0.0
        };
        self.width(text, size) + extra
    }

    /// `text` cut into runs of one font each, with their glyphs.
    pub fn runs<'t>(&self, text: &'t str) -> Vec<Run<'t>> {
        let mut runs: Vec<Run<'t>> = Vec::new();
        let mut start = 0;
        let mut current: Option<Which> = None;
        let mut glyphs = Vec::new();
        let mut width = 0.0;
        for (i, c) in text.char_indices() {
            let (which, gid, advance) = self.glyph(c);
            if current.is_some_and(|w| w != which) {
                runs.push(Run {
                    which: current.unwrap_or(Which::Text),
                    text: &text[start..i],
                    glyphs: std::mem::take(&mut glyphs),
                    width_em: width,
                });
                start = i;
                width = 0.0;
            }
            current = Some(which);
            let range = (i - start)..(i - start + c.len_utf8());
            glyphs.push(KrillaGlyph::new(
                GlyphId::new(gid),
                advance,
                0.0,
                0.0,
                0.0,
                range,
                None,
            ));
            width += advance;
        }
        if let Some(which) = current {
            runs.push(Run {
                which,
                text: &text[start..],
                glyphs,
                width_em: width,
            });
        }
        runs
    }

    /// `text` shortened with an ellipsis to fit `max_width` points at `size`.
    pub fn fit(&self, text: &str, size: f32, bold: bool, max_width: f32) -> String {
        if self.width_styled(text, size, bold) <= max_width {
            return text.to_owned();
        }
        let mut out = String::new();
        let budget = max_width - self.width_styled("…", size, bold);
        let mut used = 0.0;
        for c in text.chars() {
            let w = self.width_styled(c.encode_utf8(&mut [0; 4]), size, bold);
            if used + w > budget {
                break;
            }
            used += w;
            out.push(c);
        }
        out.truncate(out.trim_end().len());
        out.push('…');
        out
    }

    /// `text` wrapped into lines no wider than `max_width` points at `size`. Explicit line
    /// breaks are kept; a word longer than a line is broken between characters.
    ///
    /// Takes time linear in the length of `text`: each character is measured a bounded number
    /// of times (a long word is cut line by line from a slice, never copied or re-measured
    /// as a whole for each line).
    pub fn wrap(&self, text: &str, size: f32, bold: bool, max_width: f32) -> Vec<String> {
        let max_width = max_width.max(size);
        let space = self.width_styled(" ", size, bold);
        let mut lines = Vec::new();
        for paragraph in text.split('\n') {
            let mut line = String::new();
            let mut line_w = 0.0;
            for word in paragraph.split_whitespace() {
                let mut word_w = self.width_styled(word, size, bold);
                if !line.is_empty() && line_w + space + word_w <= max_width {
                    line.push(' ');
                    line.push_str(word);
                    line_w += space + word_w;
                    continue;
                }
                if !line.is_empty() {
                    lines.push(std::mem::take(&mut line));
                }
                let mut rest = word;
                while word_w > max_width {
                    let cut = self.cut_at_width(rest, size, bold, max_width);
                    lines.push(rest[..cut].to_owned());
                    rest = &rest[cut..];
                    word_w = self
                        .width_within(rest, size, bold, max_width)
                        .unwrap_or(f32::INFINITY);
                }
                line = rest.to_owned();
                line_w = word_w;
            }
            lines.push(line);
        }
        lines
    }

    /// Where to cut `word`: after its longest head that fits `max_width` (at least one
    /// character). Measures only the head and the character after it.
    fn cut_at_width(&self, word: &str, size: f32, bold: bool, max_width: f32) -> usize {
        let mut used = 0.0;
        for (i, c) in word.char_indices() {
            let w = self.width_styled(c.encode_utf8(&mut [0; 4]), size, bold);
            if used + w > max_width && i > 0 {
                return i;
            }
            used += w;
        }
        word.len()
    }

    /// The width of `text` as [`Fonts::width_styled`] gives it when that is at most
    /// `max_width`, or `None` when it is wider. Stops measuring as soon as the text is known
    /// to be too wide (widths only grow character by character), so measuring the rest of a
    /// long word costs about one line.
    fn width_within(&self, text: &str, size: f32, bold: bool, max_width: f32) -> Option<f32> {
        // The same sums, in the same order, as `width` and `width_styled`.
        let mut advance = 0.0f32;
        let mut count = 0usize;
        for c in text.chars() {
            advance += self.glyph(c).2;
            count += 1;
            let extra = if bold {
                count as f32 * BOLD_STROKE_EM * size * 0.5
            } else {
                0.0
            };
            if advance * size + extra > max_width {
                return None;
            }
        }
        let extra = if bold {
            count as f32 * BOLD_STROKE_EM * size * 0.5
        } else {
            0.0
        };
        Some(advance * size + extra)
    }
}
