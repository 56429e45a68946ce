//! The contact solver: adjusts a position's free values (its height, and the joint angles
//! its data lists as free) until every contact touches what it rests on. Damped least squares
//! (Levenberg-Marquardt) on the contact errors with a numeric Jacobian; it runs once, when the
//! pose data is read, so drawing a picture only runs the forward kinematics.

use super::body::{Skeleton, pose};
use super::pose::{Contact, Dof, ExercisePose, Position, Prop, Support};
use super::props::{Surfaces, Upright, surfaces};

/// Solves every position of `pose` (and its partner's) in place.
pub fn solve_pose(pose: &mut ExercisePose) {
    let found = surfaces(&pose.props);
    if let Some(start) = &mut pose.start {
        solve(start, &found);
    }
    solve(&mut pose.end, &found);
    for prop in &mut pose.props {
        if let Prop::Partner(partner) = prop {
            solve(partner, &Surfaces::default());
        }
    }
}

/// How far contact `c` is from touching, as one or two numbers (in fractions of height).
pub fn contact_error(c: &Contact, sk: &Skeleton, found: &Surfaces, out: &mut Vec<f32>) {
    let Contact(point, support) = *c;
    let p = sk.at(point);
    let r = sk.contact_radius(point);
    match support {
        Support::Floor => out.push(p[1] - r),
        Support::Top | Support::Seat => {
            let ledge = if support == Support::Top {
                found.top
            } else {
                found.seat
            };
            match ledge {
                Some(l) => {
                    out.push(p[1] - r - l.y);
                    // Off the end of the ledge counts as missing it.
                    out.push((l.x0 - p[0]).max(p[0] - l.x1).max(0.0));
                }
                None => out.push(p[1] - r),
            }
        }
        Support::Wall => match found.wall {
            Some(Upright::Face { x, dir }) => out.push(p[0] + dir * r - x),
            Some(Upright::Post { x }) => out.push(p[0] - x),
            None => {}
        },
        Support::At(x, y) => {
            out.push(p[0] - x);
            out.push(p[1] - y);
        }
        Support::Touch(other) => {
            let q = sk.at(other);
            out.push(p[0] - q[0]);
            out.push(p[1] - q[1]);
        }
    }
}

/// Every contact error of `pos`.
pub fn errors(pos: &Position, found: &Surfaces) -> Vec<f32> {
    let sk = pose(pos);
    let mut out = Vec::with_capacity(pos.contacts.len() * 2);
    for c in &pos.contacts {
        contact_error(c, &sk, found, &mut out);
    }
    out
}

fn cost(r: &[f32]) -> f32 {
    r.iter().map(|x| x * x).sum()
}

/// How much one unit of the solver's step changes `dof`: angles move in radians' worth of
/// degrees, so lengths and angles weigh alike.
fn unit(dof: Dof) -> f32 {
    match dof {
        Dof::X | Dof::Y => 1.0,
        _ => 57.3,
    }
}

/// Lowers (or raises) the body so that its first contact that has a height touches.
fn drop_onto_contacts(pos: &mut Position, found: &Surfaces) {
    pos.root.y = Some(0.0);
    let sk = pose(pos);
    let lift = pos.contacts.iter().find_map(|c| {
        let mut e = Vec::new();
        contact_error(c, &sk, found, &mut e);
        match c.1 {
            Support::Floor | Support::Top | Support::Seat => e.first().copied(),
            Support::At(..) | Support::Touch(_) => e.get(1).copied(),
            Support::Wall => None,
        }
    });
    pos.root.y = Some(-lift.unwrap_or(0.0));
}

/// Solves `pos` in place: its height when not given, and its free values.
pub fn solve(pos: &mut Position, found: &Surfaces) {
    let mut dofs = pos.free.clone();
    if pos.root.y.is_none() {
        drop_onto_contacts(pos, found);
        dofs.insert(0, Dof::Y);
    }
    if dofs.is_empty() || pos.contacts.is_empty() {
        return;
    }
    let n = dofs.len();
    let mut r = errors(pos, found);
    let mut c = cost(&r);
    let mut lambda = 1e-3_f32;
    for _ in 0..80 {
        if c < 1e-12 {
            break;
        }
        let m = r.len();
        // Jacobian, column by column.
        let mut jac = vec![0.0_f32; m * n];
        for (j, &dof) in dofs.iter().enumerate() {
            let h = 1e-3;
            let mut probe = pos.clone();
            *probe.value_mut(dof) += h * unit(dof);
            let rp = errors(&probe, found);
            for i in 0..m {
                jac[i * n + j] = (rp[i] - r[i]) / h;
            }
        }
        // Normal equations with damping.
        let mut a = vec![0.0_f32; n * n];
        let mut g = vec![0.0_f32; n];
        for i in 0..m {
            for j in 0..n {
                g[j] -= jac[i * n + j] * r[i];
                for k in 0..n {
                    a[j * n + k] += jac[i * n + j] * jac[i * n + k];
                }
            }
        }
        let mut improved = false;
        for _ in 0..8 {
            let mut damped = a.clone();
            for j in 0..n {
                damped[j * n + j] += lambda * (1.0 + a[j * n + j]);
            }
            let Some(step) = solve_linear(damped, g.clone(), n) else {
                lambda *= 10.0;
                continue;
            };
            let mut trial = pos.clone();
            for (j, &dof) in dofs.iter().enumerate() {
                let (lo, hi) = dof.limits();
                let v = trial.value_mut(dof);
                *v = (*v + step[j] * unit(dof)).clamp(lo, hi);
            }
            let rt = errors(&trial, found);
            let ct = cost(&rt);
            if ct < c {
                *pos = trial;
                r = rt;
                c = ct;
                lambda = (lambda / 3.0).max(1e-7);
                improved = true;
                break;
            }
            lambda *= 4.0;
        }
        if !improved {
            break;
        }
    }
}

/// Solves `a x = b` (`a` is `n` x `n`, row-major) by Gaussian elimination with partial
/// pivoting; `None` when `a` is singular.
fn solve_linear(mut a: Vec<f32>, mut b: Vec<f32>, n: usize) -> Option<Vec<f32>> {
    for col in 0..n {
        let pivot =
            (col..n).max_by(|&i, &j| a[i * n + col].abs().total_cmp(&a[j * n + col].abs()))?;
        if a[pivot * n + col].abs() < 1e-12 {
            return None;
        }
        if pivot != col {
            for k in 0..n {
                a.swap(pivot * n + k, col * n + k);
            }
            b.swap(pivot, col);
        }
        for row in col + 1..n {
            let f = a[row * n + col] / a[col * n + col];
            for k in col..n {
                a[row * n + k] -= f * a[col * n + k];
            }
            b[row] -= f * b[col];
        }
    }
    let mut x = vec![0.0_f32; n];
    for row in (0..n).rev() {
        let mut s = b[row];
        for k in row + 1..n {
            s -= a[row * n + k] * x[k];
        }
        x[row] = s / a[row * n + row];
    }
    Some(x)
}
