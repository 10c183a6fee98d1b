#!/usr/bin/env python3
"""Where reported (indirect and mixed) contents end, as the gold draws them.

For each separator (", but", ", which", a dash, a semicolon, ...), counts
the gold indirect/mixed statements whose content runs on through it (the
separator is inside the content) against those whose content ends right
before it (the separator follows the content, after optional closing
punctuation). The share of "through" decides whether a reported clause
should run on through that separator.

Usage: boundaries.py ARTICLES GOLD [ARTICLES GOLD ...]
"""
import json
import re
import sys

from common import load, pairs, reported

SEPARATORS = {
    ", but": r",\s+but\b",
    ", which": r",\s+which\b",
    ", who": r",\s+who\b",
    ", while": r",\s+while\b",
    ", and": r",\s+and\b",
    ", though": r",\s+(?:though|although)\b",
    "dash": r"\s*[—–]\s*|\s+-\s+",
    "semicolon": r";",
    "colon": r":",
}


def main(argv):
    if len(argv) < 2 or len(argv) % 2:
        sys.exit(__doc__)
    for gold_path, texts, golds in pairs(argv):
        through = {k: 0 for k in SEPARATORS}
        before = {k: 0 for k in SEPARATORS}
        n = 0
        for text, s in reported(golds, texts):
            n += 1
            content = text[s["content_start"]:s["content_end"]]
            after = text[s["content_end"]:s["content_end"] + 12]
            after = re.sub(r"^[\"”’']+", "", after)
            for name, pat in SEPARATORS.items():
                if re.search(pat, content):
                    through[name] += 1
                if re.match(pat, after):
                    before[name] += 1
        print(f"== {gold_path}: {n} indirect and mixed statements")
        print(f"{'separator':<12} {'runs through':>12} {'ends before':>12} {'share through':>14}")
        for name in SEPARATORS:
            t, b = through[name], before[name]
            share = t / (t + b) if t + b else 0.0
            print(f"{name:<12} {t:>12} {b:>12} {share:>14.2f}")


if __name__ == "__main__":
    main(sys.argv[1:])
