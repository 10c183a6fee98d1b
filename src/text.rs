//! Byte spans into the original article text, and their conversion to the
//! Unicode code point offsets of the wire format.
//!
//! Every stage works on byte offsets into the unchanged article text. The
//! conversion to code points happens once, when an event is assembled.

/// A half-open byte range `[start, end)` into the original article text.
///
/// Both ends always fall on `char` boundaries.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Default)]
pub struct Span {
    /// First byte.
    pub start: usize,
    /// One past the last byte.
    pub end: usize,
}

impl Span {
    /// A span from `start` to `end`.
    #[inline]
    pub fn new(start: usize, end: usize) -> Self {
        debug_assert!(start <= end);
        Span { start, end }
    }

    /// Length in bytes.
    #[inline]
    pub fn len(&self) -> usize {
        self.end - self.start
    }

    /// Whether the span is empty.
    #[inline]
    pub fn is_empty(&self) -> bool {
        self.end == self.start
    }

    /// The text of the span.
    #[inline]
    pub fn slice<'t>(&self, text: &'t str) -> &'t str {
        &text[self.start..self.end]
    }

    /// Whether `other` lies inside this span.
    #[inline]
    pub fn contains(&self, other: Span) -> bool {
        self.start <= other.start && other.end <= self.end
    }

    /// Whether the two spans share at least one byte.
    #[inline]
    pub fn overlaps(&self, other: Span) -> bool {
        self.start < other.end && other.start < self.end
    }
}

/// Converts byte offsets of one text into code point offsets.
///
/// Keeps the code point count at every 64th byte, so a conversion scans at
/// most 63 bytes whatever the text length, and building it costs one pass.
/// (Each event converts about eight offsets; with every 256th byte the
/// scans cost 4 % of `quotewire extract`'s instructions, callgrind.)
#[derive(Debug)]
pub struct CharOffsets<'t> {
    text: &'t str,
    /// Empty for an all-ASCII text, where a byte offset is its code point
    /// offset (most news text: no pass to count, no scan to convert).
    checkpoints: Vec<u32>,
}

const STRIDE: usize = 64;

impl<'t> CharOffsets<'t> {
    /// Indexes `text`.
    pub fn new(text: &'t str) -> Self {
        let bytes = text.as_bytes();
        if bytes.is_ascii() {
            return CharOffsets {
                text,
                checkpoints: Vec::new(),
            };
        }
        let mut checkpoints = Vec::with_capacity(bytes.len() / STRIDE + 1);
        let mut count = 0u32;
        checkpoints.push(0);
        for chunk in bytes.chunks(STRIDE) {
            // A code point starts at every byte that is not a continuation byte.
            count += chunk.iter().filter(|&&b| (b as i8) >= -0x40).count() as u32;
            checkpoints.push(count);
        }
        CharOffsets { text, checkpoints }
    }

    /// The code point offset of byte offset `byte` (a char boundary).
    pub fn to_char(&self, byte: usize) -> usize {
        if self.checkpoints.is_empty() {
            return byte;
        }
        let block = byte / STRIDE;
        let base = self.checkpoints[block] as usize;
        let from = block * STRIDE;
        base + self.text.as_bytes()[from..byte]
            .iter()
            .filter(|&&b| (b as i8) >= -0x40)
            .count()
    }
}

/// `s` cut to at most `max` bytes, on a character boundary.
pub fn truncate(s: &str, max: usize) -> &str {
    if s.len() <= max {
        return s;
    }
    let mut end = max;
    while !s.is_char_boundary(end) {
        end -= 1;
    }
    &s[..end]
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn truncate_keeps_char_boundaries() {
        assert_eq!(truncate("abc", 10), "abc");
        assert_eq!(truncate("abcdef", 3), "abc");
        assert_eq!(truncate("aé", 2), "a");
    }

    #[test]
    fn char_offsets_match_a_naive_count() {
        let text = "Estonia’s “PM” said — ok. ".repeat(40) + "é€𝄞 end";
        let idx = CharOffsets::new(&text);
        for (byte, _) in text.char_indices() {
            assert_eq!(
                idx.to_char(byte),
                text[..byte].chars().count(),
                "byte {byte}"
            );
        }
        assert_eq!(idx.to_char(text.len()), text.chars().count());
        // All ASCII: the identity, with no index built.
        let ascii = "Roe said it. ".repeat(20);
        let idx = CharOffsets::new(&ascii);
        assert!(idx.checkpoints.is_empty());
        for byte in [0, 1, 64, 200, ascii.len()] {
            assert_eq!(idx.to_char(byte), byte);
        }
    }

    #[test]
    fn spans_slice_and_compare() {
        let s = Span::new(2, 5);
        assert_eq!(s.slice("abcdefg"), "cde");
        assert!(s.contains(Span::new(3, 5)));
        assert!(s.overlaps(Span::new(4, 9)));
        assert!(!s.overlaps(Span::new(5, 9)));
    }
}
