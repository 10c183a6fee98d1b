#!/usr/bin/env python3
"""Score quotewire's HTML article extraction, side by side with other extractors.

Usage:
    scripts/score-html.py [--bin target/release/quotewire] [--shared ../shared]
                          [--extractors quotewire,trafilatura,readability-lxml]
                          [--show-worst N] [--json]

1. Text quality. Every page of SHARED/corpus/html/ (listed in
   SHARED/corpus/html.jsonl) is extracted to text by each extractor and
   compared with the human-checked `text` of the same id in
   SHARED/corpus/news.jsonl. Per page: word-level precision, recall and F1
   over the multisets of lower-cased words (`\\w+`); a page where an
   extractor gives nothing or fails scores 0. The figures are the means over
   all pages, with the extractors' total time.

   quotewire runs as `quotewire extract --text-out`, the same code path as
   the worker. trafilatura (`trafilatura.extract`, defaults) and
   readability-lxml (`Document.summary()`, then the text of its elements)
   are optional: install them for the measurement only, e.g.
       python3 -m venv /tmp/html-venv
       /tmp/html-venv/bin/pip install trafilatura readability-lxml
       /tmp/html-venv/bin/python scripts/score-html.py
   An extractor that is not installed is reported as such and skipped.

2. Statements from pages. For the articles of SHARED/eval/news/ that have a
   page, quotewire extracts statements once from the clean text and once
   from the page. Each event from the page is mapped into the clean text by
   exact string search (content, then the speaker mention near it; an event
   whose content is not found there stays unmatched, a false alarm), and
   both event sets are scored against the gold with SHARED/eval/score.py.
   The bar: partial F1 from pages within 0.03 of partial F1 from the text.

Exit code 0 when the mean F1 of quotewire is at least 0.93 and the
statement bar holds, 1 otherwise.
"""
import argparse
import json
import os
import re
import subprocess
import sys
import tempfile
import time
from collections import Counter

WORD = re.compile(r"\w+")
TEXT_BAR = 0.93
STATEMENT_BAR = 0.03


def load_jsonl(path):
    with open(path, encoding="utf-8") as f:
        return [json.loads(line) for line in f if line.strip()]


def words(text):
    return Counter(WORD.findall(text.lower()))


def prf(got, want):
    g, w = words(got), words(want)
    common = sum((g & w).values())
    p = common / sum(g.values()) if g else 0.0
    r = common / sum(w.values()) if w else 0.0
    f = 2 * p * r / (p + r) if p + r else 0.0
    return p, r, f


def run_quotewire(binary, articles, workdir, name):
    """Runs `quotewire extract --text-out`; returns (texts by id, events path, seconds)."""
    src = os.path.join(workdir, f"{name}.in.jsonl")
    with open(src, "w", encoding="utf-8") as f:
        for a in articles:
            f.write(json.dumps(a, ensure_ascii=False) + "\n")
    text_out = os.path.join(workdir, f"{name}.articles.jsonl")
    events = os.path.join(workdir, f"{name}.events.jsonl")
    started = time.perf_counter()
    with open(events, "w", encoding="utf-8") as out:
        proc = subprocess.run(
            [binary, "extract", "-q", "--text-out", text_out, src],
            stdout=out, stderr=subprocess.PIPE, text=True)
    seconds = time.perf_counter() - started
    for line in proc.stderr.splitlines():
        print(f"  quotewire: {line}", file=sys.stderr)
    texts = {a["id"]: a["text"] for a in load_jsonl(text_out)}
    return texts, events, seconds


def trafilatura_text():
    import trafilatura

    def extract(html):
        return trafilatura.extract(html) or ""
    return extract


def readability_lxml_text():
    import lxml.html
    from readability import Document

    blocks = {"p", "div", "li", "h1", "h2", "h3", "h4", "h5", "h6", "blockquote", "pre",
              "tr", "br", "section", "article", "figcaption", "td"}

    def extract(html):
        summary = Document(html).summary(html_partial=True)
        root = lxml.html.fromstring(summary)
        parts = []
        for el in root.iter():
            if isinstance(el.tag, str) and el.tag.lower() in blocks:
                parts.append("\n")
            if el.text:
                parts.append(el.text)
            if el.tail:
                parts.append(el.tail)
        return "\n".join(line.strip() for line in "".join(parts).splitlines() if line.strip())
    return extract


