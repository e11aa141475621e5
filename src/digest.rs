//! The hash the build caches name and check their entries by: XXH3, 128
//! bits (`xxhash-rust`).
//!
//! Why it is shaped so:
//!
//! - **One hash for every build cache.** Page keys, the search cache's
//!   keys and checksums, the bodies' keys and checksums and the articles'
//!   text hashes all go through here, so that they cannot drift apart and
//!   a faster hash is one change.
//! - **XXH3 rather than SipHash.** A rebuild hashes every article's text,
//!   its rendered body read back, and its body as resolved: about 300 MB
//!   at 10,000 articles. SipHash-1-3 spent 5% of a one-article rebuild
//!   there (perf, `docs/performance.md`); XXH3 reads the same bytes about
//!   ten times faster.
//! - **128 bits.** A page reused by mistake would be a wrong page
//!   published: a collision between two of a site's texts must be out of
//!   reach (2⁻⁶⁴ at a billion pages), not merely unlikely. The inputs are
//!   the site's own texts, not an adversary's: a keyed hash buys nothing.
//! - **Stable.** XXH3 is specified byte for byte, with the default
//!   secret: the same text has the same hash on every machine and with
//!   every Rust version, and a cache written by one binary is read by the
//!   next (each cache also names the binary that wrote it).

use std::hash::Hasher as _;

/// A 128-bit hash fed piece by piece.
pub struct Digest(xxhash_rust::xxh3::Xxh3Default);

impl Digest {
    /// An empty hash.
    pub fn new() -> Digest {
        Digest(xxhash_rust::xxh3::Xxh3Default::new())
    }

    /// Feeds `bytes` as they are (the caller delimits them).
    pub fn write(&mut self, bytes: &[u8]) {
        self.0.update(bytes);
    }

    /// Feeds a number.
    pub fn write_usize(&mut self, n: usize) {
        self.0.write_u64(n as u64);
    }

    /// Feeds a string, its length first: `("ab", "c")` and `("a", "bc")`
    /// differ.
    pub fn write_str(&mut self, s: &str) {
        self.write_usize(s.len());
        self.write(s.as_bytes());
    }

    /// Feeds a 128-bit number (another hash).
    pub fn write_u128(&mut self, n: u128) {
        self.write(&n.to_le_bytes());
    }

    /// The hash of everything fed.
    pub fn finish(&self) -> u128 {
        self.0.digest128()
    }
}

impl Default for Digest {
    fn default() -> Digest {
        Digest::new()
    }
}

/// The hash of `bytes` alone.
pub fn of(bytes: &[u8]) -> u128 {
    xxhash_rust::xxh3::xxh3_128(bytes)
}

/// A hash as the caches write it: 32 lowercase hexadecimal digits.
pub fn hex(hash: u128) -> String {
    format!("{hash:032x}")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn pieces_hash_as_their_concatenation_and_lengths_delimit_strings() {
        let mut d = Digest::new();
        d.write(b"ab");
        d.write(b"c");
        assert_eq!(d.finish(), of(b"abc"));
        let (mut one, mut two) = (Digest::new(), Digest::new());
        one.write_str("ab");
        one.write_str("c");
        two.write_str("a");
        two.write_str("bc");
        assert_ne!(one.finish(), two.finish());
    }

    #[test]
    fn the_hash_is_xxh3_128_as_specified() {
        // XXH3-128 of the empty input with the default secret, as the
        // reference implementation gives it: a cache written by one build
        // of Gazette is read by the next.
        assert_eq!(hex(of(b"")), "99aa06d3014798d86001c324468d497f");
        assert_eq!(hex(Digest::new().finish()), hex(of(b"")));
        // Past 240 bytes XXH3 takes its long path (checked against the
        // Python `xxhash` package's `xxh3_128_hexdigest`).
        let long = "Une phrase de l’article, assez longue pour passer les 240 octets du chemin court de XXH3 : ".repeat(4);
        assert_eq!(hex(of(long.as_bytes())), "699eb6577de66a59b8ca9d5aa56f186f");
        let mut d = Digest::new();
        for piece in long.as_bytes().chunks(7) {
            d.write(piece);
        }
        assert_eq!(hex(d.finish()), "699eb6577de66a59b8ca9d5aa56f186f");
    }
}
