#!/usr/bin/env python3
"""Check that every span of every event slices its article text exactly.

Usage: check_offsets.py ARTICLES.jsonl EVENTS.jsonl

Reads the articles (JSON lines with "id" and "text") and the events that
`quotewire extract` wrote for them, and checks, for the content, the cue,
the speaker mention and the sentence range of each event, that
text[start:end] (Python code point indexing) equals the span's text and
that the range lies inside the text. Prints a summary; exits 1 on any
mismatch.
"""
import json
import sys


def main():
    if len(sys.argv) != 3:
        sys.exit(__doc__)
    texts = {}
    with open(sys.argv[1], encoding="utf-8") as f:
        for line in f:
            line = line.strip()
            if line:
                a = json.loads(line)
                texts[a["id"]] = a["text"]
    events = spans = bad = 0
    with open(sys.argv[2], encoding="utf-8") as f:
        for n, line in enumerate(f, 1):
            e = json.loads(line)
            text = texts.get(e["article"]["id"])
            if text is None:
                print(f"events:{n}: unknown article {e['article']['id']!r}")
                bad += 1
                continue
            events += 1
            checks = [("content", e["content"]), ("cue", e.get("cue")),
                      ("mention", (e.get("speaker") or {}).get("mention"))]
            for name, s in checks:
                if s is None:
                    continue
                spans += 1
                if not (0 <= s["start"] <= s["end"] <= len(text)) or text[s["start"]:s["end"]] != s["text"]:
                    bad += 1
                    print(f"events:{n}: {name} [{s['start']}, {s['end']}) is {text[s['start']:s['end']]!r}, event says {s['text']!r}")
            r = e["sentence"]
            spans += 1
            if not (0 <= r["start"] <= e["content"]["start"] and e["content"]["end"] <= r["end"] <= len(text)):
                bad += 1
                print(f"events:{n}: sentence [{r['start']}, {r['end']}) does not hold the content")
    print(f"{len(texts)} articles, {events} events, {spans} spans checked, {bad} mismatches")
    sys.exit(1 if bad else 0)


if __name__ == "__main__":
    main()
