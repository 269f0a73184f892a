"""Quick self-check for a corpus part file (JSONL). Usage: python3 check_part.py FILE [FILE...]"""
import collections, json, re, sys, difflib

rows = []
for path in sys.argv[1:]:
    with open(path, encoding="utf-8") as f:
        for i, line in enumerate(f, 1):
            line = line.strip()
            if not line:
                continue
            try:
                r = json.loads(line)
            except Exception as e:
                print(f"{path}:{i}: bad JSON: {e}"); continue
            if r.get("phase") not in {"incident", "explanation", "apology", "deleted"}:
                print(f"{path}:{i}: bad phase {r.get('phase')!r}")
            if r.get("label") not in {"criticism", "understanding", "neutral"}:
                print(f"{path}:{i}: bad label {r.get('label')!r}")
            if not str(r.get("text", "")).strip():
                print(f"{path}:{i}: empty text")
            rows.append(r)
n = len(rows)
print("rows:", n)
for key in ("scenario", "phase", "label"):
    c = collections.Counter(r.get(key) for r in rows)
    print(key, {k: f"{v} ({v / n:.0%})" for k, v in c.most_common()})
ph = collections.Counter((r["phase"], r["label"]) for r in rows)
for p in ("incident", "explanation", "deleted", "apology"):
    tot = sum(v for (pp, _), v in ph.items() if pp == p)
    if tot:
        print(" ", p, {l: f"{ph[(p, l)] / tot:.0%}" for l in ("criticism", "understanding", "neutral")})
norm = lambda t: re.sub(r"\W+", " ", t.lower()).strip()
texts = [norm(r["text"]) for r in rows]
dup = [t for t, c in collections.Counter(texts).items() if c > 1]
print("exact duplicates (normalised):", len(dup), dup[:10])
openings = collections.Counter(" ".join(t.split()[:3]) for t in texts if len(t.split()) >= 3)
lim = max(1, int(0.01 * 3000))
print("most common 3-word openings (keep each well under 10 per scenario):", openings.most_common(8))
near = 0
ex = []
for i in range(len(texts)):
    for j in range(i + 1, len(texts)):
        a, b = texts[i], texts[j]
        if abs(len(a) - len(b)) > 0.2 * max(len(a), len(b), 1) or len(a) < 15:
            continue
        if difflib.SequenceMatcher(None, a, b).ratio() > 0.85:
            near += 1; ex.append((a, b))
print("near-duplicate pairs (ratio>0.85):", near, ex[:5])
