//! What is wrong with a plan and where: the problems that validation and the limits find,
//! anchored so a file reader can point at the line.

/// Where in a plan a problem is, so a file reader can point at the line.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Anchor {
    /// A top-level field, by name.
    Field(&'static str),
    /// The n-th (0-based) phase.
    Phase(usize),
    /// The n-th (0-based) exercise copy.
    Exercise(usize),
    /// The n-th (0-based) prescription.
    Prescription(usize),
    /// The n-th (0-based) logged session.
    LogEntry(usize),
    /// The n-th (0-based) PROM score.
    Prom(usize),
    /// The n-th (0-based) adjustment decision.
    Adjustment(usize),
}

/// One thing wrong with a plan.
#[derive(Debug, Clone, PartialEq)]
pub struct Problem {
    pub anchor: Anchor,
    /// The field of the anchored entry the problem is in, when it is one field.
    pub field: Option<&'static str>,
    /// What is wrong and what to do, in words a physio can act on.
    pub message: String,
}
