//! The Verhoeff check digit. Health IDs use it (and Aadhaar numbers carry one) because,
//! unlike Luhn, it catches every single-digit error *and* every transposition of two
//! adjacent digits, the two mistakes people make most when typing a number from a card.

const D: [[u8; 10]; 10] = [
    [0, 1, 2, 3, 4, 5, 6, 7, 8, 9],
    [1, 2, 3, 4, 0, 6, 7, 8, 9, 5],
    [2, 3, 4, 0, 1, 7, 8, 9, 5, 6],
    [3, 4, 0, 1, 2, 8, 9, 5, 6, 7],
    [4, 0, 1, 2, 3, 9, 5, 6, 7, 8],
    [5, 9, 8, 7, 6, 0, 4, 3, 2, 1],
    [6, 5, 9, 8, 7, 1, 0, 4, 3, 2],
    [7, 6, 5, 9, 8, 2, 1, 0, 4, 3],
    [8, 7, 6, 5, 9, 3, 2, 1, 0, 4],
    [9, 8, 7, 6, 5, 4, 3, 2, 1, 0],
];

const P: [[u8; 10]; 8] = [
    [0, 1, 2, 3, 4, 5, 6, 7, 8, 9],
    [1, 5, 7, 6, 2, 8, 3, 0, 9, 4],
    [5, 8, 0, 3, 7, 9, 6, 1, 4, 2],
    [8, 9, 1, 6, 0, 4, 3, 5, 2, 7],
    [9, 4, 5, 3, 1, 2, 6, 8, 7, 0],
    [4, 2, 8, 6, 5, 7, 3, 9, 0, 1],
    [2, 7, 9, 3, 8, 0, 6, 4, 1, 5],
    [7, 0, 4, 6, 9, 1, 3, 2, 5, 8],
];

const INV: [u8; 10] = [0, 4, 3, 2, 1, 5, 6, 7, 8, 9];

fn digits(s: &str) -> Option<Vec<u8>> {
    s.bytes()
        .map(|b| b.is_ascii_digit().then(|| b - b'0'))
        .collect()
}

/// The check digit to append to `payload` (ASCII digits); `None` for anything else.
pub fn verhoeff_digit(payload: &str) -> Option<u8> {
    let ds = digits(payload)?;
    let mut c = 0u8;
    for (i, d) in ds.iter().rev().enumerate() {
        c = D[c as usize][P[(i + 1) % 8][*d as usize] as usize];
    }
    Some(INV[c as usize])
}

/// Does `number` (ASCII digits, check digit last) pass the Verhoeff check?
pub fn verhoeff_valid(number: &str) -> bool {
    let Some(ds) = digits(number) else {
        return false;
    };
    if ds.is_empty() {
        return false;
    }
    let mut c = 0u8;
    for (i, d) in ds.iter().rev().enumerate() {
        c = D[c as usize][P[i % 8][*d as usize] as usize];
    }
    c == 0
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn known_values() {
        // The classic worked example: 236 → check digit 3.
        assert_eq!(verhoeff_digit("236"), Some(3));
        assert!(verhoeff_valid("2363"));
        assert!(!verhoeff_valid("2364"));
        assert_eq!(verhoeff_digit("12a"), None);
    }

    #[test]
    fn catches_every_single_error_and_adjacent_transposition() {
        let mut seed = 0x2545_f491_4f6c_dd1du64;
        for _ in 0..500 {
            seed ^= seed << 13;
            seed ^= seed >> 7;
            seed ^= seed << 17;
            let payload = format!("{:011}", seed % 100_000_000_000);
            let full = format!("{payload}{}", verhoeff_digit(&payload).unwrap());
            assert!(verhoeff_valid(&full));
            let b = full.as_bytes();
            for i in 0..b.len() {
                for d in b'0'..=b'9' {
                    if d != b[i] {
                        let mut m = b.to_vec();
                        m[i] = d;
                        assert!(!verhoeff_valid(std::str::from_utf8(&m).unwrap()));
                    }
                }
                if i + 1 < b.len() && b[i] != b[i + 1] {
                    let mut m = b.to_vec();
                    m.swap(i, i + 1);
                    assert!(!verhoeff_valid(std::str::from_utf8(&m).unwrap()));
                }
            }
        }
    }
}
