#!/usr/bin/env python3
"""How often a cue that is negated, hypothetical or refused is right.

For each predicted statement with a cue, looks at the words right before
the cue (skipping adverbs and auxiliaries, at most four words back) and
files it under the first marker found: a negation ("did not say", "never
told"), a hypothetical modal ("would tell", "might say"), a refusal before
"to" ("declined to say", "refused to confirm"), or none. Prints each
group's size and precision against the gold. Markers are read from the
lexicon's glue file, so this checks the very lists the filter uses.

Usage: unsaid.py GOLD EVENTS ARTICLES [GLUE]
"""
import collections
import os
import re
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from precision_by import load, matched_flags  # noqa: E402


def glue(path):
    sections, cur = {}, None
    for line in open(path, encoding="utf-8"):
        line = line.strip()
        if not line or line.startswith("#"):
            continue
        m = re.fullmatch(r"\[(\w+)\]", line)
        if m:
            cur = sections.setdefault(m.group(1), set())
        elif cur is not None:
            cur.update(w.lower() for w in line.split())
    return sections


def marker(words, g):
    """The marker before a cue, given the words before it, nearest last."""
    for steps, (w, cap) in enumerate(reversed(words[-4:])):
        lw = w.lower()
        if lw in g["negations"] or lw.endswith("n't"):
            return "negated"
        if lw in g["hypotheticals"] and not cap:
            return "hypothetical"
        if lw == "to" and len(words) > steps + 1:
            prev = words[-steps - 2][0].lower()
            if prev in g["refusals"]:
                return "refused"
        if not (lw in g["between_subject_and_verb"] or lw.endswith("ly")):
            return "none"
    return "none"


def main(argv):
    if len(argv) < 3:
        sys.exit(__doc__)
    here = os.path.dirname(os.path.abspath(__file__))
    g = glue(argv[3] if len(argv) > 3 else os.path.join(here, "../../data/en/glue.txt"))
    gold = {d["article_id"]: d["statements"] for d in load(argv[0])}
    texts = {d["id"]: d["text"] for d in load(argv[2])}
    preds = collections.defaultdict(list)
    for e in load(argv[1]):
        preds[e["article"]["id"]].append(e)
    n, right, examples = collections.Counter(), collections.Counter(), collections.defaultdict(list)
    for aid, ps in preds.items():
        text = texts[aid]
        for p, ok in zip(ps, matched_flags(gold.get(aid, []), ps)):
            if not p.get("cue") or p["cue"]["start"] == p["cue"]["end"]:
                continue
            before = text[max(0, p["cue"]["start"] - 80):p["cue"]["start"]]
            before = re.split(r"[.!?;:]\s", before)[-1]
            words = [(w, w[:1].isupper()) for w in re.findall(r"[\w’']+", before.replace("’", "'"))]
            words = [(w.replace("n't", " n't").split()[-1] if w.lower().endswith("n't") else w, c) for w, c in words]
            k = marker(words, g)
            n[k] += 1
            right[k] += ok
            if k != "none" and len(examples[k]) < 6:
                examples[k].append(f"{'✓' if ok else '✗'} …{before[-50:]}[{p['cue']['text']}] {p['content']['text'][:50]}")
    for k in ("none", "negated", "hypothetical", "refused"):
        if n[k]:
            print(f"{k:<13} {n[k]:>6} statements, precision {right[k] / n[k]:.3f}")
            for x in examples[k]:
                print("      ", x)


if __name__ == "__main__":
    main(sys.argv[1:])
