#!/usr/bin/env python3
"""Learning from review (issue 16): how much does confirming groups in some documents help the
alignment of others?

The documents of ../shared/corpora/ntrex-dev drift as in bench/threeway.py (the Russian and the
Kazakh each drop runs and single sentences and gain unrelated ones of their own) and are imported
as raw text into one workspace:
  confirmed   half of the dev documents (positions 0, 4, 8, ... of doc_ids.txt)
  evaluated   the other half of the dev documents (positions 2, 6, 10, ...)
  held        the held-out documents (odd positions), which no tuning has looked at
All are aligned with `tilmash align` and scored (before). Then a translator's review is played:
each confirmed document's groups are replaced by the gold groups of its sentences, as tilmash cut
them, with status confirmed, which is what a translator who fixes and confirms every group leaves
in alignment.yaml. The evaluated and held documents are aligned again with `tilmash align`, which
learns its lexicon from the confirmed groups (.tilmash/lexicon/), and scored again (after).

Scores are bench/threeway.py's: link F1 for en-ru, en-kk and ru-kk between corpus lines in the same
group, and the share of gold groups made exactly.

Usage: bench/review.py TILMASH CORPUS_DIR [--seed=NAME ...] [-- ALIGN_FLAGS...]
  --seed=NAME  another drift (bench/threeway.py --seed); several may be given, and each is
               measured in a workspace of its own, then pooled
"""
import importlib.util, os, subprocess, sys, tempfile

here = os.path.dirname(os.path.abspath(__file__))
spec = importlib.util.spec_from_file_location("threeway", os.path.join(here, "threeway.py"))
tw = importlib.util.module_from_spec(spec)
spec.loader.exec_module(tw)

LANGS = ("en", "ru", "kk")
PAIRS = [("en", "ru"), ("en", "kk"), ("ru", "kk")]


def segments(path):
    """The sentence lines of alignment.yaml, in file order, as (lang, start, end, line)."""
    out, lang = [], None
    for l in open(path, encoding="utf-8"):
        s = l.rstrip("\n")
        if s.startswith("    ") and not s.startswith("     ") and s.rstrip().endswith(":"):
            lang = s.strip()[:-1]
            continue
        if s.startswith("      - {at: "):
            a, b = s[len("      - {at: "):].split(",", 1)[0].split("-")
            out.append((lang, int(a), int(b), s))
    return out


def gold_groups(segs, spans):
    """The gold groups of the sentences tilmash cut: sentences covering the same corpus line (in
    any language) or the same added sentence are one group; a sentence covering two corpus lines
    joins their groups. Returns groups as {lang: [segment lines]} in document order."""
    parent = list(range(len(segs)))

    def find(x):
        while parent[x] != x:
            parent[x] = parent[parent[x]]
            x = parent[x]
        return x

    owner = {}
    cover = []
    for k, (lang, a, b, _) in enumerate(segs):
        ids = tw.covered(spans[lang], a, b)
        cover.append(ids)
        for g in ids:
            key = g if not isinstance(g, tuple) else g  # an added id names its language itself
            if key in owner:
                parent[find(k)] = find(owner[key])
            else:
                owner[key] = k
    comps = {}
    for k in range(len(segs)):
        comps.setdefault(find(k), []).append(k)
    # Order: a group holding a corpus line sorts by its first line; a group of added sentences
    # sorts just after the corpus line before it in its language.
    keyed = []
    for members in comps.values():
        lines = [g for k in members for g in cover[k] if not isinstance(g, tuple)]
        if lines:
            key = (min(lines), 0, 0)
        else:
            k0 = min(members)
            lang = segs[k0][0]
            prev = -1
            for k in range(len(segs)):
                if segs[k][0] == lang and segs[k][1] < segs[k0][1]:
                    prev = max([prev] + [g for g in cover[k] if not isinstance(g, tuple)])
            key = (prev + 0.5, LANGS.index(lang), segs[k0][1])
        group = {lang: [] for lang in LANGS}
        for k in sorted(members, key=lambda k: segs[k][1]):
            group[segs[k][0]].append(segs[k][3])
        keyed.append((key, group))
    keyed.sort(key=lambda kg: kg[0])
    return [g for _, g in keyed]


def confirm_gold(path, spans):
    """Rewrites alignment.yaml at path with the gold groups, all confirmed."""
    text = open(path, encoding="utf-8").read()
    head = text[:text.index("groups:\n") + len("groups:\n")]
    out = [head]
    for g in gold_groups(segments(path), spans):
        out.append("  - status: confirmed\n    score: 1\n")
        for lang in LANGS:
            if g[lang]:
                out.append(f"    {lang}:\n" + "".join(l + "\n" for l in g[lang]))
            else:
                out.append(f"    {lang}: []\n")
    with open(path, "w", encoding="utf-8") as f:
        f.write("".join(out))


