#!/usr/bin/env python3
"""Transcript turns: a paragraph opened by a speaker label and a colon
("ROE: We will win.", "Jon Roe: We will win.", "Q: Will you run?"). How
often the gold holds the rest of the paragraph as a statement (Jaccard
overlap >= 0.5, as score.py matches), by the shape of the label.

Usage: transcript-turns.py ARTICLES GOLD [ARTICLES GOLD ...]
PolNeAR train (no rule built yet): ALL CAPS labels 12 of 17 gold (4 found
already; the rest include UPDATE:, BYLINE:, EMAIL:), Q/A 25 of 61, Title
Case 38 of 78; news dev: 8 Title Case labels ("Related: …"), none gold.
"""
import collections
import os
import re
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from common import pairs  # noqa: E402

TURN = re.compile(r"(?m)^([A-Z][\w.'’-]*(?: [A-Z][\w.'’-]*){0,3}):[ \t]+(\S[^\n]*)$")


def jaccard(a, b):
    inter = max(0, min(a[1], b[1]) - max(a[0], b[0]))
    union = max(a[1], b[1]) - min(a[0], b[0])
    return inter / union if union else 0.0


def shape(label):
    if label in ("Q", "A"):
        return "Q/A"
    if label.isupper():
        return "ALL CAPS"
    return "Title Case"


def main():
    for gold_path, texts, golds in pairs(sys.argv[1:]):
        by = collections.Counter()
        ex = {}
        for doc in golds:
            text = texts.get(doc["article_id"], "")
            spans = [(s["content_start"], s["content_end"]) for s in doc["statements"]]
            for m in TURN.finditer(text):
                # A headline in title case is the headline rule's.
                words = re.findall(r"[A-Za-z][\w’']*", m.group(2))
                if words and sum(w[0].isupper() for w in words) >= 0.8 * len(words):
                    continue
                span = (m.start(2), m.end(2))
                ok = any(jaccard(span, g) >= 0.5 for g in spans)
                k = (shape(m.group(1)), ok)
                by[k] += 1
                ex.setdefault(k, m.group(0)[:90])
        print("==", gold_path)
        for (sh, ok), n in sorted(by.items()):
            print(f"{sh:11} {'gold' if ok else 'not gold':9} {n:5}   {ex[(sh, ok)]!r}")


if __name__ == "__main__":
    main()
