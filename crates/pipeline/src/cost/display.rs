//! [`CostEstimate`] as a readable table, for the CLI: one row per line item with its quantity,
//! unit price and monthly dollars, the total, then each item's note, the packing comparison and
//! the general notes.

use std::fmt;

use super::{CostEstimate, LineItem, PackingSaving};
use crate::spec::PipelineKind;

/// `1234567.8` -> `1,234,568`; below 1,000 two decimals at most (`0.03`, `12.5`).
pub(crate) fn count(x: f64) -> String {
    if x.abs() >= 1000.0 || x.fract() == 0.0 {
        group(x.round(), 0)
    } else {
        trim(group(x, 2))
    }
}

/// Gigabytes with two decimals: `1,235.96`.
pub(crate) fn gb(x: f64) -> String {
    group(x, 2)
}

/// Dollars: cents, or four decimals under a cent so small items do not read as free.
pub fn usd(x: f64) -> String {
    if x != 0.0 && x.abs() < 0.01 {
        format!("${x:.4}")
    } else {
        format!("${}", group(x, 2))
    }
}

fn trim(s: String) -> String {
    if s.contains('.') {
        s.trim_end_matches('0').trim_end_matches('.').to_owned()
    } else {
        s
    }
}

fn group(x: f64, decimals: usize) -> String {
    let text = format!("{:.*}", decimals, x.abs());
    let (int, frac) = text.split_once('.').unwrap_or((&text, ""));
    let mut out = String::new();
    for (i, c) in int.chars().enumerate() {
        if i > 0 && (int.len() - i) % 3 == 0 {
            out.push(',');
        }
        out.push(c);
    }
    if !frac.is_empty() {
        out.push('.');
        out.push_str(frac);
    }
    if x < 0.0 && text.chars().any(|c| c.is_ascii_digit() && c != '0') {
        out.insert(0, '-');
    }
    out
}

fn row(item: &LineItem, n: usize) -> [String; 6] {
    [
        format!("[{n}]"),
        item.service.as_str().to_owned(),
        item.name.clone(),
        quantity(item),
        // The unit is the quantity's.
        format!("${}", item.unit_price_usd),
        usd(item.monthly_usd),
    ]
}

/// A line item's quantity with its unit: `1,235.96 GB`, `2,592,000 records`.
pub fn quantity(item: &LineItem) -> String {
    format!("{} {}", count_or_gb(item), item.unit)
}

/// Quantities in GB keep two decimals; others read as counts.
fn count_or_gb(item: &LineItem) -> String {
    if item.unit.starts_with("GB") {
        gb(item.quantity)
    } else {
        count(item.quantity)
    }
}

impl fmt::Display for CostEstimate {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let load = &self.load;
        writeln!(
            f,
            "Cost estimate for pipeline {} ({}): {} records/s of {} bytes ({} event{} each), \
             {} days, {} prices as of {}",
            self.pipeline,
            match self.kind {
                PipelineKind::Dynamodb => "Firehose -> bridge -> DynamoDB",
                PipelineKind::S3 => "Firehose -> S3",
            },
            count(load.records_per_second),
            load.record_bytes,
            load.events_per_record,
            if load.events_per_record == 1 { "" } else { "s" },
            self.days,
            self.priced_region,
            self.prices_as_of
        )?;
        let header = ["", "Service", "Item", "Quantity", "Unit price", "Monthly"].map(String::from);
        let rows: Vec<[String; 6]> = self
            .line_items
            .iter()
            .enumerate()
            .map(|(i, item)| row(item, i + 1))
            .collect();
        let mut widths = [0usize; 6];
        for r in std::iter::once(&header).chain(&rows) {
            for (w, cell) in widths.iter_mut().zip(r) {
                *w = (*w).max(cell.chars().count());
            }
        }
        let line = |f: &mut fmt::Formatter<'_>, r: &[String; 6]| -> fmt::Result {
            for (i, (cell, w)) in r.iter().zip(widths).enumerate() {
                let pad = w - cell.chars().count();
                match i {
                    0 => write!(f, "{cell}{}", " ".repeat(pad))?,
                    5 => write!(f, "  {}{cell}", " ".repeat(pad))?,
                    _ => write!(f, "  {cell}{}", " ".repeat(pad))?,
                }
            }
            writeln!(f)
        };
        writeln!(f)?;
        line(f, &header)?;
        for r in &rows {
            line(f, r)?;
        }
        let total = usd(self.monthly_usd);
        let width: usize = widths.iter().sum::<usize>() + 2 * 5;
        writeln!(f, "{:>width$}", format!("Total a month: {total}"))?;
        writeln!(f)?;
        for (i, item) in self.line_items.iter().enumerate() {
            writeln!(f, "[{}] {}", i + 1, item.note)?;
        }
        if let Some(p) = &self.packing {
            writeln!(f)?;
            writeln!(f, "Packing: {}", packing(p))?;
            writeln!(f, "  {}", p.note)?;
        }
        if !self.notes.is_empty() {
            writeln!(f)?;
        }
        for note in &self.notes {
            writeln!(f, "Note: {note}")?;
        }
        write!(f, "Prices: {}", self.price_source)
    }
}

/// What packing several events into each record saves, in one sentence.
pub fn packing(p: &PackingSaving) -> String {
    format!(
        "at {} event{} a record Firehose bills {} GB ({} a month); at {} events a record, {} GB \
         ({}): {} less a month.",
        p.events_per_record_now,
        if p.events_per_record_now == 1 {
            ""
        } else {
            "s"
        },
        gb(p.billed_gb_now),
        usd(p.monthly_usd_now),
        p.events_per_record_packed,
        gb(p.billed_gb_packed),
        usd(p.monthly_usd_packed),
        usd(p.monthly_saving_usd)
    )
}
