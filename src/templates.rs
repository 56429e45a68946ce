//! Built-in plan templates (data/templates), embedded in the binary so `loadplan new` and the
//! welcome screen work on any machine. They are read through the same plan-file reader as any
//! file, so a template that does not parse is reported like any other file.

use std::path::Path;

use crate::io::{PlanFileError, parse_plan};
use crate::model::Plan;

/// (id, file text) of every built-in template, in the order they are listed.
pub const TEMPLATES: [(&str, &str); 5] = [
    (
        "nordic_hamstring",
        include_str!("../data/templates/nordic_hamstring.ron"),
    ),
    (
        "askling_l_protocol",
        include_str!("../data/templates/askling_l_protocol.ron"),
    ),
    (
        "proximal_hamstring_tendinopathy",
        include_str!("../data/templates/proximal_hamstring_tendinopathy.ron"),
    ),
    (
        "runners_glute",
        include_str!("../data/templates/runners_glute.ron"),
    ),
    (
        "post_op_hamstring_syndrome",
        include_str!("../data/templates/post_op_hamstring_syndrome.ron"),
    ),
];

/// The sample plan the program opens when given no file.
pub const SAMPLE_PLAN: (&str, &str) = (
    "data/examples/sample_plan.ron",
    include_str!("../data/examples/sample_plan.ron"),
);

/// The ids of the built-in templates.
pub fn ids() -> impl Iterator<Item = &'static str> {
    TEMPLATES.iter().map(|(id, _)| *id)
}

/// Reads template `id`; `None` when there is no such template.
pub fn load(id: &str) -> Option<Result<Plan, PlanFileError>> {
    TEMPLATES
        .iter()
        .find(|(tid, _)| *tid == id)
        .map(|(tid, text)| parse_plan(text, Path::new(&format!("data/templates/{tid}.ron"))))
}

/// Reads the built-in sample plan.
pub fn sample() -> Result<Plan, PlanFileError> {
    parse_plan(SAMPLE_PLAN.1, Path::new(SAMPLE_PLAN.0))
}

/// What a list of templates shows of one: its id, title, length and source.
#[derive(Debug, Clone, PartialEq)]
pub struct TemplateInfo {
    pub id: &'static str,
    pub title: String,
    /// Weeks to the plan's last prescribed week.
    pub weeks: u32,
    /// Where the protocol comes from.
    pub citation: String,
}

impl TemplateInfo {
    /// "Title (12 weeks)", as menus and the welcome screen list it.
    pub fn label(&self) -> String {
        format!("{} ({} weeks)", self.title, self.weeks)
    }
}

/// Every built-in template that reads, in list order; parsed once, on first use.
pub fn catalogue() -> &'static [TemplateInfo] {
    static CATALOGUE: std::sync::OnceLock<Vec<TemplateInfo>> = std::sync::OnceLock::new();
    CATALOGUE.get_or_init(|| {
        ids()
            .filter_map(|id| {
                let plan = load(id)?.ok()?;
                Some(TemplateInfo {
                    id,
                    weeks: plan.length_weeks(),
                    title: plan.title,
                    citation: plan.citation,
                })
            })
            .collect()
    })
}
