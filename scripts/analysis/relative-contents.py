#!/usr/bin/env python3
"""A relative pronoun as the content of a cue ("the levy, which Roe said
was a tax", "what Roe called a hoax"): how often the gold holds the
pronoun alone as a statement, when a short subject and a cue form follow
it.

The subject is a personal pronoun, one to four capitalised words, or
"the"/"a" and up to three lower-case words; the cue is any form of
data/en/cues.txt. Grouped by the pronoun and the cue's class.

Usage: relative-contents.py ARTICLES GOLD
PolNeAR train: "which" before a speech cue is gold 28 of 57 times, "who"
4 of 7, "whom" 4 of 9; "what" (20 of 102) and "that" (8 of 101) are
mostly something else. Split by the word before the pronoun, "which" is
gold 28 of 36 times with no preposition before it and 0 of 21 after one
("in which he said"), so the rule takes which and who, not after a
preposition. News dev: one such "in which he said", not gold.
"""
import collections
import os
import re
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from common import DATA, load  # noqa: E402


def cue_forms():
    forms = {}
    for line in open(os.path.join(DATA, "cues.txt"), encoding="utf-8"):
        if line.startswith("#") or "|" not in line:
            continue
        f = [x.strip() for x in line.split("|")]
        for form in f[2].split(","):
            forms.setdefault(form.strip().lower(), f[0])
    return forms


def main():
    forms = cue_forms()
    one_word = sorted((f for f in forms if " " not in f), key=len, reverse=True)
    subject = (r"(?:he|she|they|it|we|I|[A-Z][\w’'.-]*(?:\s+[A-Z][\w’'.-]*){0,3}"
               r"|(?:the|a|many|some)\s+[a-z]+(?:\s+[a-z]+){0,2})")
    pat = re.compile(r"\b(which|who|whom|what|that)\s+(" + subject + r")\s+(?:also\s+|has\s+|have\s+|had\s+)?("
                     + "|".join(map(re.escape, one_word)) + r")\b")
    texts = {a["id"]: a["text"] for a in load(sys.argv[1])}
    counts = collections.defaultdict(lambda: [0, 0, 0])
    examples = collections.defaultdict(list)
    for d in load(sys.argv[2]):
        text = texts[d["article_id"]]
        rel_gold = {s["content_start"] for s in d["statements"] if s["content"].strip().lower()
                    in ("which", "who", "whom", "what", "that")}
        rest_gold = {s["cue_start"] for s in d["statements"] if s.get("cue_start") is not None}
        for m in pat.finditer(text):
            key = (m.group(1), forms[m.group(3).lower()])
            counts[key][0] += 1
            counts[key][1] += m.start(1) in rel_gold
            counts[key][2] += m.start(3) in rest_gold
            if len(examples[key]) < 3:
                examples[key].append((m.start(1) in rel_gold, text[max(0, m.start() - 30):m.end() + 30]))
    print(f"{'pronoun':8} {'class':9} {'n':>5} {'pronoun gold':>12} {'cue in gold':>11}")
    for k, (n, g, c) in sorted(counts.items(), key=lambda x: -x[1][0]):
        print(f"{k[0]:8} {k[1]:9} {n:5} {g:12} {c:11}")
        for x in examples[k][:2]:
            print("     ", x[0], repr(x[1]))


if __name__ == "__main__":
    main()
