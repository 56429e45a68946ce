//! The per-week table of a `Table` rule as an editable grid: one row per listed week with
//! sessions, sets, reps ("10", "6-8", "12/10/8"), hold seconds, load and minutes. Every cell
//! but the week may be empty, which carries the week before on. Typed text is checked first:
//! invalid text turns red, says why, and changes nothing. This is how the Nordic protocol
//! table is edited.

use crate::model::{Load, MAX_WEEKS, Reps, TableRow};
use crate::ui::widgets::fields::{Icon, icon_button, parsed_text};

use super::RuleContext;
use super::parse::{opt_num_text, parse_opt_f64, parse_opt_u32, parse_reps, reps_text};

/// Width of the small number cells.
const CELL_WIDTH: f32 = 52.0;

/// The grid, its "Add week row" button and the first error of any cell.
pub(super) fn table_ui(ui: &mut egui::Ui, rows: &mut Vec<TableRow>, ctx: &RuleContext<'_>) {
    let load_header = match ctx.dose.load {
        Load::Kg(_) | Load::None | Load::BodyWeight => format!("Load ({})", ctx.unit.symbol()),
        Load::Band(_) => "Load (level)".to_owned(),
        Load::PercentOneRm(_) => "Load (%1RM)".to_owned(),
        Load::Rpe(_) => "Load (RPE)".to_owned(),
        Load::Rir(_) => "Load (RIR)".to_owned(),
        Load::Rm(_) => "Load (RM)".to_owned(),
    };
    let convert = !matches!(
        ctx.dose.load,
        Load::Band(_) | Load::PercentOneRm(_) | Load::Rpe(_) | Load::Rir(_) | Load::Rm(_)
    );
    let mut errors = Vec::new();
    let mut delete = None;
    egui::ScrollArea::horizontal()
        .id_salt("rule_table_scroll")
        .show(ui, |ui| {
            egui::Grid::new("rule_table_grid")
                .striped(true)
                .num_columns(8)
                .spacing([8.0, 4.0])
                .show(ui, |ui| {
                    for h in [
                        "Week",
                        "Sessions",
                        "Sets",
                        "Reps",
                        "Hold s",
                        &load_header,
                        "Minutes",
                        "",
                    ] {
                        ui.strong(h);
                    }
                    ui.end_row();
                    // Rows have no id of their own and their week is edited here, so their cells
                    // are keyed by position; they follow the plan when it changes elsewhere.
                    for (i, row) in rows.iter_mut().enumerate() {
                        if row_ui(ui, i, row, convert, ctx, &mut errors) {
                            delete = Some(i);
                        }
                        ui.end_row();
                    }
                });
        });
    if let Some(i) = delete {
        rows.remove(i);
    }
    if let Some(first) = errors.first() {
        ui.colored_label(ui.visuals().error_fg_color, first);
    }
    duplicate_warning(ui, rows);
    let next = rows
        .iter()
        .map(|r| r.week)
        .max()
        .map_or(ctx.weeks.first.max(1), |w| (w + 1).min(MAX_WEEKS));
    if ui
        .button("Add week row")
        .on_hover_text(format!(
            "Add a row for week {next}; empty cells carry the week before on"
        ))
        .clicked()
    {
        rows.push(TableRow {
            week: next,
            ..TableRow::default()
        });
    }
}

