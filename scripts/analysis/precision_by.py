#!/usr/bin/env python3
"""How often each kind of predicted statement is right, against a gold file.

Matches predictions to gold one to one as score.py does (greedy by the
Jaccard overlap of content spans, a match at >= 0.5), then groups the
predictions by a feature and prints, per group, how many there are and the
share that match a gold statement (precision). Use it to check that a cue
class, a lexicon entry or a filter earns its place: run it on PolNeAR train
(which annotates every attribution) and on news dev (speech only).

Usage: precision_by.py GOLD EVENTS [--by FEATURE] [--min N] [--examples N]

FEATURE (default cue):
  cue          the cue text, lower-cased
  attribution  the event's attribution class
  kind         direct / indirect / mixed
  first        the first word of the content
  cue+first    both
"""
import argparse
import collections
import json

from common import load


def jaccard(a, b):
    inter = max(0, min(a[1], b[1]) - max(a[0], b[0]))
    union = max(a[1], b[1]) - min(a[0], b[0])
    return inter / union if union else 0.0


def matched_flags(gold, preds):
    """One flag per prediction: whether it matches a gold statement."""
    spans = [(g["content_start"], g["content_end"]) for g in gold]
    pairs = []
    for pi, p in enumerate(preds):
        ps = (p["content"]["start"], p["content"]["end"])
        for gi, gs in enumerate(spans):
            j = jaccard(ps, gs)
            if j >= 0.5:
                pairs.append((j, gi, pi))
    pairs.sort(reverse=True)
    used_g, flags = set(), [False] * len(preds)
    for _, gi, pi in pairs:
        if gi in used_g or flags[pi]:
            continue
        used_g.add(gi)
        flags[pi] = True
    return flags


def feature(event, by):
    cue = ((event.get("cue") or {}).get("text") or "∅").lower()
    words = event["content"]["text"].split()
    first = words[0].lower().strip("“\"'‘") if words else ""
    return {
        "cue": cue,
        "attribution": event.get("attribution", "?"),
        "kind": event["kind"],
        "first": first,
        "cue+first": f"{cue} | {first}",
    }[by]


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("gold")
    ap.add_argument("events")
    ap.add_argument("--by", default="cue", choices=["cue", "attribution", "kind", "first", "cue+first"])
    ap.add_argument("--min", type=int, default=5, help="smallest group shown")
    ap.add_argument("--examples", type=int, default=0, help="wrong examples per group")
    args = ap.parse_args()
    gold = {d["article_id"]: d["statements"] for d in load(args.gold)}
    preds = collections.defaultdict(list)
    for e in load(args.events):
        preds[e["article"]["id"]].append(e)
    total, right, wrong = collections.Counter(), collections.Counter(), collections.defaultdict(list)
    for aid, ps in preds.items():
        for p, ok in zip(ps, matched_flags(gold.get(aid, []), ps)):
            k = feature(p, args.by)
            total[k] += 1
            right[k] += ok
            if not ok:
                wrong[k].append(p["content"]["text"][:100])
    n, r = sum(total.values()), sum(right.values())
    print(f"{n} predictions, {r} right ({r / max(n, 1):.3f})")
    print(f"{'group':<40} {'n':>6} {'right':>6} {'precision':>9}")
    for k, v in total.most_common():
        if v < args.min:
            continue
        print(f"{k[:40]:<40} {v:>6} {right[k]:>6} {right[k] / v:>9.3f}")
        for x in wrong[k][: args.examples]:
            print(f"{'':<8}✗ {x}")


if __name__ == "__main__":
    main()
