#!/usr/bin/env python3
"""How often a verb of saying whose object only names a thing is right.

quotewire files a statement whose speech cue has no "that" and whose
content names a thing rather than stating something ("added three goals",
"criticised the company") under the stance class instead of speech, so
the default (speech only) drops it. This script finds those statements in
an events file made with `--attributions all`: the cue's class in
data/en/cues.txt is speech, the event's attribution is stance. It prints
their precision against a gold file next to that of the speech statements
kept, with examples, so the filter can be judged on PolNeAR train (which
counts such objects as attributions) and news dev (which does not).

Usage: objects.py GOLD EVENTS [--examples N]
"""
import argparse
import collections
import os
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from precision_by import load, matched_flags  # noqa: E402

CUES = os.path.join(os.path.dirname(os.path.abspath(__file__)), "../../data/en/cues.txt")


def cue_classes(path=CUES):
    classes = {}
    for line in open(path, encoding="utf-8"):
        line = line.strip()
        if not line or line.startswith("#"):
            continue
        fields = [f.strip() for f in line.split("|")]
        for form in fields[2].split(","):
            classes.setdefault(" ".join(form.split()).lower(), fields[0])
    return classes


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("gold")
    ap.add_argument("events")
    ap.add_argument("--examples", type=int, default=10)
    args = ap.parse_args()
    classes = cue_classes()
    gold = {d["article_id"]: d["statements"] for d in load(args.gold)}
    preds = collections.defaultdict(list)
    for e in load(args.events):
        preds[e["article"]["id"]].append(e)
    n, right, examples = collections.Counter(), collections.Counter(), collections.defaultdict(list)
    for aid, ps in preds.items():
        for p, ok in zip(ps, matched_flags(gold.get(aid, []), ps)):
            cue = ((p.get("cue") or {}).get("text") or "").lower()
            if classes.get(" ".join(cue.split())) != "speech":
                continue
            group = "object names a thing (stance)" if p.get("attribution") == "stance" else "speech kept"
            n[group] += 1
            right[group] += ok
            examples[(group, ok)].append(f"{cue} | {p['content']['text'][:80]}")
    for group in ("speech kept", "object names a thing (stance)"):
        if n[group]:
            print(f"{group:<32} {n[group]:>6} statements, precision {right[group] / n[group]:.3f}")
    for ok in (True, False):
        xs = examples[("object names a thing (stance)", ok)][: args.examples]
        if xs:
            print(f"-- objects filed as stance, {'right' if ok else 'wrong'} against this gold:")
            for x in xs:
                print("   ", x)


if __name__ == "__main__":
    main()
