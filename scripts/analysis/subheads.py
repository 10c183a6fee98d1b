#!/usr/bin/env python3
"""How many gold statements sit in subhead-like lines.

A subhead-like line is a paragraph after the first one, of at most
MAX_WORDS words, with no sentence-final punctuation (. ! ? : or a closing
quote mark) and no quote mark at all. quotewire skips such lines (subheads,
captions, list items, credits); this prints how many gold statements they
hold (lost by the rule) and how many predictions of an events file they
hold (false alarms removed by the rule, when they are not in the gold).

Usage: subheads.py ARTICLES GOLD [EVENTS] [--max-words N]
"""
import json
import re
import sys

from common import load

QUOTES = "\"“”‘’«»'"


def subhead_spans(text, max_words):
    spans, first, pos = [], True, 0
    for line in text.split("\n"):
        start, pos = pos, pos + len(line) + 1
        s = line.strip()
        if not s:
            continue
        if first:
            first = False
            continue
        words = len(s.split())
        if (
            words <= max_words
            and not re.search(r"[.!?:;…]$", s)
            and not any(q in s for q in QUOTES if q != "'")
            and not re.search(r"(^|\s)'|'(\s|$)", s)
        ):
            spans.append((start, start + len(line)))
    return spans


def main(argv):
    max_words = 12
    if "--max-words" in argv:
        i = argv.index("--max-words")
        max_words = int(argv[i + 1])
        argv = argv[:i] + argv[i + 2:]
    if len(argv) < 2:
        sys.exit(__doc__)
    texts = {a["id"]: a["text"] for a in load(argv[0])}
    gold = {d["article_id"]: d["statements"] for d in load(argv[1])}
    zones = {aid: subhead_spans(t, max_words) for aid, t in texts.items()}
    inside = lambda aid, s, e: any(a <= s and e <= b for a, b in zones.get(aid, []))
    lost, total, examples = 0, 0, []
    for aid, ss in gold.items():
        for s in ss:
            total += 1
            if inside(aid, s["content_start"], s["content_end"]):
                lost += 1
                if len(examples) < 8:
                    examples.append(texts[aid][s["content_start"]:s["content_end"]][:90])
    print(f"gold statements in subhead-like lines: {lost} of {total} ({lost / max(total, 1):.2%})")
    for x in examples:
        print("   ", x)
    if len(argv) > 2:
        golds = {(aid, s["content_start"]) for aid, ss in gold.items() for s in ss}
        n, in_gold = 0, 0
        for e in load(argv[2]):
            aid = e["article"]["id"]
            if inside(aid, e["content"]["start"], e["content"]["end"]):
                n += 1
                in_gold += any(
                    g["content_start"] < e["content"]["end"] and e["content"]["start"] < g["content_end"]
                    for g in gold.get(aid, [])
                )
        print(f"predictions in subhead-like lines: {n}, of which overlap a gold statement: {in_gold}")


if __name__ == "__main__":
    main(sys.argv[1:])
