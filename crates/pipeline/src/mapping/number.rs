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

/// Reads `[-+]digits[.digits][(e|E)[-+]digits]`; `None` when the number is zero. Anything that is
/// not a digit in the mantissa is skipped, so it never fails (the JSON parser checks the grammar).
pub(crate) fn significant(text: &str) -> Option<Significant> {
    let body = text.strip_prefix(['-', '+']).unwrap_or(text);
    let (mantissa, exponent) = match body.split_once(['e', 'E']) {
        Some((m, e)) => (m, exponent_value(e)),
        None => (body, 0),
    };
    let (int, frac) = mantissa.split_once('.').unwrap_or((mantissa, ""));
    let int = int.as_bytes();
    let frac = frac.as_bytes();
    // Digit i of the integer part stands for 10^(int_digits - 1 - i), digit j of the fraction for
    // 10^-(j + 1).
    let digits = || int.iter().chain(frac.iter()).filter(|b| b.is_ascii_digit());
    let first = digits().position(|&b| b != b'0')?;
    let total = digits().count();
    let last = total - 1 - digits().rev().position(|&b| b != b'0')?;
    // Positions count digits only; the point sits after the integer part's digits.
    let int_digits = int.iter().filter(|b| b.is_ascii_digit()).count();
    let leading_power = if first < int_digits {
        int_digits as i64 - 1 - first as i64
    } else {
        -((first - int_digits) as i64 + 1)
    };
    Some(Significant {
        count: last - first + 1,
        leading_power: leading_power.saturating_add(exponent),
    })
}

/// An exponent's value, saturated far beyond any limit so huge exponents cannot overflow.
fn exponent_value(text: &str) -> i64 {
    const CAP: i64 = 1_000_000_000_000;
    let (negative, digits) = match text.as_bytes().first() {
        Some(b'-') => (true, &text[1..]),
        Some(b'+') => (false, &text[1..]),
        _ => (false, text),
    };
    let magnitude = digits
        .bytes()
        .filter(u8::is_ascii_digit)
        .fold(0i64, |acc, d| (acc * 10 + i64::from(d - b'0')).min(CAP));
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
