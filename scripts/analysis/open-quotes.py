#!/usr/bin/env python3
"""Reported contents that end inside a quote opened in them ("said the
rules “are set. We will keep them.”"): where the gold ends them, at the
closing mark past the sentence end or before it.

Reads the extractor's mixed statements whose content holds more opening
double marks (“) than closing ones, finds the mark that closes the quote
in the same paragraph, and compares the overlapping gold statements' end
with it.

Usage: open-quotes.py ARTICLES GOLD EVENTS
PolNeAR train, before the rule: 28 such contents with a closing mark in
the paragraph; the gold runs on to the mark for 26 (10 already matched),
ends before it for 2.
"""
import collections
import os
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from common import load_run  # noqa: E402
from precision_by import matched_flags  # noqa: E402


def main():
    texts, gold, preds = load_run(*sys.argv[1:4])
    counts = collections.Counter()
    examples = []
    for aid, ps in preds.items():
        text = texts[aid]
        for p, ok in zip(ps, matched_flags(gold.get(aid, []), ps)):
            s, e = p["content"]["start"], p["content"]["end"]
            inner = text[s:e]
            if p["kind"] != "mixed" or inner.count("“") <= inner.count("”"):
                continue
            close = text.find("”", e)
            para = text.find("\n", e)
            if close < 0 or 0 <= para < close:
                counts["no closing mark in the paragraph"] += 1
                continue
            ends = [g["content_end"] for g in gold.get(aid, []) if g["content_start"] < e and g["content_end"] > s]
            if not ends:
                key = "no gold"
            elif max(ends) >= close:
                key = "gold runs to the mark"
            else:
                key = "gold ends before it"
            counts[key, "matched" if ok else "unmatched"] += 1
            if len(examples) < 6:
                examples.append((key, text[s:close + 1][:160]))
    for k, v in sorted(counts.items(), key=str):
        print(v, k)
    for x in examples:
        print("   ", x)


if __name__ == "__main__":
    main()
