#!/usr/bin/env python3
"""Objects of stance verbs that stop at " and" ("criticized Roe and Vold"):
how often the gold object runs on through the "and", by the word after it.

Reads the extractor's statements of confidence 0.45 (the objects of
`object` cues) whose content is followed by " and WORD", and compares each
with the gold statement that starts where it starts.

Usage: object-and.py ARTICLES GOLD EVENTS
PolNeAR train, before any rule: after "and", a determiner or possessive
runs through 21 times and stops 2; a capitalised word 16 and 5. Once
those joined, the lower-case words: a cue form runs through 5 times and
stops 43, a verb form (finite verb, -ed, -ing), pronoun, adverb or
conjunction 10 and 21, any other word (a noun or an adjective) 49 and 4.
"""
import collections
import os
import re
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from common import DATA, load  # noqa: E402

DETERMINERS = set("the a an his her their its our my this these those".split())
PRONOUNS = set("he she they it we i you".split())


def glue(*sections):
    words, on = set(), False
    for line in open(os.path.join(DATA, "glue.txt"), encoding="utf-8"):
        line = line.strip()
        if line.startswith("["):
            on = line[1:-1] in sections
        elif on and line and not line.startswith("#"):
            words.update(line.lower().split())
    return words


def cue_words():
    words = set()
    for line in open(os.path.join(DATA, "cues.txt"), encoding="utf-8"):
        if "|" in line and not line.startswith("#"):
            words.update(f.strip().lower().split()[0] for f in line.split("|")[2].split(",") if f.strip())
    return words


STOPS = glue("finite_verbs", "between_subject_and_verb", "subordinators", "object_stops", "content_stops")
CUES = cue_words()


def kind(w):
    if w[0].isupper():
        return "capitalised"
    low = w.lower()
    if low in DETERMINERS:
        return "determiner"
    if low in CUES:
        return "cue form"
    if (len(w) > 4 and (w.endswith("ed") or w.endswith("ing"))) or low in PRONOUNS or low in STOPS:
        return "verb form, pronoun, adverb"
    return "other lower-case"


def main():
    texts = {a["id"]: a["text"] for a in load(sys.argv[1])}
    gold = {d["article_id"]: d["statements"] for d in load(sys.argv[2])}
    counts = collections.defaultdict(lambda: [0, 0, 0])
    examples = collections.defaultdict(list)
    for e in load(sys.argv[3]):
        if abs(e["confidence"] - 0.45) > 1e-6:
            continue
        aid = e["article"]["id"]
        text = texts[aid]
        s, end = e["content"]["start"], e["content"]["end"]
        m = re.match(r" and (\w+)", text[end:end + 30])
        if not m:
            continue
        k = kind(m.group(1))
        near = [g for g in gold.get(aid, []) if abs(g["content_start"] - s) <= 6 and g["content_end"] > s]
        if not near:
            counts[k][2] += 1
            continue
        through = max(g["content_end"] for g in near) > end + 5
        counts[k][0 if through else 1] += 1
        if len(examples[k]) < 4:
            examples[k].append((through, text[s:end + 40].replace("\n", " ")))
    print(f"{'word after and':18} {'through':>7} {'stops':>6} {'no gold':>7}")
    for k, (t, st, n) in sorted(counts.items(), key=lambda x: -sum(x[1])):
        print(f"{k:18} {t:7} {st:6} {n:7}")
        for x in examples[k]:
            print("   ", x)


if __name__ == "__main__":
    main()
