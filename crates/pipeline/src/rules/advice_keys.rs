//! Does a partition key's name suggest few distinct values? A heuristic on the name's words, for a
//! warning only: `event_type`, `SECTOR`, `orderDate`, `isActive` do; `TICKER_SYMBOL`,
//! `device_id`, `stateless` do not.

/// Words that name a small set of values: categories, places, calendar units, flags.
const FEW_VALUES: &[&str] = &[
    "status",
    "state",
    "type",
    "kind",
    "category",
    "class",
    "sector",
    "industry",
    "country",
    "region",
    "continent",
    "zone",
    "city",
    "language",
    "locale",
    "currency",
    "date",
    "day",
    "weekday",
    "week",
    "month",
    "quarter",
    "year",
    "hour",
    "flag",
    "gender",
    "sex",
    "level",
    "tier",
    "priority",
    "severity",
    "grade",
    "rank",
    "bool",
    "boolean",
    "enabled",
    "active",
    "deleted",
    "valid",
    "verified",
    "color",
    "colour",
    "env",
    "environment",
    "stage",
    "mode",
    "channel",
    "platform",
];

/// Leading words of a yes/no attribute (`isActive`, `has_children`).
const BOOLEAN_LEADS: &[&str] = &["is", "has", "can", "should", "was", "did"];

/// The word that makes `name` look like a key with few distinct values, if any.
pub(super) fn few_values(name: &str) -> Option<String> {
    let words = words(name);
    if words.len() > 1 && BOOLEAN_LEADS.contains(&words[0].as_str()) {
        return Some(words[0].clone());
    }
    words.into_iter().find(|w| FEW_VALUES.contains(&w.as_str()))
}

/// `orderDate` / `ORDER_DATE` / `order-date` -> `["order", "date"]`.
fn words(name: &str) -> Vec<String> {
    let mut words = Vec::new();
    let mut current = String::new();
    let mut previous_lower = false;
    for c in name.chars() {
        // ASCII only: the words looked for are English, and the console's first load does not
        // carry Unicode's case tables for a hint.
        if !c.is_ascii_alphanumeric() {
            flush(&mut words, &mut current);
            previous_lower = false;
            continue;
        }
        if c.is_ascii_uppercase() && previous_lower {
            flush(&mut words, &mut current);
        }
        previous_lower = c.is_ascii_lowercase() || c.is_ascii_digit();
        current.push(c.to_ascii_lowercase());
    }
    flush(&mut words, &mut current);
    words
}

fn flush(words: &mut Vec<String>, current: &mut String) {
    if !current.is_empty() {
        words.push(std::mem::take(current));
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_of_small_sets_are_caught_and_ids_are_not() {
        for (name, word) in [
            ("SECTOR", "sector"),
            ("event_type", "type"),
            ("orderDate", "date"),
            ("order-status", "status"),
            ("isActive", "is"),
            ("has_children", "has"),
            ("Country", "country"),
            ("year", "year"),
        ] {
            assert_eq!(few_values(name).as_deref(), Some(word), "{name}");
        }
        for name in [
            "TICKER_SYMBOL",
            "device_id",
            "userId",
            "stateless",
            "typewriter_serial",
            "is",
            "EVENT_ID",
            "sessionToken",
        ] {
            assert_eq!(few_values(name), None, "{name}");
        }
    }

    #[test]
    fn words_split_at_case_and_separators() {
        assert_eq!(words("orderDateUTC"), ["order", "date", "utc"]);
        assert_eq!(words("a.b-c d_e"), ["a", "b", "c", "d", "e"]);
    }
}
