#!/usr/bin/env python3
""""Appear" as showing up somewhere ("Roe appeared at the rally", "the piece
first appeared on a blog") against "appear" as seeming ("Roe appeared to
waver", "the race appears closer"): precision of the extractor's statements
with an appear-family cue, by the word right after the cue, and how many
gold statements have such a cue before each word.

Usage: appear-places.py ARTICLES GOLD EVENTS
"""
import collections
import os
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from common import load_run  # noqa: E402
from precision_by import matched_flags  # noqa: E402

FORMS = {"appear", "appears", "appeared", "appearing"}


def next_word(text, end):
    rest = text[end:end + 40].split()
    return rest[0].lower().strip(",.;:“”\"'") if rest else ""


def main():
    texts, gold, preds = load_run(*sys.argv[1:4])
    n, right, ex = collections.Counter(), collections.Counter(), {}
    for aid, ps in preds.items():
        for p, ok in zip(ps, matched_flags(gold.get(aid, []), ps)):
            cue = p.get("cue") or {}
            if (cue.get("text") or "").lower() not in FORMS:
                continue
            w = next_word(texts[aid], cue["end"])
            n[w] += 1
            right[w] += ok
            ex.setdefault(w, texts[aid][cue["start"] - 30:cue["end"] + 40].replace("\n", " "))
    g = collections.Counter()
    for aid, sts in gold.items():
        for s in sts:
            if (s.get("cue") or "").lower() in FORMS and s.get("cue_end") is not None:
                g[next_word(texts[aid], s["cue_end"])] += 1
    print(f"{'next word':12} {'pred':>5} {'right':>5} {'gold':>5}")
    for w, k in n.most_common(25):
        print(f"{w:12} {k:5} {right[w]:5} {g[w]:5}   {ex[w]!r}")


if __name__ == "__main__":
    main()
