//! The colours that carry meaning, defined once for the window and the PDF: the deload mark and
//! the pain-monitoring zones. Plain RGB, so the engine stays free of any drawing library.

/// An sRGB colour.
pub type Rgb = [u8; 3];

/// Deload weeks (chart marks, the week view's label, the handout's chart).
pub const DELOAD: Rgb = [70, 130, 210];

/// Pain 0-2 during (and settled next morning): green.
pub const GREEN: Rgb = [46, 157, 74];
/// Pain 3-5 during, settled next morning: amber.
pub const AMBER: Rgb = [217, 140, 0];
/// Pain above 5 during, or not settled next morning: red.
pub const RED: Rgb = [212, 53, 53];
