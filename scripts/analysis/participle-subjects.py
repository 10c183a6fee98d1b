#!/usr/bin/env python3
"""Who speaks a participle cue after "with NP" or a verb of quoting
("…, with the Herald calling it …", "quoted Roe as saying …"), and how
often a run names that speaker.

For every gold statement whose cue ends in "ing" and follows "with NP " or
"quoted/cited NP (as) " within 80 characters, prints the count, how many
of them the run matches (same content start within 3 characters), and how
many of those it gives the gold speaker (its last word, as score.py's
lenient rule).

Usage: participle-subjects.py ARTICLES GOLD EVENTS
PolNeAR train (--attributions all), before and after the rule that reads
the NP as the subject: after "with NP", 45 gold statements, 14 found with
5 right speakers before, 15 found with 10 right after; after a verb of
quoting, 1 gold statement, found by neither (PolNeAR annotates the
quoting report itself, which the rule adds too).
"""
import os
import re
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from common import load_run  # noqa: E402

PATTERNS = {
    "with": re.compile(r"\bwith ([^,.;:]{2,60}) $"),
    "quoting": re.compile(r"\b(?:quoted|quotes|cited|cites) ([^,.;:]{2,60}?) (?:as )?$"),
}


def last_word(name):
    words = re.findall(r"\w+", (name or "").lower())
    return words[-1] if words else None


def main(argv):
    texts, gold, preds = load_run(*argv[1:4])
    for label, pattern in PATTERNS.items():
        n = found = right = 0
        for aid, statements in gold.items():
            text = texts.get(aid, "")
            for s in statements:
                cs = s.get("cue_start")
                if cs is None or not text[cs:s["cue_end"]].endswith("ing"):
                    continue
                if not pattern.search(text[max(0, cs - 80):cs]):
                    continue
                n += 1
                hit = next((e for e in preds.get(aid, [])
                            if abs(e["content"]["start"] - s["content_start"]) <= 3), None)
                if hit:
                    found += 1
                    name = (hit.get("speaker") or {}).get("name")
                    right += last_word(name) == last_word(s.get("speaker"))
        print(f"{label:8} gold {n:4}  found {found:4}  right speaker {right:4}")


if __name__ == "__main__":
    main(sys.argv)
