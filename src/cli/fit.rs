//! `loadplan fit`: one prescription's progression fitted to the weekly threshold
//! ([`engine::fit`](crate::engine::fit)), printed week by week beside the current one with
//! each week's largest rise, and the summary. The file changes only with `--write`, which
//! saves the plan with the fitted prescription (atomically, keeping `FILE.bak`, under the
//! file's lock: the fit is made on the file as it is then, log entries and all).

use std::io::Write;
use std::path::{Path, PathBuf};

use crate::engine::{self, Fitted};
use crate::io::{comments_note, load_plan, update_plan};
use crate::model::Plan;

use super::CliError;
use super::args::positive_value;
use super::output::{Format, write_json};

/// `loadplan fit`: which plan and prescription, the threshold, and whether to save.
#[derive(Debug, Clone, clap::Args)]
pub struct FitArgs {
    /// Plan file.
    pub file: PathBuf,
    /// Id of the prescription to fit (`loadplan show FILE --json` gives each item's
    /// prescription_id).
    #[arg(long, value_name = "ID")]
    pub prescription: u32,
    /// Largest weekly rise allowed, in percent [default: the plan's weekly_increase_pct].
    #[arg(long, value_name = "PCT")]
    pub threshold: Option<f64>,
    /// Save the plan with the fitted prescription (the previous file is kept as FILE.bak).
    #[arg(long)]
    pub write: bool,
}

/// What `fit --json` prints: the file, whether it was written, and the fit.
#[derive(Debug, serde::Serialize)]
struct FitJson<'a> {
    file: &'a Path,
    written: bool,
    #[serde(flatten)]
    fitted: &'a Fitted,
    /// Where the hand-written file was kept, when its comments could not be.
    #[serde(skip_serializing_if = "Option::is_none")]
    original_kept: Option<&'a Path>,
}

/// Fits, prints, and saves when asked.
pub(super) fn run(args: &FitArgs, format: Format, out: &mut dyn Write) -> Result<(), CliError> {
    positive_value("--threshold", args.threshold)?;
    let (fitted, original_kept) = if args.write {
        let updated = update_plan(&args.file, |plan| fit_in(plan, args))?;
        (updated.value, updated.original_kept)
    } else {
        (fit_in(&mut load_plan(&args.file)?, args)?, None)
    };
    match format {
        Format::Json => write_json(
            out,
            &FitJson {
                file: &args.file,
                written: args.write,
                fitted: &fitted,
                original_kept: original_kept.as_deref(),
            },
        )?,
        Format::Text => {
            print_fit(&fitted, args, out)?;
            if let Some(note) = comments_note(&args.file, original_kept.as_deref()) {
                writeln!(out, "note: {note}")?;
            }
        }
    }
    Ok(())
}

/// Fits the prescription of `plan`, and puts the fitted one in the plan with `--write`.
fn fit_in(plan: &mut Plan, args: &FitArgs) -> Result<Fitted, CliError> {
    let threshold = args
        .threshold
        .unwrap_or(plan.thresholds.weekly_increase_pct);
    let fitted =
        engine::fit(plan, args.prescription, threshold).map_err(|source| CliError::Fit {
            path: args.file.clone(),
            source,
        })?;
    if args.write
        && let Some(slot) = plan
            .prescriptions
            .iter_mut()
            .find(|p| p.id == fitted.prescription.id)
    {
        *slot = fitted.prescription.clone();
    }
    Ok(fitted)
}

/// `+10.0 %`, `-0.8 %`, `-` for none.
fn rise_text(pct: Option<f64>) -> String {
    match pct {
        Some(p) if p.abs() < 0.05 => "0.0 %".to_owned(),
        Some(p) => format!("{p:+.1} %"),
        None => "-".to_owned(),
    }
}

fn print_fit(f: &Fitted, args: &FitArgs, out: &mut dyn Write) -> std::io::Result<()> {
    let rx = &f.prescription;
    writeln!(
        out,
        "{} (prescription {}, weeks {}-{}): fitted to at most {} % a week",
        f.exercise_name,
        rx.id,
        rx.weeks.first,
        rx.weeks.last,
        crate::model::fmt_num(f.threshold_pct)
    )?;
    writeln!(out, "{}", f.method)?;
    let width = |pick: fn(&engine::FitWeek) -> &str, head: &str| {
        f.weeks
            .iter()
            .map(|w| pick(w).chars().count())
            .chain([head.len()])
            .max()
            .unwrap_or(0)
    };
    let wb = width(|w| w.before_label.as_str(), "before");
    let wa = width(|w| w.after_label.as_str(), "after");
    writeln!(
        out,
        "{:>4}  {:<wb$}  {:>8}  {:<wa$}  {:>8}",
        "week", "before", "rise", "after", "rise"
    )?;
    for w in &f.weeks {
        let note = match (w.deload, w.hold) {
            (true, _) => "  deload",
            (false, true) => "  hold",
            _ => "",
        };
        writeln!(
            out,
            "{:>4}  {:<wb$}  {:>8}  {:<wa$}  {:>8}{note}",
            w.week,
            w.before_label,
            rise_text(w.rise_before_pct),
            w.after_label,
            rise_text(w.rise_after_pct),
        )?;
    }
    writeln!(out, "{}", f.summary)?;
    if args.write {
        writeln!(
            out,
            "wrote {} (the previous version is kept as {}.bak)",
            args.file.display(),
            args.file
                .file_name()
                .map_or_else(String::new, |n| n.to_string_lossy().into_owned())
        )
    } else {
        writeln!(
            out,
            "nothing written; pass --write to save the fitted prescription in {}",
            args.file.display()
        )
    }
}
