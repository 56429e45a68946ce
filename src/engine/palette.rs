//! The colours that carry meaning, defined once for the window and the PDF: the deload mark and
//! the pain-monitoring zones. Plain RGB, so the engine stays free of any drawing library.

/// An sRGB colour.
pub type Rgb = [u8; 3];

/// Deload weeks (chart marks, the week view's label, the handout's chart).
pub const DELOAD: Rgb = [70, 130, 210];
