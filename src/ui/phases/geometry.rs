//! Pure geometry of the phase timeline: which week lies under an x coordinate, where a week
//! range starts and ends on screen, what a drag of a band's edge or body does to its weeks,
//! and which lane each band goes in when phases overlap. No egui state, so it is tested
//! directly.

use crate::model::{MAX_WEEKS, Phase, WeekRange};

/// The week ruler laid out on screen: `weeks` columns of `col_width` points from `left`.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Ruler {
    /// Screen x of the left edge of week 1.
    pub left: f32,
    /// Width of one week's column, in points.
    pub col_width: f32,
    /// Number of columns shown.
    pub weeks: u32,
}

impl Ruler {
    /// The 1-based week under screen x, clamped to the columns shown.
    pub fn week_at(&self, x: f32) -> u32 {
        if self.col_width <= 0.0 || !x.is_finite() {
            return 1;
        }
        let index = ((x - self.left) / self.col_width).floor();
        let week = index.max(0.0).min(f32::from(u16::MAX)) as u32 + 1;
        week.clamp(1, self.weeks.max(1))
    }

    /// Screen x of the left edge of `week` (1-based).
    pub fn x_of(&self, week: u32) -> f32 {
        self.left + week.saturating_sub(1) as f32 * self.col_width
    }

    /// Left and right screen x of a week range (from the start of `first` to the end of `last`).
    pub fn span(&self, weeks: WeekRange) -> (f32, f32) {
        (
            self.x_of(weeks.first),
            self.x_of(weeks.last.saturating_add(1)),
        )
    }

    /// Whole weeks a pointer moved by `dx` points, rounded to the nearest week.
    pub fn weeks_moved(&self, dx: f32) -> i64 {
        if self.col_width <= 0.0 || !dx.is_finite() {
            return 0;
        }
        (dx / self.col_width).round() as i64
    }
}

/// What dragging a band changes.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum DragMode {
    /// The body: both ends move together.
    Move,
    /// The left edge: the first week.
    Start,
    /// The right edge: the last week.
    End,
}

/// The weeks of a band that started at `origin` after a drag of `delta` whole weeks.
/// Stays within 1..=MAX_WEEKS and never lets first pass last; a move keeps the length.
pub fn dragged_range(mode: DragMode, origin: WeekRange, delta: i64) -> WeekRange {
    let max = i64::from(MAX_WEEKS);
    let first = i64::from(origin.first.clamp(1, MAX_WEEKS));
    let last = i64::from(origin.last.clamp(1, MAX_WEEKS)).max(first);
    let (first, last) = match mode {
        DragMode::Move => {
            let len = last - first;
            let new_first = (first + delta).clamp(1, max - len);
            (new_first, new_first + len)
        }
        DragMode::Start => ((first + delta).clamp(1, last), last),
        DragMode::End => (first, (last + delta).clamp(first, max)),
    };
    // Both values lie in 1..=MAX_WEEKS here, so the conversions cannot fail.
    WeekRange::new(
        u32::try_from(first).unwrap_or(1),
        u32::try_from(last).unwrap_or(MAX_WEEKS),
    )
}

/// The lane (row) of each phase, in the order given, so that overlapping phases never share
/// a lane. `ranges[i]` is the range drawn for phase `i`. Returns the lanes and their count.
pub fn lanes(ranges: &[WeekRange]) -> (Vec<usize>, usize) {
    let mut order: Vec<usize> = (0..ranges.len()).collect();
    order.sort_by_key(|&i| (ranges[i].first, ranges[i].last));
    let mut lane_ends: Vec<u32> = Vec::new();
    let mut out = vec![0; ranges.len()];
    for i in order {
        let r = ranges[i];
        match lane_ends.iter().position(|&end| end < r.first) {
            Some(lane) => {
                lane_ends[lane] = r.last;
                out[i] = lane;
            }
            None => {
                lane_ends.push(r.last);
                out[i] = lane_ends.len() - 1;
            }
        }
    }
    (out, lane_ends.len().max(1))
}

/// The weeks a new phase takes: the four weeks after the last phase (weeks 1-4 when there is
/// none), kept within MAX_WEEKS.
pub fn next_free_range(phases: &[Phase]) -> WeekRange {
    let after = phases.iter().map(|p| p.weeks.last).max().unwrap_or(0);
    let first = after.saturating_add(1).min(MAX_WEEKS);
    WeekRange::new(first, first.saturating_add(3).min(MAX_WEEKS))
}
