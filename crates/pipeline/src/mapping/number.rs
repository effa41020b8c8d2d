//! Which decimal numbers DynamoDB can hold: at most 38 significant digits, magnitude between
//! 1E-130 and 9.9999999999999999999999999999999999999E+125, or zero ("Data types", Number, in the
//! DynamoDB developer guide). The text itself is never converted: a record's number is stored as
//! the decimal text it was written with.

/// The most significant digits a DynamoDB number has.
pub(crate) const MAX_DIGITS: usize = 38;
/// The power of ten of the first significant digit of the largest number (9.99...E+125).
const MAX_POWER: i64 = 125;
/// The power of ten of the smallest positive number (1E-130).
const MIN_POWER: i64 = -130;

/// Why DynamoDB cannot hold a number.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum NumberProblem {
    ManyDigits(usize),
    Large,
    Small,
}

impl NumberProblem {
    /// The rule, for people.
    pub(crate) fn rule(self) -> String {
        match self {
            Self::ManyDigits(n) => {
                format!("has {n} significant digits; DynamoDB numbers have at most {MAX_DIGITS}")
            }
            Self::Large => "is too large for DynamoDB (numbers go up to \
                               9.9999999999999999999999999999999999999E+125)"
                .to_owned(),
            Self::Small => "is too close to zero for DynamoDB (the smallest non-zero \
                               magnitude is 1E-130)"
                .to_owned(),
        }
    }
}

/// The significant digits of a decimal text: how many, and the power of ten of the first.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) struct Significant {
    pub(crate) count: usize,
    pub(crate) leading_power: i64,
}

/// Reads `[-+]digits[.digits][(e|E)[-+]digits]` in one pass over the bytes; `None` when the number
/// is zero. Other bytes in the mantissa are skipped, so it never fails (the JSON parser checks the
/// grammar before).
pub(crate) fn significant(text: &str) -> Option<Significant> {
    let bytes = text.as_bytes();
    let mut i = usize::from(matches!(bytes.first(), Some(b'-' | b'+')));
    // Digits are numbered from 0 across the integer part and the fraction.
    let (mut seen, mut int_digits, mut in_fraction) = (0usize, 0usize, false);
    let (mut first, mut last) = (None, 0usize);
    while let Some(&b) = bytes.get(i) {
        match b {
            b'0'..=b'9' => {
                if b != b'0' {
                    first.get_or_insert(seen);
                    last = seen;
                }
                seen += 1;
                int_digits += usize::from(!in_fraction);
            }
            b'.' => in_fraction = true,
            b'e' | b'E' => break,
            _ => {}
        }
        i += 1;
    }
    let exponent = bytes.get(i + 1..).map_or(0, exponent_value);
    let first = first?;
    // Digit k stands for 10^(int_digits - 1 - k): the point sits after the integer part's digits.
    let leading_power = int_digits as i64 - 1 - first as i64;
    Some(Significant {
        count: last - first + 1,
        leading_power: leading_power.saturating_add(exponent),
    })
}

/// The number's value as DynamoDB compares it, as text: `0`, or the sign, the significant digits
/// (no leading or trailing zeros) and the power of ten of the first digit. `1`, `1.0`, `1e0` and
/// `10e-1` all read `1E0`; `-120` reads `-12E2`. Two numbers are the same key to DynamoDB exactly
/// when their canonical forms are equal. Reads valid JSON number grammar (as [`significant`]).
pub fn canonical(text: &str) -> String {
    let bytes = text.as_bytes();
    let negative = bytes.first() == Some(&b'-');
    let mut i = usize::from(matches!(bytes.first(), Some(b'-' | b'+')));
    // From the first non-zero digit on, across the integer part and the fraction.
    let mut digits = String::new();
    let (mut seen, mut int_digits, mut in_fraction, mut first) = (0i64, 0i64, false, None);
    while let Some(&b) = bytes.get(i) {
        match b {
            b'0'..=b'9' => {
                if first.is_some() || b != b'0' {
                    first.get_or_insert(seen);
                    digits.push(char::from(b));
                }
                seen += 1;
                int_digits += i64::from(!in_fraction);
            }
            b'.' => in_fraction = true,
            b'e' | b'E' => break,
            _ => {}
        }
        i += 1;
    }
    let Some(first) = first else {
        return "0".to_owned();
    };
    let exponent = bytes.get(i + 1..).map_or(0, exponent_value);
    let power = (int_digits - 1 - first).saturating_add(exponent);
    let sign = if negative { "-" } else { "" };
    format!("{sign}{}E{power}", digits.trim_end_matches('0'))
}

