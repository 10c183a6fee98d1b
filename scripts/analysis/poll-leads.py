#!/usr/bin/env python3
"""Poll leads: "In a new Tallow poll, CLAUSE." / "CLAUSE, in a Tallow poll."
How often the gold holds the clause as a statement with the poll phrase as
its speaker, by the noun that names the finding's source.

Usage: poll-leads.py ARTICLES GOLD
PolNeAR train (no rule built yet): "In ... poll, CLAUSE" 17 leads, 13 gold
with the poll as speaker; "According to ... poll/survey/study" 13 of 13
(already found). "CLAUSE in a ... poll" with no comma: 12 of 41 right when
the content is taken from the sentence start, too few to earn a rule.
"""
import collections
import os
import re
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from common import pairs  # noqa: E402

NOUNS = r"(poll|polls|survey|surveys|study|studies|analysis|report|exit polls|data)"
LEAD = re.compile(r"(?:^|(?<=[.!?\n]\s)|(?<=\n))(In|According to|For)\s+((?:[^,.;\n]{0,80}?\b)" + NOUNS +
                  r"\b[^,.;\n]{0,60}),\s", re.I)


def main():
    for _, texts, golds in pairs(sys.argv[1:]):
        by = collections.defaultdict(lambda: [0, 0, 0])
        ex = {}
        for doc in golds:
            text = texts.get(doc["article_id"], "")
            sts = doc["statements"]
            for m in LEAD.finditer(text):
                key = (m.group(1).lower(), m.group(3).lower())
                clause = m.end()
                end = text.find(".", clause)
                hit = [s for s in sts if abs(s["content_start"] - clause) <= 2]
                mention = [s for s in hit if (s.get("speaker_mention_start") or -1) >= m.start(2) - 1
                           and (s.get("speaker_mention_end") or 1 << 30) <= m.end(2) + 1]
                by[key][0] += 1
                by[key][1] += bool(hit)
                by[key][2] += bool(mention)
                ex.setdefault(key, text[m.start():min(end + 1, m.start() + 160)])
        print("lead  noun        n  clause-gold  poll-speaker")
        for k, (n, h, s) in sorted(by.items(), key=lambda x: -x[1][0]):
            print(f"{k[0]:12} {k[1]:10} {n:4} {h:6} {s:6}   {ex[k][:110]!r}")


if __name__ == "__main__":
    main()
