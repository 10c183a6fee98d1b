"""Questions after a passive "asked" with no asker named ("Asked whether
the plan would pass, Roe said …", "when asked how …"): how often the gold
holds the words after "asked" as a statement, by the word that opens them.

Usage: unnamed-askers.py ARTICLES GOLD [ARTICLES GOLD ...]
A (kind, in gold) count per opener: on PolNeAR train the question words
(whether, if, what, how, who, why) are gold statements 38 of 43 times, a
topic ("about") 16 of 20, a bare noun phrase 12 of 19.
"""
import collections
import os
import re
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from common import load
for arts_p,gold_p in zip(sys.argv[1::2],sys.argv[2::2]):
    arts={a['id']:a['text'] for a in load(arts_p)}
    gold={d['article_id']:d['statements'] for d in load(gold_p)}
    c=collections.Counter(); ex=collections.defaultdict(list)
    for aid,t in arts.items():
        sts=gold.get(aid,[])
        for m in re.finditer(r'(?:(?<=[\n.!?"”] )|^|(?<=\n)|\b(?:when|When|after|After|if|If|as|As) )(asked|Asked)\b( (?:by|on|at|in|during|about|whether|if|what|who|why|how|to)\b)?',t,re.M):
            nxt=(m.group(2) or '').strip()
            if nxt=='by': kind='by'
            else: kind='noagent:'+(nxt or 'np')
            a=m.end(1)+1
            # content: following text up to comma
            e=t.find(',',a); e=e if e!=-1 and e-a<200 else a+60
            has=any(s['content_start']<e and s['content_end']>a for s in sts)
            cue=any(s.get('cue_start') is not None and s['cue_start']<=m.start(1)<s.get('cue_end',0)+1 for s in sts)
            c[(kind,has)]+=1
            if len(ex[(kind,has)])<2: ex[(kind,has)].append(t[m.start():e+20].replace('\n','/'))
    print(gold_p)
    for k in sorted(c): print(' ',k,c[k],ex[k][:1])
