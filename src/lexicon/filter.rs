//! A pre-check in front of the lexicon's hash look-ups.
//!
//! Most look-ups miss: the resolver and the attribution stage ask "is this
//! word a determiner / a role / a title / a given name?" of almost every
//! token, and the answer is nearly always no. Before this filter each such
//! question lower-cased the word into a stack buffer, validated it as UTF-8
//! and hashed it (callgrind: the look-ups were about a fifth of all
//! instructions of `quotewire extract`). A [`KeyFilter`] answers most misses
//! from one array read: for each first byte of a key, the set of key
//! lengths. A word whose (first byte, length) pair no key has cannot be in
//! the set, so the full look-up is skipped. It never rejects a word that
//! the full look-up would find, so results are unchanged.

/// For each first byte, the byte lengths of the keys starting with it, as
/// bits (bit 63 stands for 63 bytes and longer).
#[derive(Debug, Clone)]
pub(crate) struct KeyFilter {
    lengths: Box<[u64; 256]>,
    has_empty: bool,
}

#[inline]
fn length_bit(len: usize) -> u64 {
    1 << len.min(63)
}

impl KeyFilter {
    /// A filter over `keys`, compared as they are (byte for byte).
    pub(crate) fn new<'a>(keys: impl IntoIterator<Item = &'a str>) -> KeyFilter {
        let mut lengths = Box::new([0u64; 256]);
        let mut has_empty = false;
        for key in keys {
            match key.as_bytes().first() {
                Some(&b) => lengths[usize::from(b)] |= length_bit(key.len()),
                None => has_empty = true,
            }
        }
        KeyFilter { lengths, has_empty }
    }

    /// Whether `word`, compared byte for byte, may be a key.
    #[inline]
    pub(crate) fn may_hold(&self, word: &[u8]) -> bool {
        match word.first() {
            Some(&b) => self.lengths[usize::from(b)] & length_bit(word.len()) != 0,
            None => self.has_empty,
        }
    }

    /// Whether `word` lower-cased may be a key of a set of lower-case keys
    /// whose final `extra` bytes are not in `word` (0 for a plain look-up).
    /// Only ASCII words are filtered (their lower case has the same length
    /// and an ASCII first byte); any other word may be a key.
    #[inline]
    pub(crate) fn may_hold_lower(&self, word: &str, extra: usize) -> bool {
        let b = word.as_bytes();
        if !b.is_ascii() {
            return true;
        }
        match b.first() {
            Some(&c) => {
                self.lengths[usize::from(c.to_ascii_lowercase())] & length_bit(b.len() + extra) != 0
            }
            None => extra > 0 || self.has_empty,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn never_rejects_a_key() {
        let keys = ["said", "mr", "u.s.", "état", "a", "", &"x".repeat(70)];
        let f = KeyFilter::new(keys);
        for k in keys {
            assert!(f.may_hold(k.as_bytes()), "{k}");
            assert!(f.may_hold_lower(&k.to_uppercase(), 0), "{k}");
        }
        assert!(f.may_hold_lower("U.S", 1));
        assert!(f.may_hold_lower(&"X".repeat(90), 0));
    }

    #[test]
    fn rejects_most_other_words() {
        let f = KeyFilter::new(["said", "told"]);
        assert!(!f.may_hold(b"Said"));
        assert!(!f.may_hold_lower("sai", 0));
        assert!(!f.may_hold_lower("bold", 0));
        assert!(!f.may_hold(b""));
        // Not ASCII: always looked up.
        assert!(f.may_hold_lower("SAÏD", 0));
    }
}
