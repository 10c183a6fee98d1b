#!/usr/bin/env python3
"""Whether reported contents run on through ", which" / ", who".

For the gold indirect and mixed statements of each ARTICLES GOLD pair,
counts those whose content runs through ", which" or ", who" against those
that end right before it, split by whether the content before the relative
has a verb of its own (a word of the finite_verbs section of
data/en/glue.txt, or a lower-case word of five letters or more ending in
"ed", as src/pipeline/attribute/clause.rs tests it). A clause with its verb
goes on through the relative; a content that only names a thing (the object
of "endorsed", "denied") ends before it.

Usage: relatives.py ARTICLES GOLD [ARTICLES GOLD ...]
"""
import json
import os
import re
import sys

from common import load, pairs, reported

GLUE = os.path.join(os.path.dirname(__file__), "..", "..", "data", "en", "glue.txt")


def finite_verbs():
    words, section = set(), None
    with open(GLUE, encoding="utf-8") as f:
        for line in f:
            line = line.strip()
            if line.startswith("["):
                section = line
            elif section == "[finite_verbs]" and line and not line.startswith("#"):
                words.update(line.split())
    return words


def main(argv):
    if len(argv) < 2 or len(argv) % 2:
        sys.exit(__doc__)
    verbs = finite_verbs()

    def has_verb(s):
        for w in re.findall(r"[A-Za-z’']+", s):
            if w[0].isupper():
                continue
            if w in verbs or (len(w) > 4 and w.endswith("ed")):
                return True
        return False

    for gold_path, texts, golds in pairs(argv):
        counts = {}
        for text, s in reported(golds, texts):
            a, b = s["content_start"], s["content_end"]
            content = text[a:b]
            for rel in ("which", "who"):
                m = re.search(r",\s+" + rel + r"\b", content)
                if m:
                    key = (rel, has_verb(content[: m.start()]), "through")
                elif re.match(r"[\"”’']?,\s+" + rel + r"\b", text[b : b + 12]):
                    key = (rel, has_verb(content), "before")
                else:
                    continue
                counts[key] = counts.get(key, 0) + 1
        print(f"== {gold_path}")
        print(f"{'relative':10} {'verb before':12} {'through':>8} {'before':>8}")
        for rel in ("which", "who"):
            for verb in (True, False):
                t = counts.get((rel, verb, "through"), 0)
                e = counts.get((rel, verb, "before"), 0)
                print(f"{rel:10} {str(verb):12} {t:8} {e:8}")


if __name__ == "__main__":
    main(sys.argv[1:])