/// One row's cells; returns true when its delete button was clicked.
fn row_ui(
    ui: &mut egui::Ui,
    i: usize,
    row: &mut TableRow,
    convert: bool,
    ctx: &RuleContext<'_>,
    errors: &mut Vec<String>,
) -> bool {
    let w = row.week;
    ui.add(
        egui::DragValue::new(&mut row.week)
            .range(1..=MAX_WEEKS)
            .clamp_existing_to_range(false)
            .speed(0.05),
    )
    .accessible_name(format!("Row {} week", i + 1))
    .on_hover_text("The plan week this row sets");
    let mut cell = Cell { i, w, errors };
    if let Some(v) = cell.count_ui(ui, "sessions", row.sessions, 14) {
        row.sessions = v;
    }
    if let Some(v) = cell.count_ui(ui, "sets", row.sets, 20) {
        row.sets = v;
    }
    let reps_of = |v: &Option<Reps>| reps_text(v.as_ref());
    if let Some(v) = cell.ui(ui, "reps", 80.0, &row.reps, parse_reps, reps_of) {
        row.reps = v;
    }
    if let Some(v) = cell.number_ui(ui, "hold", row.hold_secs) {
        row.hold_secs = v;
    }
    if matches!(ctx.dose.load, Load::Rm(_)) {
        // A repetition maximum: a whole number of reps (15 = 15RM), no kilograms.
        if let Some(v) = cell.count_ui(ui, "load", row.rm, 50) {
            row.rm = v;
        }
    } else {
        let to_shown = |kg: f64| if convert { ctx.unit.from_kg(kg) } else { kg };
        if let Some(v) = cell.number_ui(ui, "load", row.load_kg.map(to_shown)) {
            row.load_kg = v.map(|x| if convert { ctx.unit.to_kg(x) } else { x });
        }
    }
    if let Some(v) = cell.number_ui(ui, "minutes", row.minutes) {
        row.minutes = v;
    }
    let tip = format!("Delete the row of week {w} (Ctrl+Z undoes it)");
    icon_button(
        ui,
        Icon::Delete,
        true,
        &format!("Delete row week {w}"),
        &tip,
    )
    .clicked()
}

/// The text cells of one row, named "Week 3 reps" and so on, collecting their errors.
struct Cell<'e> {
    i: usize,
    w: u32,
    errors: &'e mut Vec<String>,
}

impl Cell<'_> {
    /// A cell for an optional whole number up to `max`.
    fn count_ui(
        &mut self,
        ui: &mut egui::Ui,
        name: &str,
        value: Option<u32>,
        max: u32,
    ) -> Option<Option<u32>> {
        let text = |v: &Option<u32>| v.map(|n| n.to_string()).unwrap_or_default();
        self.ui(
            ui,
            name,
            CELL_WIDTH,
            &value,
            |t| parse_opt_u32(t, max),
            text,
        )
    }

    /// A cell for an optional number of 0 or more.
    fn number_ui(
        &mut self,
        ui: &mut egui::Ui,
        name: &str,
        value: Option<f64>,
    ) -> Option<Option<f64>> {
        let text = |v: &Option<f64>| opt_num_text(*v);
        self.ui(ui, name, CELL_WIDTH, &value, parse_opt_f64, text)
    }

    /// A parsed text cell showing `value`; returns the new value when valid text was typed.
    fn ui<T>(
        &mut self,
        ui: &mut egui::Ui,
        name: &str,
        width: f32,
        value: &T,
        parse: impl Fn(&str) -> Result<T, String>,
        format: impl Fn(&T) -> String,
    ) -> Option<T> {
        let full = format!("Week {} {name}", self.w);
        let id = ui.make_persistent_id(("table_cell", self.i, name));
        let parsed = parsed_text(ui, id, format(value), width, parse, format);
        let tip = match &parsed.error {
            Some(e) => format!("{full}: {e}"),
            None => format!("{full}; leave empty to carry the week before on"),
        };
        let _ = parsed.response.accessible_name(&full).on_hover_text(tip);
        if let Some(e) = parsed.error {
            self.errors.push(format!("{full}: {e}"));
        }
        parsed.value
    }
}

/// Warns when two rows set the same week (only the first one counts).
fn duplicate_warning(ui: &mut egui::Ui, rows: &[TableRow]) {
    let mut weeks: Vec<u32> = rows.iter().map(|r| r.week).collect();
    weeks.sort_unstable();
    let dup = weeks.windows(2).find(|p| p[0] == p[1]).map(|p| p[0]);
    if let Some(w) = dup {
        ui.colored_label(
            ui.visuals().warn_fg_color,
            format!("Week {w} has more than one row: only the first one counts."),
        );
    }
}
