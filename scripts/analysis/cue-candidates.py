#!/usr/bin/env python3
"""Candidate cue forms: how often a word is a gold cue against how often it
occurs at all, to pick forms worth trying before a build (then check each
kept form's precision with precision_by.py on the extractor's output).

Usage: cue-candidates.py ARTICLES GOLD FORM[,FORM...]
PolNeAR train (the forms added in the "belief and stance forms" commit):
blamed 15 of 23 occurrences, sees 19/42, sought 18/83, plans 20/164,
hope 18/107; base forms such as "see" (30/349), "support" (29/739) and
"know" (22/409) are mostly something else.
"""
import collections
import os
import re
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from common import load  # noqa: E402


def main():
    texts = [a["text"].lower() for a in load(sys.argv[1])]
    gold = collections.Counter(
        (s.get("cue") or "").lower() for d in load(sys.argv[2]) for s in d["statements"])
    print(f"{'form':16} {'gold':>5} {'occurs':>7} {'share':>6}")
    for form in sys.argv[3].split(","):
        pat = re.compile(r"\b" + re.escape(form) + r"\b")
        occ = sum(len(pat.findall(t)) for t in texts)
        print(f"{form:16} {gold[form]:5} {occ:7} {gold[form] / max(1, occ):6.2f}")


if __name__ == "__main__":
    main()
