#!/usr/bin/env python3
"""Name enders: news-page kickers ("Watch: …", "Breaking: …") and "One" as
words of a name.

Counts, for each word of data/en/glue.txt [name_enders], its capitalised
occurrences in a corpus: opening a line (a kicker, no name), right after
another capitalised word (the last word of a name: "Human Rights Watch",
"Judicial Watch"), and elsewhere.

Usage: name-enders.py ARTICLES [ARTICLES ...]
The news corpus (16,471 articles) and PolNeAR train: see the closing
numbers printed per word; a kicker opening a line is nearly always followed
by a colon or a title, and after a capitalised word it is part of a name.
"""
import collections
import os
import re
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from common import DATA, load  # noqa: E402


def name_enders():
    words, on = [], False
    with open(os.path.join(DATA, "glue.txt"), encoding="utf-8") as f:
        for line in f:
            line = line.split("#")[0].strip()
            if line.startswith("["):
                on = line == "[name_enders]"
            elif on:
                words += line.split()
    return words


def main():
    words = name_enders()
    pat = re.compile(r"\b(" + "|".join(w.capitalize() for w in words) + r")\b")
    count = collections.defaultdict(collections.Counter)
    examples = collections.defaultdict(list)
    for path in sys.argv[1:]:
        for a in load(path):
            text = a["text"]
            for m in pat.finditer(text):
                line_start = text.rfind("\n", 0, m.start()) + 1
                before = text[line_start:m.start()]
                if not before.strip():
                    where = "opens a line"
                elif re.search(r"[A-Z][\w.&'’-]*\s+$", before) and not re.search(r"[.!?:]\s+$", before):
                    where = "after a capitalised word"
                else:
                    where = "elsewhere"
                count[m.group(1)][where] += 1
                if where == "after a capitalised word" and len(examples[m.group(1)]) < 3:
                    examples[m.group(1)].append(text[max(0, m.start() - 30):m.end() + 10].replace("\n", " "))
    for w in sorted(count, key=lambda w: -sum(count[w].values())):
        c = count[w]
        print(f"{w:14} opens a line {c['opens a line']:5}  after a capitalised word "
              f"{c['after a capitalised word']:5}  elsewhere {c['elsewhere']:5}  e.g. {examples[w][:2]}")


if __name__ == "__main__":
    main()
