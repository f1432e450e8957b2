#!/usr/bin/env python3
"""Builds edited alignment sets (editorial drift) with a known gold alignment from a line-aligned
en/ru/kk corpus such as ../shared/corpora/ntrex-dev, for issue 16.

Usage: bench/editset.py CORPUS_DIR OUT_DIR [SEED]

SEED (default none) gives other edits of the same documents: more dev data to check a change on
without touching the held-out half.

Where perturb.py makes light perturbations (2-1, 1-2, a lone 1-0 or 0-1), this adds what newsroom
editors do: runs of 2-5 target sentences dropped (a paragraph the translator left out), runs of
2-5 unrelated sentences added on either side (a local paragraph: lines of another document of the
same corpus, in the right language; the added source and target sentences come from two different
documents, so that none of them translates another), three source sentences translated as one (3-1) or one as
three (1-3), besides 1-2, 2-1, 1-0 and 0-1.

The documents are split in two halves by their position in doc_ids.txt: even positions go to
OUT/dev (tune on these), odd ones to OUT/held (report these). Each half has the layout of
perturb.py, so ../shared/eval/score.py scores it in presegmented mode:
  OUT/HALF/PAIR/NNN.src, NNN.tgt   one sentence a line, no final newline
  OUT/HALF/PAIR/NNN.gold.json      {"doc": ID, "beads": [[[src indices], [tgt indices]], ...]}
  OUT/HALF/PAIR/NNN.src.txt, .tgt.txt  the same sentences as paragraphs (a run is its own paragraph)
Pairs: en-ru, en-kk and ru-kk (ru-kk: both sides edited independently is what the three-way test
does; here the Kazakh side is edited against Russian). score.py aligns every pair with --src-lang
en: score ru-kk through bench/ru-src.sh, which gives tilmash --src-lang ru.
The output is generated data: do not commit it.
"""
import json, os, random, sys


def read(p):
    with open(p, encoding="utf-8") as f:
        return [l.rstrip("\r\n") for l in f]


def edit(src, tgt, rnd, foreign_src, foreign_tgt):
    """Returns the edited sides, the gold beads and the paragraph number of every line."""
    S, T, beads, ps, pt = [], [], [], [], []
    para = [0]

    def newpara():
        para[0] += 1

    def put(s_lines, t_lines, own_para=False):
        if own_para:
            newpara()
        si = list(range(len(S), len(S) + len(s_lines)))
        ti = list(range(len(T), len(T) + len(t_lines)))
        S.extend(s_lines); T.extend(t_lines)
        ps.extend([para[0]] * len(s_lines)); pt.extend([para[0]] * len(t_lines))
        beads.append((si, ti))
        if own_para:
            newpara()

    i, n = 0, len(src)
    since = 0
    while i < n:
        r = rnd.random()
        k = rnd.randint(2, 5)
        if r < 0.05 and i + k <= n and i > 0:       # a run of target sentences dropped
            for d in range(k):
                put([src[i + d]], [])
            i += k
        elif r < 0.08:                              # a run of unrelated target sentences added
            add = [foreign_tgt[rnd.randrange(len(foreign_tgt))] for _ in range(k)]
            newpara()
            for x in add:
                put([], [x])
            newpara()
        elif r < 0.10:                              # a run of unrelated source sentences added
            # the draw of earlier versions (over a source document as long as the target's),
            # so that the edits after it stay the same
            add = [foreign_src[rnd.randrange(len(foreign_tgt)) % len(foreign_src)] for _ in range(k)]
            newpara()
            for x in add:
                put([x], [])
            newpara()
        elif r < 0.13 and i + 2 < n:                # three source sentences, one target: 3-1
            put(src[i:i + 3], [" ".join(tgt[i:i + 3])]); i += 3
        elif r < 0.16 and i + 2 < n:                # one source sentence, three target: 1-3
            put([" ".join(src[i:i + 3])], tgt[i:i + 3]); i += 3
        elif r < 0.21 and i + 1 < n:                # 1-2
            put([src[i] + " " + src[i + 1]], tgt[i:i + 2]); i += 2
        elif r < 0.26 and i + 1 < n:                # 2-1
            put(src[i:i + 2], [tgt[i] + " " + tgt[i + 1]]); i += 2
        elif r < 0.28:                              # 1-0
            put([src[i]], []); i += 1
        elif r < 0.295:                             # 0-1
            put([], [tgt[i]]); i += 1
        else:
            put([src[i]], [tgt[i]]); i += 1
        since += 1
        if since >= rnd.randint(2, 5):
            newpara(); since = 0
    return S, T, beads, ps, pt


def paragraphs(lines, paras):
    out, cur, last = [], [], None
    for l, p in zip(lines, paras):
        if last is not None and p != last and cur:
            out.append(" ".join(cur)); cur = []
        cur.append(l); last = p
    if cur:
        out.append(" ".join(cur))
    return "\n\n".join(out) + "\n"


def main(corpus, out, seed=""):
    text = {l: read(os.path.join(corpus, l + ".txt")) for l in ("en", "ru", "kk")}
    ids = read(os.path.join(corpus, "doc_ids.txt"))
    docs, order = {}, []
    for n, d in enumerate(ids):
        d = d.split("\t")[0]
        if d not in docs:
            docs[d] = []; order.append(d)
        docs[d].append(n)
    for pair in ("en-ru", "en-kk", "ru-kk"):
        a, b = pair.split("-")
        counts = {"dev": 0, "held": 0}
        for k, d in enumerate(order):
            half = "dev" if k % 2 == 0 else "held"
            rnd = random.Random(f"editset/{pair}/{d}" + (f"/{seed}" if seed else ""))
            lines = docs[d]
            # unrelated sentences come from a document of the same half, far from this one
            other = order[(k + 2 * (1 + rnd.randrange(len(order) // 2 - 1))) % len(order)]
            # and added source sentences from yet another one: lines of one document on both
            # sides would include translations of each other, which the gold calls unrelated
            # (drawn with a random of its own, so the edits stay those of earlier versions)
            r2 = random.Random(f"editset/{pair}/{d}/src" + (f"/{seed}" if seed else ""))
            other_src = other
            while other_src == other and len(order) // 2 > 2:
                other_src = order[(k + 2 * (1 + r2.randrange(len(order) // 2 - 1))) % len(order)]
            fs = [text[a][i] for i in docs[other_src]]
            ft = [text[b][i] for i in docs[other]]
            S, T, beads, ps, pt = edit([text[a][i] for i in lines], [text[b][i] for i in lines], rnd, fs, ft)
            dirn = os.path.join(out, half, pair)
            os.makedirs(dirn, exist_ok=True)
            base = os.path.join(dirn, f"{counts[half]:03d}")
            counts[half] += 1
            with open(base + ".src", "w", encoding="utf-8") as f: f.write("\n".join(S))
            with open(base + ".tgt", "w", encoding="utf-8") as f: f.write("\n".join(T))
            with open(base + ".gold.json", "w") as f: json.dump({"doc": d, "beads": beads}, f)
            with open(base + ".src.txt", "w", encoding="utf-8") as f: f.write(paragraphs(S, ps))
            with open(base + ".tgt.txt", "w", encoding="utf-8") as f: f.write(paragraphs(T, pt))
    print(f"{len(order)} documents (dev {len(order[::2])}, held-out {len(order[1::2])}) -> {out}")


if __name__ == "__main__":
    if len(sys.argv) not in (3, 4):
        sys.exit(__doc__)
    main(*sys.argv[1:])
