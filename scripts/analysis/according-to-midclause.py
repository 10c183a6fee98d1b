#!/usr/bin/env python3
"""A source set off by commas inside its sentence ("Since May, according to
Roe, the mill has lost money."): does the gold hold the words before the
source or the clause after it? Counted for gold statements whose cue is
"according to", by how many words stand before the source in its sentence.

Usage: according-to-midclause.py ARTICLES GOLD
"""
import collections
import os
import re
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from common import pairs  # noqa: E402

MID = re.compile(r",\s+according to\s+([^,.;]{1,120}?),\s+\S", re.I)


def main():
    for _, texts, golds in pairs(sys.argv[1:]):
        by = collections.Counter()
        ex = {}
        for doc in golds:
            text = texts.get(doc["article_id"], "")
            for m in MID.finditer(text):
                cue = m.start() + text[m.start():].lower().index("according")
                s_start = max(text.rfind(". ", 0, m.start()) + 2, text.rfind("\n", 0, m.start()) + 1)
                lead_words = len(text[s_start:m.start()].split())
                size = "lead 1-6 words" if lead_words <= 6 else "lead 7+ words"
                hits = [s for s in doc["statements"]
                        if (s.get("cue") or "").lower() == "according to"
                        and s.get("cue_start") is not None and abs(s["cue_start"] - cue) <= 1]
                if not hits:
                    where = "none"
                elif any(s["content_start"] > cue for s in hits):
                    where = "after"
                else:
                    where = "before"
                by[(size, where)] += 1
                ex.setdefault((size, where), text[s_start:m.end() + 40].replace("\n", " "))
        for k, n in sorted(by.items()):
            print(f"{k[0]:16} {k[1]:7} {n:4}   {ex[k][:120]!r}")


if __name__ == "__main__":
    main()
