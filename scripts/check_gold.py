#!/usr/bin/env python3
"""Check that a gold file agrees with its articles, span by span.

Usage:
    check_gold.py ARTICLES GOLD

ARTICLES is JSONL, one article per line ({"id", "text", ...}); GOLD is JSONL in
the scorer's gold format, one line per article ({"article_id", "statements"}).

For every statement it checks that:
  - content_start/content_end are integers with 0 <= start < end <= len(text)
    and text[start:end] == content (Python str indices, i.e. Unicode code
    points, the offsets used on the wire);
  - speaker_mention_start/end and cue_start/end, when present, slice exactly
    speaker_mention and cue, and are both null when the string is null;
  - kind is one of direct, indirect, mixed;
  - the content follows the project's span conventions: no surrounding white
    space, no enclosing quote mark at either end, and (for indirect and
    mixed statements) no leading "that".
It also checks that every gold article id exists and appears only once.

Prints one line per article and exits with status 1 if anything is wrong.
"""
import json
import sys

KINDS = {"direct", "indirect", "mixed"}
QUOTE_MARKS = "\"“”‘’«»„"


def load_jsonl(path):
    rows = []
    with open(path, encoding="utf-8") as f:
        for n, line in enumerate(f, 1):
            if line.strip():
                try:
                    rows.append((n, json.loads(line)))
                except json.JSONDecodeError as e:
                    sys.exit(f"{path}:{n}: not JSON: {e}")
    return rows


def check_span(text, st, name, start_key, end_key, errors, where):
    value = st.get(name)
    start, end = st.get(start_key), st.get(end_key)
    if value is None:
        if start is not None or end is not None:
            errors.append(f"{where}: {name} is null but has offsets {start}..{end}")
        return
    if start is None and end is None:
        return  # offsets are optional in the gold format ("where known")
    if not (isinstance(start, int) and isinstance(end, int)):
        errors.append(f"{where}: {start_key}/{end_key} must both be integers, got {start!r}, {end!r}")
        return
    if not 0 <= start < end <= len(text):
        errors.append(f"{where}: {name} span {start}..{end} is outside the text (length {len(text)})")
        return
    if text[start:end] != value:
        errors.append(f"{where}: {name} {value!r} != text[{start}:{end}] {text[start:end]!r}")


def main(argv):
    if len(argv) != 3:
        print(__doc__.strip().splitlines()[2], file=sys.stderr)
        return 2
    articles_path, gold_path = argv[1], argv[2]
    texts = {}
    errors = []
    for n, art in load_jsonl(articles_path):
        aid = art.get("id")
        if aid in texts:
            errors.append(f"{articles_path}:{n}: duplicate article id {aid!r}")
        if not isinstance(art.get("text"), str):
            errors.append(f"{articles_path}:{n}: article {aid!r} has no text")
            continue
        texts[aid] = art["text"]

    seen = set()
    total = 0
    for n, gold in load_jsonl(gold_path):
        aid = gold.get("article_id")
        if aid in seen:
            errors.append(f"{gold_path}:{n}: duplicate gold line for {aid!r}")
        seen.add(aid)
        if aid not in texts:
            errors.append(f"{gold_path}:{n}: no article with id {aid!r}")
            continue
        text = texts[aid]
        statements = gold.get("statements") or []
        before = len(errors)
        for i, st in enumerate(statements):
            where = f"{aid} #{i}"
            content = st.get("content")
            if not isinstance(content, str) or not content:
                errors.append(f"{where}: content missing or empty")
                continue
            if st.get("kind") not in KINDS:
                errors.append(f"{where}: kind {st.get('kind')!r} is not one of {sorted(KINDS)}")
            check_span(text, st, "content", "content_start", "content_end", errors, where)
            if st.get("content_start") is None or st.get("content_end") is None:
                errors.append(f"{where}: content offsets are required")
            check_span(text, st, "speaker_mention", "speaker_mention_start", "speaker_mention_end", errors, where)
            check_span(text, st, "cue", "cue_start", "cue_end", errors, where)
            if content != content.strip():
                errors.append(f"{where}: content has surrounding white space")
            if content[0] in QUOTE_MARKS or (content[-1] in QUOTE_MARKS and st.get("kind") == "direct"):
                errors.append(f"{where}: content includes an enclosing quote mark: {content!r}")
            if st.get("kind") != "direct" and content.lower().startswith("that "):
                errors.append(f"{where}: content starts with \"that\"")
        total += len(statements)
        status = "ok" if len(errors) == before else f"{len(errors) - before} error(s)"
        print(f"{aid}: {len(statements)} statements, {status}")

    for aid in texts:
        if aid not in seen:
            print(f"{aid}: no gold line (article without gold)")

    for e in errors:
        print("ERROR", e)
    print(f"{len(seen)} articles, {total} statements, {len(errors)} error(s)")
    return 1 if errors else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
