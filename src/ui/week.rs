//! The week view: pick a week and read exactly what the athlete does in it, as the projection
//! resolves it (each exercise, its sessions, sets x reps @ load, holds, tempo, rest).

use crate::engine::Projection;
use crate::model::{Plan, fmt_num};

/// State of the week view: the week shown.
#[derive(Debug, Clone)]
pub struct WeekPanel {
    /// 1-based week shown.
    pub week: u32,
}

impl Default for WeekPanel {
    fn default() -> Self {
        WeekPanel { week: 1 }
    }
}

impl WeekPanel {
    /// Draws the week picker and the week's table.
    pub fn ui(&mut self, ui: &mut egui::Ui, plan: &Plan, projection: &Projection) {
        let n = projection.weeks.len() as u32;
        if n == 0 {
            ui.label("This plan has no weeks yet: add a prescription.");
            return;
        }
        self.week = self.week.clamp(1, n);
        ui.horizontal(|ui| {
            let label = ui.label("Week");
            ui.add(egui::DragValue::new(&mut self.week).range(1..=n).speed(0.1))
                .labelled_by(label.id);
            ui.label(format!("of {n}"));
            if ui.button("Previous week").clicked() && self.week > 1 {
                self.week -= 1;
            }
            if ui.button("Next week").clicked() && self.week < n {
                self.week += 1;
            }
        });
        let Some(wp) = projection.week(self.week) else {
            return;
        };
        let mut head = format!("Week {}", wp.week);
        if let Some(p) = &wp.phase {
            head.push_str(&format!(" - {p}"));
        }
        if wp.deload {
            head.push_str(" (deload)");
        }
        ui.strong(head);
        egui::ScrollArea::both()
            .id_salt("week_table_scroll")
            .show(ui, |ui| {
                egui::Grid::new("week_table")
                    .striped(true)
                    .num_columns(5)
                    .spacing([12.0, 6.0])
                    .show(ui, |ui| {
                        for h in ["Exercise", "Sessions", "Dose", "Tempo / rest", "Notes"] {
                            ui.strong(h);
                        }
                        ui.end_row();
                        for item in &wp.items {
                            ui.label(&item.exercise_name);
                            ui.label(format!("{}/week", item.sessions));
                            ui.label(item.dose_label());
                            let mut tr = Vec::new();
                            if let Some(t) = item.tempo {
                                tr.push(format!("tempo {} s", t.label()));
                            }
                            if let Some(r) = item.dose.rest_secs {
                                tr.push(format!("rest {r} s"));
                            }
                            ui.label(tr.join(", "));
                            let mut notes = Vec::new();
                            if item.supervised_sessions > 0 {
                                notes.push(format!("{} supervised", item.supervised_sessions));
                            }
                            if item.deload {
                                notes.push("deload".to_owned());
                            }
                            if let Some(rom) = &item.dose.rom {
                                notes.push(rom.clone());
                            }
                            ui.label(notes.join("; "));
                            ui.end_row();
                        }
                    });
                ui.add_space(6.0);
                let t = &wp.totals;
                ui.label(format!(
                    "{} sessions · {} reps · {} kg volume load · {} s under tension",
                    t.sessions,
                    fmt_num(t.reps),
                    fmt_num(t.volume_load_kg),
                    fmt_num(t.tut_secs)
                ));
                let _ = plan;
            });
    }
}
