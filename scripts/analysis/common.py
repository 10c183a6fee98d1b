"""Helpers shared by the analysis scripts in this folder."""
import collections
import json
import os

DATA = os.path.join(os.path.dirname(__file__), "..", "..", "data", "en")


def load(path):
    """The JSON objects of a JSON-lines file."""
    with open(path, encoding="utf-8") as f:
        return [json.loads(l) for l in f if l.strip()]


def load_run(articles_path, gold_path, events_path):
    """(article texts by id, gold statements by id, events by id) of one
    `quotewire extract` run over ARTICLES scored against GOLD."""
    texts = {a["id"]: a["text"] for a in load(articles_path)}
    gold = {d["article_id"]: d["statements"] for d in load(gold_path)}
    preds = collections.defaultdict(list)
    for e in load(events_path):
        preds[e["article"]["id"]].append(e)
    return texts, gold, preds


def pairs(argv):
    """(gold path, article texts by id, gold documents) for each ARTICLES
    GOLD pair of the command line."""
    for arts_path, gold_path in zip(argv[::2], argv[1::2]):
        yield gold_path, {a["id"]: a["text"] for a in load(arts_path)}, load(gold_path)


def reported(golds, texts):
    """(article text, statement) for every indirect or mixed gold statement."""
    for doc in golds:
        text = texts.get(doc["article_id"], "")
        for s in doc["statements"]:
            if s.get("kind") in ("indirect", "mixed"):
                yield text, s
