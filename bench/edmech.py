#!/usr/bin/env python3
"""Sorts the errors of `tilmash align-files --presegmented` on edited sets by mechanism (issue 16).

Usage: bench/edmech.py BIN SET_HALF [SET_HALF ...] [--pairs en-ru,en-kk] [--examples N]

SET_HALF is a half of a set bench/editset.py (or perturb.py) made, such as OUT/dev: it holds
PAIR/NNN.src, NNN.tgt and NNN.gold.json. Score only dev halves with this: the held halves are
for reporting, not for looking at.

An error region is a connected set of wrong beads the aligner made and gold beads it missed
(connected when they share a sentence). Each bead without counterpart counts as one bead a
sentence, as in ../shared/eval/score.py, so the strict F1 printed for each set is score.py's. A
region is put under the first mechanism that fits it:
  A  unrelated: the gold beads are all 1-0/0-1 (a dropped and an added run), the aligner linked them
  D  a right 1-1 split into a 1-0 and a 0-1
  B  an omission merged into a neighbour: gold k-l + 1-0, the aligner one bigger bead
  C  a merge (2-1, 1-3, 3-1 ...) cut at the wrong place, a piece left alone
  E  a merge regrouped, no omission on either side
  F  a shift at a run's edge, and the rest
For each mechanism it prints the gold beads lost and the number of regions, then the regions by
signature (gold shapes | made shapes), and with --examples N up to N regions of each mechanism
with their sentences.
"""
import collections, glob, json, os, subprocess, sys

MECH = {
    "A": "unrelated: dropped and added sentences linked",
    "B": "omission merged into a neighbour",
    "C": "merge cut at the wrong place, a piece left alone",
    "D": "right 1-1 split into 1-0 + 0-1",
    "E": "merge regrouped, no omission",
    "F": "shift at a run edge, other",
}


def singles(beads):
    out = []
    for s, t in beads:
        s, t = tuple(s), tuple(t)
        if s and t:
            out.append((s, t))
        else:
            out += [((i,), ()) for i in s] + [((), (j,)) for j in t]
    return out


def alone(b):
    return not b[0] or not b[1]


def size(bs):
    return sum(len(b[0]) + len(b[1]) for b in bs)


def mechanism(gold, made):
    gl, ml = [b for b in gold if not alone(b)], [b for b in made if not alone(b)]
    if not gl and ml:
        return "A"
    if len(gl) == 1 and len(gl[0][0]) == 1 and len(gl[0][1]) == 1 and not ml:
        return "D"
    if gl and any(alone(b) for b in gold) and ml and size(ml) > size(gl):
        return "B"
    if gl and not any(alone(b) for b in gold) and any(alone(b) for b in made) and \
            all(max(len(b[0]), len(b[1])) > 1 for b in gl):
        return "C"
    if gl and not any(alone(b) for b in gold) and not any(alone(b) for b in made):
        return "E"
    return "F"


def regions(gold, made):
    """The connected sets of gold beads missed and made beads wrong, as (gold, made) lists."""
    items = [("g", b) for b in gold - made] + [("m", b) for b in made - gold]
    parent = list(range(len(items)))

    def find(x):
        while parent[x] != x:
            parent[x] = parent[parent[x]]
            x = parent[x]
        return x

    owner = {}
    for k, (_, b) in enumerate(items):
        for key in [("s", i) for i in b[0]] + [("t", j) for j in b[1]]:
            if key in owner:
                parent[find(k)] = find(owner[key])
            owner[key] = k
    groups = collections.defaultdict(list)
    for k, it in enumerate(items):
        groups[find(k)].append(it)
    return [(sorted(b for w, b in g if w == "g"), sorted(b for w, b in g if w == "m")) for g in groups.values()]


def main(argv):
    pairs, examples, halves = ["en-ru", "en-kk"], 0, []
    args = iter(argv[1:])
    binary = next(args)
    for a in args:
        if a == "--pairs":
            pairs = next(args).split(",")
        elif a == "--examples":
            examples = int(next(args))
        else:
            halves.append(a)
    lost, count, sigs = collections.Counter(), collections.Counter(), collections.Counter()
    shown = collections.defaultdict(list)
    for half in halves:
        for pair in pairs:
            tp = made_n = gold_n = 0
            for src in sorted(glob.glob(os.path.join(half, pair, "*.src"))):
                base = src[:-len(".src")]
                out = subprocess.run([binary, "align-files", "--presegmented", "--format", "jsonl",
                                      "--src-lang", pair.split("-")[0], "--tgt-lang", pair.split("-")[1],
                                      src, base + ".tgt"], capture_output=True, text=True, check=True).stdout
                made = set(singles([(o["src"], o["tgt"]) for o in map(json.loads, out.splitlines()) if "src" in o]))
                gold = set(singles(json.load(open(base + ".gold.json", encoding="utf-8"))["beads"]))
                tp, made_n, gold_n = tp + len(made & gold), made_n + len(made), gold_n + len(gold)
                S = open(src, encoding="utf-8").read().split("\n")
                T = open(base + ".tgt", encoding="utf-8").read().split("\n")
                for g, m in regions(gold, made):
                    k = mechanism(g, m)
                    lost[(pair, k)] += len(g)
                    count[(pair, k)] += 1
                    shape = lambda bs: " ".join(sorted(f"{len(b[0])}-{len(b[1])}" for b in bs))
                    sigs[(pair, shape(g) + " | " + shape(m))] += len(g)
                    if len(shown[(pair, k)]) < examples:
                        shown[(pair, k)].append((base, g, m, [f"  S{i}: {S[i][:110]}" for b in g for i in b[0]]
                                                 + [f"  T{j}: {T[j][:110]}" for b in g for j in b[1]]))
            f1 = 2 * tp / (made_n + gold_n) if made_n + gold_n else 0.0
            print(f"{half} {pair}: strict F1 {f1:.3f} ({tp} right of {made_n} made, {gold_n} gold)")
    for pair in pairs:
        total = sum(v for (p, _), v in lost.items() if p == pair)
        print(f"\n{pair}: {total} gold beads lost")
        for k in sorted(MECH):
            if count[(pair, k)]:
                print(f"  {k} {MECH[k]}: {lost[(pair, k)]} lost in {count[(pair, k)]} regions")
        for (p, sig), v in sigs.most_common():
            if p == pair and v >= 3:
                print(f"    {v:4d} lost  gold {sig}")
    for (pair, k), ex in sorted(shown.items()):
        for base, g, m, lines in ex:
            print(f"\n## {pair} {k} {base}: gold {g} made {m}")
            print("\n".join(lines))


if __name__ == "__main__":
    if len(sys.argv) < 3:
        sys.exit(__doc__)
    main(sys.argv)