/// An exponent's value, saturated far beyond any limit so huge exponents cannot overflow.
fn exponent_value(text: &[u8]) -> i64 {
    const CAP: i64 = 1_000_000_000_000;
    let (negative, digits) = match text.first() {
        Some(b'-') => (true, &text[1..]),
        Some(b'+') => (false, &text[1..]),
        _ => (false, text),
    };
    let magnitude = digits
        .iter()
        .filter(|b| b.is_ascii_digit())
        .fold(0i64, |acc, &d| (acc * 10 + i64::from(d - b'0')).min(CAP));
    if negative {
        -magnitude
    } else {
        magnitude
    }
}

/// Whether DynamoDB can hold the number written as `text` (valid JSON number grammar).
pub(crate) fn check(text: &str) -> Result<(), NumberProblem> {
    let Some(sig) = significant(text) else {
        return Ok(());
    };
    if sig.count > MAX_DIGITS {
        return Err(NumberProblem::ManyDigits(sig.count));
    }
    if sig.leading_power > MAX_POWER {
        return Err(NumberProblem::Large);
    }
    if sig.leading_power < MIN_POWER {
        return Err(NumberProblem::Small);
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn significant_digits_and_power() {
        let s = |t| significant(t).map(|s| (s.count, s.leading_power));
        assert_eq!(s("0"), None);
        assert_eq!(s("-0.000e5"), None);
        assert_eq!(s("1"), Some((1, 0)));
        assert_eq!(s("120"), Some((2, 2)));
        assert_eq!(s("0.00120"), Some((2, -3)));
        assert_eq!(s("84.51"), Some((4, 1)));
        assert_eq!(s("1.5e3"), Some((2, 3)));
        assert_eq!(s("1E+125"), Some((1, 125)));
        assert_eq!(s("1e-130"), Some((1, -130)));
        assert_eq!(s("1e99999999999999999999999"), Some((1, 1_000_000_000_000)));
    }

    #[test]
    fn equal_values_have_one_canonical_form() {
        for same in [
            &["1", "1.0", "1e0", "1E+0", "10e-1", "0.1e1", "001", "1.000"][..],
            &["0", "-0", "0.000", "0e99", "-0.0E-5"],
            &["100", "1e2", "1.00E2", "0.01e4", "100.0"],
            &["-1.5", "-15e-1", "-0.15E1", "-1.50"],
            &["0.000120", "1.2e-4", "12E-5"],
        ] {
            let forms: Vec<String> = same.iter().map(|t| canonical(t)).collect();
            assert!(forms.iter().all(|f| *f == forms[0]), "{same:?}: {forms:?}");
        }
        assert_eq!(canonical("1.0"), "1E0");
        assert_eq!(canonical("-120"), "-12E2");
        assert_eq!(canonical("0.000120"), "12E-4");
        assert_eq!(canonical("-0.0"), "0");
        for (a, b) in [
            ("1", "-1"),
            ("1", "10"),
            ("1.5", "15"),
            ("12", "21"),
            ("1", "1.0000001"),
        ] {
            assert_ne!(canonical(a), canonical(b), "{a} {b}");
        }
    }

    #[test]
    fn limits() {
        assert_eq!(
            check("9.9999999999999999999999999999999999999E+125"),
            Ok(())
        );
        assert_eq!(check("1E+126"), Err(NumberProblem::Large));
        assert_eq!(check("1e-130"), Ok(()));
        assert_eq!(check("0.9e-130"), Err(NumberProblem::Small));
        assert_eq!(check("0e-9999"), Ok(()));
        assert_eq!(
            check("1234567890123456789012345678901234567.89"),
            Err(NumberProblem::ManyDigits(39))
        );
        assert_eq!(
            check("100000000000000000000000000000000000000000000"),
            Ok(())
        );
    }
}
