"""Lead fragments of a tag set off by commas ("LEAD, Roe said, REST"): how
often the gold holds the lead as a statement of its own, by its first word.

Usage: lead-fragments.py ARTICLES GOLD [--one-word]
PolNeAR train: leads opening with a determiner are statements 48 of 48 times
(the 36, a 5, this 3, an 2, ...), where prepositional adjuncts are mixed
(in 13 of 29, on 2 of 8, at 3 of 8). With --one-word, leads of one word
against longer ones: one-word leads are statements 38 of 50 times (still 0
of 3, but 5 of 8, names all).
"""
import collections
import os
import re
import sys
sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from common import load
arts={a['id']:a['text'] for a in load(sys.argv[1])}
gold=load(sys.argv[2])
one_word='--one-word' in sys.argv[3:]
by=collections.defaultdict(lambda:[0,0]); ex=collections.defaultdict(list)
for d in gold:
    t=arts[d['article_id']]
    sts=d['statements']
    for s in sts:
        cs,ce=s.get('cue_start'),s.get('cue_end'); a=s['content_start']
        if cs is None or a<ce: continue
        # second half after tag ", M said, "
        if not re.fullmatch(r'\s*,\s*',t[ce:a]): continue
        ms=s.get('speaker_mention_start')
        if ms is None or ms>cs: continue
        pre=t[:ms].rstrip()
        if not pre.endswith(','): continue
        # lead: from sentence start to comma
        lead_end=len(pre)-1
        m=max(pre.rfind('. ',0,lead_end),pre.rfind('\n',0,lead_end),pre.rfind('; ',0,lead_end),pre.rfind(', ',0,lead_end))
        lead_start=m+2 if m>=0 else 0
        if t[m]=='\n': lead_start=m+1
        lead=t[lead_start:lead_end]
        if not lead or '"' in lead or '“' in lead: continue
        w=lead.split()[0].lower()
        if one_word:
            w=('one: '+w) if len(lead.split())==1 else 'longer'
        has=any(g['content_start']<lead_end and g['content_end']>lead_start for g in sts)
        by[w][0]+=1; by[w][1]+=has
        if len(ex[w])<3: ex[w].append((has,lead))
for w,(n,h) in sorted(by.items(),key=lambda x:-x[1][0])[:40]:
    print(f'{w:12} {n:4} gold {h:4}', ex[w][:2])
