#!/usr/bin/env python3
"""Whether reported contents run on through "and/but" + a verb of saying
whose object is what it says ("accused", "urged", "described", ...).

Reads the speech cues with the `object` flag from data/en/cues.txt, then
counts, for the gold indirect and mixed statements of each ARTICLES GOLD
pair, the contents that run through "and <form>" / "but <form>" against
those that end right before it. quotewire ends the content there ("… as a
disaster and accused him of lying": two statements) when ending wins.

Usage: coordinated.py ARTICLES GOLD [ARTICLES GOLD ...]
"""
import json
import os
import re
import sys

from common import load, pairs, reported

CUES = os.path.join(os.path.dirname(__file__), "..", "..", "data", "en", "cues.txt")


def object_speech_forms():
    forms = set()
    with open(CUES, encoding="utf-8") as f:
        for line in f:
            if line.startswith("#") or "|" not in line:
                continue
            parts = [p.strip() for p in line.split("|")]
            flags = parts[3].split() if len(parts) > 3 else []
            if parts[0] == "speech" and "object" in flags:
                forms.update(x.strip() for x in parts[2].split(",") if " " not in x.strip())
    return forms


def main(argv):
    if len(argv) < 2 or len(argv) % 2:
        sys.exit(__doc__)
    forms = object_speech_forms()
    for gold_path, texts, golds in pairs(argv):
        through = before = 0
        for text, s in reported(golds, texts):
            a, b = s["content_start"], s["content_end"]
            for m in re.finditer(r"\b(?:and|but) ([a-z]+)\b", text[a:b]):
                through += m.group(1) in forms
            m = re.match(r"[\"”’'.]*,? (?:and|but) ([a-z]+)\b", text[b : b + 30])
            before += bool(m and m.group(1) in forms)
        print(f"{gold_path}: runs through {through}, ends before {before}")


if __name__ == "__main__":
    main(sys.argv[1:])