PYTHON_EXTRACTORS = {
    "trafilatura": trafilatura_text,
    "readability-lxml": readability_lxml_text,
}


def score_texts(name, texts, reference, seconds, show_worst):
    rows = []
    for aid, want in reference.items():
        p, r, f = prf(texts.get(aid, ""), want)
        rows.append((f, p, r, aid))
    n = len(rows)
    result = {
        "extractor": name,
        "pages": n,
        "extracted": sum(1 for aid in reference if texts.get(aid, "").strip()),
        "precision": sum(r[1] for r in rows) / n,
        "recall": sum(r[2] for r in rows) / n,
        "f1": sum(r[0] for r in rows) / n,
        "seconds": seconds,
    }
    if show_worst:
        print(f"  worst pages for {name}: (F1 precision recall id)")
        for f, p, r, aid in sorted(rows)[:show_worst]:
            print(f"    {f:.3f} {p:.3f} {r:.3f} {aid}")
    return result


def text_quality(args, workdir):
    shared = args.shared
    pages = load_jsonl(os.path.join(shared, "corpus", "html.jsonl"))
    wanted = {p["id"] for p in pages}
    reference = {}
    for a in load_jsonl(os.path.join(shared, "corpus", "news.jsonl")):
        if a["id"] in wanted:
            reference[a["id"]] = a["text"]
    missing = wanted - reference.keys()
    if missing:
        sys.exit(f"pages without a reference text in news.jsonl: {sorted(missing)[:5]}")
    html = {}
    for p in pages:
        with open(os.path.join(shared, "corpus", p["file"]), encoding="utf-8") as f:
            html[p["id"]] = f.read()

    results = []
    for name in args.extractors:
        if name == "quotewire":
            articles = [{"id": aid, "html": html[aid]} for aid in reference]
            texts, _, seconds = run_quotewire(args.bin, articles, workdir, "pages")
        else:
            try:
                extract = PYTHON_EXTRACTORS[name]()
            except ImportError as e:
                print(f"  {name}: not installed ({e}); skipped", file=sys.stderr)
                continue
            texts, started = {}, time.perf_counter()
            for aid in reference:
                try:
                    texts[aid] = extract(html[aid])
                except Exception as e:  # an extractor failing on a page scores 0 there
                    print(f"  {name}: {aid}: failed: {e}", file=sys.stderr)
                    texts[aid] = ""
            seconds = time.perf_counter() - started
        results.append(score_texts(name, texts, reference, seconds, args.show_worst))
    megabytes = sum(len(h.encode("utf-8")) for h in html.values()) / 1e6
    return results, len(reference), megabytes


def map_events(events, text):
    """Moves each event's spans onto `text` by exact string search.

    Events are in text order, so each content is looked for from the
    previous match on, then anywhere; the mention is the occurrence nearest
    to the content. Unfound content gets an empty span at 0 (no match)."""
    out, cursor, mapped = [], 0, 0
    for e in events:
        content = e["content"]["text"]
        start = text.find(content, cursor)
        if start < 0:
            start = text.find(content)
        e = json.loads(json.dumps(e))
        if start < 0 or not content:
            e["content"]["start"] = e["content"]["end"] = 0
            e["speaker"]["mention"] = None
            out.append(e)
            continue
        mapped += 1
        cursor = start
        e["content"]["start"], e["content"]["end"] = start, start + len(content)
        mention = e["speaker"].get("mention")
        if mention:
            found = [m.start() for m in re.finditer(re.escape(mention["text"]), text)]
            if found:
                at = min(found, key=lambda m: abs(m - start))
                mention["start"], mention["end"] = at, at + len(mention["text"])
            else:
                e["speaker"]["mention"] = None
        out.append(e)
    return out, mapped


def score(shared, gold, events_path):
    proc = subprocess.run(
        [sys.executable, os.path.join(shared, "eval", "score.py"), gold, events_path, "--json"],
        capture_output=True, text=True, check=True)
    return json.loads(proc.stdout)


