"""Verbs of appearance and expectation (the `subject` cues of
data/en/cues.txt: seem, appear, "is expected", "is seen as"): whether the
gold takes the subject before the cue, the predicate after it, or both.

Usage: raising.py ARTICLES GOLD
PolNeAR train: of 214 such cues, 197 have both a subject statement and a
predicate statement ("The vote | is expected | to pass easily"), 15 only
the predicate, 2 only the subject.
"""
import collections
import os
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, HERE)
from common import load
arts={a['id']:a['text'] for a in load(sys.argv[1])}
forms=set(l.split('|')[2].strip() for l in open(os.path.join(HERE, '..', '..', 'data', 'en', 'cues.txt')) if l.count('|')>=3 and 'subject' in l.split('|')[3])
forms={f.strip().lower() for x in forms for f in x.split(',')}
c=collections.Counter(); ex=collections.defaultdict(list)
for d in load(sys.argv[2]):
    t=arts[d['article_id']]
    for s in d['statements']:
        cue=(s.get('cue') or '').lower()
        if cue not in forms: continue
        cs=s.get('cue_start'); a,b=s['content_start'],s['content_end']
        if cs is None: continue
        pos='after' if a>=cs else 'before'
        nxt=t[s['cue_end']:s['cue_end']+4].strip().split(' ')[0] if pos=='after' else ''
        key=(pos, nxt if nxt in ('to','that','like') else 'other' if pos=='after' else '')
        c[key]+=1
        if len(ex[key])<2: ex[key].append(t[min(a,cs)-20:max(b,s['cue_end'])+10].replace('\n','/'))
print(sorted(forms)[:50])
for k,v in c.most_common(): print(k,v,ex[k])
per=collections.defaultdict(set)
for d in load(sys.argv[2]):
    t=arts[d['article_id']]
    for s in d['statements']:
        cue=(s.get('cue') or '').lower()
        if cue not in forms or s.get('cue_start') is None: continue
        per[(d['article_id'],s['cue_start'])].add('after' if s['content_start']>=s['cue_start'] else 'before')
print(collections.Counter(tuple(sorted(v)) for v in per.values()))
