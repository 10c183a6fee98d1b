#!/usr/bin/env python3
"""Does a gold set annotate speech reported inside reported speech?

For each gold indirect or mixed statement whose content holds a verb of
saying outside quote marks ("Reuters reported that the commission said
X"), checks whether the gold also has the inner statement: one whose
content starts within 60 characters after that verb and ends inside the
outer content. Prints how many inner statements are annotated and a few
of each kind. quotewire reports inner speech ("the commission said X") as
a statement of its own, as the news gold draws it.

Usage: nested.py ARTICLES GOLD [ARTICLES GOLD ...]
"""
import json
import re
import sys

from common import load

VERBS = re.compile(r"\b(said|says|say|told|tells|reported|reports|announced|wrote|added)\b")


def inside_quote(prefix):
    doubles = prefix.count("“") - prefix.count("”")
    return doubles > 0 or prefix.count('"') % 2 == 1 or prefix.count("''") % 2 == 1


def main(argv):
    if len(argv) < 2 or len(argv) % 2:
        sys.exit(__doc__)
    for arts, gold_path in zip(argv[::2], argv[1::2]):
        texts = {a["id"]: a["text"] for a in load(arts)}
        found, missing, examples = 0, 0, {True: [], False: []}
        for doc in load(gold_path):
            text, ss = texts.get(doc["article_id"], ""), doc["statements"]
            for s in ss:
                if s.get("kind") == "direct":
                    continue
                for m in VERBS.finditer(s["content"]):
                    if inside_quote(s["content"][: m.start()]):
                        continue
                    at = s["content_start"] + m.start()
                    inner = any(
                        g is not s and at < g["content_start"] <= at + 60 and g["content_end"] <= s["content_end"] + 5
                        for g in ss
                    )
                    found += inner
                    missing += not inner
                    if len(examples[inner]) < 4:
                        examples[inner].append(text[max(s["content_start"], at - 50):at + 60].replace("\n", " "))
        total = found + missing
        print(f"== {gold_path}: {total} verbs of saying inside reported content, "
              f"inner statement annotated for {found} ({found / max(total, 1):.0%})")
        for inner in (True, False):
            for x in examples[inner]:
                print(f"   {'annotated' if inner else 'not      '} …{x}…")


if __name__ == "__main__":
    main(sys.argv[1:])