def statements(args, workdir):
    shared = args.shared
    pages = {p["id"]: p for p in load_jsonl(os.path.join(shared, "corpus", "html.jsonl"))}
    articles = [a for a in load_jsonl(os.path.join(shared, "eval", "news", "dev_articles.jsonl"))
                if a["id"] in pages]
    ids = {a["id"] for a in articles}
    gold = os.path.join(workdir, "gold.jsonl")
    with open(gold, "w", encoding="utf-8") as f:
        for g in load_jsonl(os.path.join(shared, "eval", "news", "dev_gold.jsonl")):
            if g["article_id"] in ids:
                f.write(json.dumps(g, ensure_ascii=False) + "\n")

    _, text_events, _ = run_quotewire(args.bin, articles, workdir, "news-text")
    from_pages = []
    for a in articles:
        with open(os.path.join(shared, "corpus", pages[a["id"]]["file"]), encoding="utf-8") as f:
            from_pages.append({"id": a["id"], "html": f.read()})
    _, page_events, _ = run_quotewire(args.bin, from_pages, workdir, "news-html")

    clean = {a["id"]: a["text"] for a in articles}
    by_article = {}
    for e in load_jsonl(page_events):
        by_article.setdefault(e["article"]["id"], []).append(e)
    mapped_path = os.path.join(workdir, "news-html.mapped.jsonl")
    total = found = 0
    with open(mapped_path, "w", encoding="utf-8") as f:
        for aid, events in by_article.items():
            moved, hits = map_events(events, clean[aid])
            total += len(events)
            found += hits
            for e in moved:
                f.write(json.dumps(e, ensure_ascii=False) + "\n")
    return {
        "articles": len(articles),
        "from_text": score(shared, gold, text_events),
        "from_pages": score(shared, gold, mapped_path),
        "page_events": total,
        "page_events_found_in_text": found,
    }


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--bin", default="target/release/quotewire")
    ap.add_argument("--shared", default=os.path.join(os.path.dirname(__file__), "..", "..", "shared"))
    ap.add_argument("--extractors", default="quotewire,trafilatura,readability-lxml",
                    type=lambda s: [x.strip() for x in s.split(",") if x.strip()])
    ap.add_argument("--show-worst", type=int, default=0, metavar="N",
                    help="list the N pages with the lowest F1 per extractor")
    ap.add_argument("--json", action="store_true", help="print the figures as JSON")
    args = ap.parse_args()
    if "quotewire" in args.extractors and not os.access(args.bin, os.X_OK):
        sys.exit(f"{args.bin} not found: run `cargo build --release` first")

    with tempfile.TemporaryDirectory(prefix="score-html-") as workdir:
        texts, pages, megabytes = text_quality(args, workdir)
        st = statements(args, workdir)

    if args.json:
        print(json.dumps({"text": texts, "statements": st}, indent=2))
    else:
        print(f"== text quality: {pages} pages ({megabytes:.1f} MB of HTML) against news.jsonl")
        print(f"{'extractor':<18} {'precision':>9} {'recall':>7} {'F1':>7} {'empty':>6} {'seconds':>8}")
        for r in texts:
            print(f"{r['extractor']:<18} {r['precision']:>9.4f} {r['recall']:>7.4f} {r['f1']:>7.4f} "
                  f"{r['pages'] - r['extracted']:>6} {r['seconds']:>8.2f}")
        print(f"== statements: {st['articles']} articles of eval/news dev with a page")
        print(f"{'input':<8} {'partial P':>9} {'R':>7} {'F1':>7} {'strict F1':>9} {'e2e F1':>7}")
        for label, key in (("text", "from_text"), ("page", "from_pages")):
            r = st[key]
            print(f"{label:<8} {r['partial']['precision']:>9.4f} {r['partial']['recall']:>7.4f} "
                  f"{r['partial']['f1']:>7.4f} {r['strict']['f1']:>9.4f} {r['end_to_end']['f1']:>7.4f}")
        print(f"page events found in the clean text: {st['page_events_found_in_text']} "
              f"of {st['page_events']}")
    ours = next((r for r in texts if r["extractor"] == "quotewire"), None)
    delta = st["from_text"]["partial"]["f1"] - st["from_pages"]["partial"]["f1"]
    ok = (ours is None or ours["f1"] >= TEXT_BAR) and delta <= STATEMENT_BAR
    if not args.json:
        if ours:
            print(f"bar: quotewire mean F1 {ours['f1']:.4f} (>= {TEXT_BAR})")
        print(f"bar: partial F1 text - page = {delta:+.4f} (<= {STATEMENT_BAR})")
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