def score(ws, doc, spans, n, counts, tally):
    """Adds the link counts and exact groups of doc (n corpus lines) to counts and tally."""
    groups = tw.parse_alignment(os.path.join(ws, "documents", doc, "alignment.yaml"))
    pred = [{lang: set().union(*[tw.covered(spans[lang], a, b) for a, b in g.get(lang, [])]) for lang in LANGS} for g in groups]
    kept = {lang: {g for g, _, _ in spans[lang] if not isinstance(g, tuple)} for lang in ("ru", "kk")}
    gold = [(frozenset({i}), frozenset({i} & kept["ru"]), frozenset({i} & kept["kk"])) for i in range(n)]
    for lang in ("ru", "kk"):
        for g, _, _ in spans[lang]:
            if isinstance(g, tuple):
                gold.append((frozenset(), frozenset({g}) if lang == "ru" else frozenset(), frozenset({g}) if lang == "kk" else frozenset()))
    got = {(frozenset(p["en"]), frozenset(p["ru"]), frozenset(p["kk"])) for p in pred}
    tally[0] += sum(1 for g in gold if g in got)
    tally[1] += len(gold)
    for a, b in PAIRS:
        gl = {(i, i) for i in range(n) if (a == "en" or i in kept[a]) and i in kept[b]}
        pl = {(x, y) for p in pred for x in p[a] for y in p[b]}
        c = counts[(a, b)]
        c[0] += len(gl & pl); c[1] += len(pl); c[2] += len(gl)


def line(name, counts, tally):
    f = {p: tw.prf(*c) for p, c in counts.items()}
    return (f"{name:<16} link F1 en-ru {f[('en', 'ru')]:.3f} en-kk {f[('en', 'kk')]:.3f} "
            f"ru-kk {f[('ru', 'kk')]:.3f} | exact groups {tally[0] / tally[1]:.3f} ({tally[0]}/{tally[1]})")


def empty():
    return {p: [0, 0, 0] for p in PAIRS}, [0, 0]


def run(tilmash, corpus, seed, flags, pooled):
    text, docs, order = tw.load(corpus)
    roles = {}
    for k, d in enumerate(order):
        roles[d] = "held" if k % 2 else ("confirmed" if k % 4 == 0 else "evaluated")
    with tempfile.TemporaryDirectory() as tmp:
        subprocess.run([tilmash, "init", "ws"], cwd=tmp, check=True, capture_output=True)
        ws = os.path.join(tmp, "ws")
        spans, names = {}, {}
        for n, d in enumerate(order):
            sub = os.path.join(tmp, f"t{n}")
            os.mkdir(sub)
            spans[d] = tw.build(text, docs, order, d, sub, "own", True, seed)
            names[d] = f"d{n:03d}"
            for lang in LANGS:
                subprocess.run([tilmash, "import", names[d], lang, os.path.join(sub, lang + ".txt")], cwd=ws, check=True, capture_output=True)
        subprocess.run([tilmash, "align", *flags, *names.values()], cwd=ws, check=True, capture_output=True)
        res = {}
        for stage in ("before", "after"):
            if stage == "after":
                for d in order:
                    if roles[d] == "confirmed":
                        confirm_gold(os.path.join(ws, "documents", names[d], "alignment.yaml"), spans[d])
                again = [names[d] for d in order if roles[d] != "confirmed"]
                subprocess.run([tilmash, "align", *flags, *again], cwd=ws, check=True, capture_output=True)
            for role in ("evaluated", "held"):
                counts, tally = empty()
                for d in order:
                    if roles[d] == role:
                        score(ws, names[d], spans[d], len(docs[d]), counts, tally)
                res[(role, stage)] = (counts, tally)
                pc, pt = pooled[(role, stage)]
                for p in PAIRS:
                    pc[p] = [x + y for x, y in zip(pc[p], counts[p])]
                pt[0] += tally[0]; pt[1] += tally[1]
        # The confirmed documents hold the gold groups, except where tilmash cut one sentence
        # across two corpus lines (then their groups are one).
        counts, tally = empty()
        for d in order:
            if roles[d] == "confirmed":
                score(ws, names[d], spans[d], len(docs[d]), counts, tally)
        nconf = sum(1 for d in order if roles[d] == "confirmed")
        lex = os.path.join(ws, ".tilmash", "lexicon")
        sizes = {f: sum(1 for l in open(os.path.join(lex, f), encoding="utf-8") if not l.startswith("#")) for f in sorted(os.listdir(lex))} if os.path.isdir(lex) else {}
        print(f"seed {seed}: {nconf} documents confirmed ({tally[0]} of {tally[1]} gold groups exact as cut); "
              "lexicon entries learned from them: " + (", ".join(f"{f[:-4]} {n}" for f, n in sizes.items()) or "none"))
        for role in ("evaluated", "held"):
            for stage in ("before", "after"):
                print("  " + line(f"{role} {stage}", *res[(role, stage)]))


def main():
    args = sys.argv[1:]
    flags = []
    if "--" in args:
        flags = args[args.index("--") + 1:]; args = args[:args.index("--")]
    seeds = [a[len("--seed="):] for a in args if a.startswith("--seed=") and len(a) > len("--seed=")]
    if any(a.startswith("--") and not a.startswith("--seed=") for a in args):
        sys.exit(__doc__)
    args = [a for a in args if not a.startswith("--")]
    if len(args) != 2:
        sys.exit(__doc__)
    seeds = seeds or ["threeway"]
    pooled = {(role, stage): empty() for role in ("evaluated", "held") for stage in ("before", "after")}
    for seed in seeds:
        run(args[0], args[1], seed, flags, pooled)
    if len(seeds) > 1:
        print(f"pooled over {len(seeds)} drifts:")
        for role in ("evaluated", "held"):
            for stage in ("before", "after"):
                print("  " + line(f"{role} {stage}", *pooled[(role, stage)]))


if __name__ == "__main__":
    main()
