#!/usr/bin/env python3
"""Who speaks when the speaker mention is "X's <noun>" ("the Trump campaign",
"Clinton's aides", "Mr. Rubio's spokesman")?

Reads PolNeAR train gold (gold speaker mentions, silver full names) and, for
every mention that is a possessive or a name followed by an entourage noun,
counts whether the silver speaker is the owner (the name before the noun) or
the phrase as written. The counts justify the `entourage` section of
data/en/glue.txt: nouns whose mentions mostly resolve to the owner belong in
it; nouns whose mentions stay as written (lawyer, wife, spokesman) do not.

Usage: scripts/analysis/possessive-speakers.py [EVAL_DIR]   (default ../shared/eval)
"""
import collections
import json
import re
import sys
from pathlib import Path

EVAL = Path(sys.argv[1] if len(sys.argv) > 1 else Path(__file__).resolve().parents[2] / "../shared/eval")
GOLD = EVAL / "polnear" / "train_gold.jsonl"

# "Trump's campaign", "the Clinton campaign", "Mr. Rubio's advisers".
POSSESSIVE = re.compile(
    r"^(?:the\s+)?(?:(?:Mr|Mrs|Ms|Sen|Gov|Rep|Dr)\.?\s+)?"
    r"(?P<owner>[A-Z][\w.-]+(?:\s+[A-Z][\w.-]+)*?)(?:['’]s?)?\s+"
    r"(?:[a-z-]+\s+){0,2}(?P<noun>[a-z]+)$"
)


def main():
    owner = collections.Counter()
    as_written = collections.Counter()
    other = collections.Counter()
    examples = collections.defaultdict(list)
    with open(GOLD, encoding="utf-8") as f:
        for line in f:
            for s in json.loads(line)["statements"]:
                mention = (s.get("speaker_mention") or "").strip()
                speaker = (s.get("speaker") or "").strip()
                m = POSSESSIVE.match(mention)
                if not m or not speaker:
                    continue
                noun, own = m.group("noun"), m.group("owner")
                surname = own.split()[-1]
                if speaker == mention:
                    as_written[noun] += 1
                elif surname in speaker.split() or speaker.endswith(surname):
                    owner[noun] += 1
                else:
                    other[noun] += 1
                if len(examples[noun]) < 2:
                    examples[noun].append(f"{mention!r} -> {speaker!r}")
    nouns = sorted(set(owner) | set(as_written) | set(other),
                   key=lambda n: -(owner[n] + as_written[n] + other[n]))
    print(f"{'noun':14} {'owner':>6} {'written':>8} {'other':>6}  examples")
    for n in nouns:
        total = owner[n] + as_written[n] + other[n]
        if total < 3:
            continue
        print(f"{n:14} {owner[n]:6} {as_written[n]:8} {other[n]:6}  {'; '.join(examples[n])}")


if __name__ == "__main__":
    main()
