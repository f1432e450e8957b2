#!/usr/bin/env python3
"""Three-way drift benchmark (issue 16): English, Russian and Kazakh versions of the same news,
where the Russian and the Kazakh drift independently of each other. Each translation drops runs
of 2-5 sentences and single sentences, and gains runs of 2-5 unrelated sentences of its own (lines
of another document of the corpus, in its language) and single ones. The three texts are written
as raw text with paragraphs (2-5 sentences a paragraph, a run its own paragraph), imported into a
temporary workspace, and aligned with `tilmash align`. Every sentence tilmash cut is mapped back
to the corpus lines it covers (by byte offset), and the script prints:

  link F1 en-ru, en-kk, ru-kk   links between corpus lines in the same group, against the gold
                                (line i of each language translates line i of the others)
  exact groups                  the share of gold groups that tilmash made exactly
  flagged                       of the groups tilmash made, how many of the wrong ones and of
                                the right ones it flags for review (what a translator who
                                reviews only the flagged groups would catch, and check in vain)

A line without closing punctuation (a headline, subhead or byline; in the corpus line's English,
Russian or Kazakh, or an added line's own text) stands on its own line, as in real news and as
../shared/eval/perturb.py lays out its raw text: no segmenter can find a sentence boundary that
nothing marks. --layout=joined gives the layout before (such a line shares its paragraph with its
neighbours), for comparing figures across the change.

Usage: bench/threeway.py TILMASH CORPUS_DIR [dev|held|all] [--layout=own|joined] [--no-drift]
                         [--errors] [--seed=NAME] [-- ALIGN_FLAGS...]
  TILMASH     the tilmash binary (go build -o /tmp/tilmash ./cmd/tilmash)
  CORPUS_DIR  ../shared/corpora/ntrex-dev
  dev|held    the documents at even or odd positions of doc_ids.txt (as bench/editset.py splits
              them; tune on dev, report held), or all (default: both halves, printed apart,
              then pooled: dev+held, the same figures as all)
  --no-drift  no sentence dropped or added (what is left is the segmenter's and aligner's own)
  --errors    print each group tilmash made that is not a gold group to stderr (E3: English line
              3 of the document, R/K likewise, Ra0/Ka0: the first sentence the desk added)
  --seed=NAME another drift of the same documents (paragraphs, drops, additions and the documents
              the additions come from are drawn with NAME in place of "threeway", the default):
              more cases to study on the dev half without looking at the held one
"""
import os, random, re, subprocess, sys, tempfile


def read(p):
    with open(p, encoding="utf-8") as f:
        return [l.rstrip("\r\n") for l in f]


def paragraphs(n, rnd):
    """The paragraph of each line of the English: the headline alone, then 2-5 lines a paragraph."""
    out, para, since = [], 0, 0
    for i in range(n):
        out.append(para)
        since += 1
        if i == 0 or since >= rnd.randint(2, 5):
            para += 1; since = 0
    return out


def drift(n, rnd, lang, foreign, epara):
    """Returns the edited side as a list of (gold id, text, paragraph) for a document of n lines
    whose English paragraphs are epara: gold id i for corpus line i, ("add", lang, k) for an added
    sentence. Kept lines stay in their English paragraph; an added run is a paragraph of its own,
    a single added sentence joins the paragraph before it."""
    out, i, k, runs = [], 0, 0, 0
    para = ("p", 0)
    while i < n:
        r = rnd.random()
        run = rnd.randint(2, 5)
        if r < 0.04 and i > 0 and i + run <= n:      # a run dropped
            i += run
            continue
        if r < 0.07:                                  # a run of unrelated sentences added
            runs += 1
            for _ in range(run):
                out.append((("add", lang, k), foreign[rnd.randrange(len(foreign))], ("a", runs))); k += 1
            continue
        if r < 0.09:                                  # one sentence dropped
            i += 1
            continue
        if r < 0.10:                                  # one unrelated sentence added
            out.append((("add", lang, k), foreign[rnd.randrange(len(foreign))], para)); k += 1
            continue
        para = ("p", epara[i])
        out.append((i, None, para)); i += 1
    return out


OPEN = re.compile(r"[.!?…:;][\"'»”’“)\]]*\s*$")


def open_line(line):
    """A line with no closing punctuation: a headline, subhead or byline (as ../shared/eval/perturb.py
    tells them; a Kazakh closing quote “ counts as closing here)."""
    return not OPEN.search(line)


def write(path, lines, layout="own", open_ids=frozenset()):
    """Writes lines [(gold id, text, para)] as paragraphs; returns [(gold id, start, end)] byte spans.
    With layout "own", a line without closing punctuation (in its text, or, for a corpus line, in
    any of its three versions: open_ids) stands on its own line, as a headline, subhead or byline
    does in real news; with "joined" (the layout before) it shares its paragraph with its
    neighbours, where nothing marks the sentence boundary."""
    spans, buf, last, alone = [], b"", None, False
    for gid, text, para in lines:
        own = layout == "own" and (gid in open_ids or open_line(text))
        if last is not None:
            buf += b"\n\n" if para != last or own or alone else b" "
        t = text.encode("utf-8")
        spans.append((gid, len(buf), len(buf) + len(t)))
        buf += t
        last, alone = para, own
    with open(path, "wb") as f:
        f.write(buf + b"\n")
    return spans


def parse_alignment(path):
    """Groups of alignment.yaml as {lang: [(start, end)], "status": STATUS}."""
    groups, cur, lang = [], None, None
    for l in open(path, encoding="utf-8"):
        if l.startswith("  - status:"):
            cur = {"status": l.split(":", 1)[1].strip()}; groups.append(cur); continue
        m = re.match(r"^    (\w\w):$", l)
        if m and cur is not None:
            lang = m.group(1); cur[lang] = []; continue
        m = re.match(r"^      - \{at: (\d+)-(\d+),", l)
        if m and cur is not None:
            cur[lang].append((int(m.group(1)), int(m.group(2))))
    return groups


def covered(spans, a, b):
    return {gid for gid, x, y in spans if min(b, y) - max(a, x) > 0}


def prf(tp, npred, ngold):
    p = tp / npred if npred else 0.0
    r = tp / ngold if ngold else 0.0
    return 2 * p * r / (p + r) if p + r else 0.0


def load(corpus):
    text = {l: read(os.path.join(corpus, l + ".txt")) for l in ("en", "ru", "kk")}
    docs, order = {}, []
    for n, d in enumerate(read(os.path.join(corpus, "doc_ids.txt"))):
        d = d.split("\t")[0]
        if d not in docs:
            docs[d] = []; order.append(d)
        docs[d].append(n)
    return text, docs, order


def build(text, docs, order, d, out, layout="own", drifts=True, seed="threeway"):
    """Writes the English, Russian and Kazakh raw text of document d into out/LANG.txt; returns
    their gold byte spans {lang: [(gold id, start, end)]}."""
    k = order.index(d)
    lines = docs[d]
    open_ids = frozenset(i for i, l in enumerate(lines) if any(open_line(text[x][l]) for x in ("en", "ru", "kk")))
    epara = paragraphs(len(lines), random.Random(f"{seed}/en/{d}"))
    spans = {"en": write(os.path.join(out, "en.txt"), [(i, text["en"][l], epara[i]) for i, l in enumerate(lines)], layout, open_ids)}
    others = []
    for lang in ("ru", "kk"):
        rnd = random.Random(f"{seed}/{lang}/{d}")
        step = 1 + rnd.randrange(len(order) // 2 - 1)
        other = order[(k + 2 * step) % len(order)]
        if other in others:
            # the two desks' additions come from two different documents: lines of one document
            # would be translations of each other, which the gold calls unrelated
            other = order[(k + 2 * (step % (len(order) // 2 - 1) + 1)) % len(order)]
        others.append(other)
        foreign = [text[lang][i] for i in docs[other]]
        ed = drift(len(lines), rnd, lang, foreign, epara) if drifts else [(i, None, ("p", epara[i])) for i in range(len(lines))]
        ed = [(g, t if t is not None else text[lang][lines[g]], p) for g, t, p in ed]
        spans[lang] = write(os.path.join(out, lang + ".txt"), ed, layout, open_ids)
    return spans


def show(gs, text):
    """A group of gold ids as one line: E3 R3 Ka0 (R/K: kept corpus line, Ra/Ka: an added one)."""
    out = []
    for lang, ids in zip(("en", "ru", "kk"), gs):
        for g in sorted(ids, key=lambda g: (isinstance(g, tuple), g if not isinstance(g, tuple) else g[2])):
            out.append(f"{lang[0].upper()}a{g[2]}" if isinstance(g, tuple) else f"{lang[0].upper()}{g}")
    return " ".join(out) or "-"


def run(tilmash, corpus, half, flags, layout="own", drifts=True, errors=False, seed="threeway"):
    text, docs, order = load(corpus)
    picked = [d for k, d in enumerate(order) if half == "all" or (k % 2 == 0) == (half == "dev")]
    pairs = [("en", "ru"), ("en", "kk"), ("ru", "kk")]
    counts = {p: [0, 0, 0] for p in pairs}
    exact = total = 0
    flg = [0, 0, 0, 0]  # wrong groups flagged, wrong groups, right groups flagged, right groups
    with tempfile.TemporaryDirectory() as tmp:
        subprocess.run([tilmash, "init", "ws"], cwd=tmp, check=True, capture_output=True)
        ws = os.path.join(tmp, "ws")
        for n, d in enumerate(picked):
            lines = docs[d]
            spans = build(text, docs, order, d, tmp, layout, drifts, seed)
            doc = f"d{n:03d}"
            for lang in ("en", "ru", "kk"):
                subprocess.run([tilmash, "import", doc, lang, os.path.join(tmp, lang + ".txt")], cwd=ws, check=True, capture_output=True)
            subprocess.run([tilmash, "align", *flags, doc], cwd=ws, check=True, capture_output=True)
            groups = parse_alignment(os.path.join(ws, "documents", doc, "alignment.yaml"))
            pred = []
            for g in groups:
                pred.append({lang: set().union(*[covered(spans[lang], a, b) for a, b in g.get(lang, [])]) for lang in ("en", "ru", "kk")})
                pred[-1]["flagged"] = g["status"] == "flagged"
            # gold groups: one for each English line (with its Russian and Kazakh if kept), one
            # for each added sentence
            kept = {lang: {g for g, _, _ in spans[lang] if not isinstance(g, tuple)} for lang in ("ru", "kk")}
            gold = []
            for i in range(len(lines)):
                gold.append((frozenset({i}), frozenset({i} & kept["ru"]), frozenset({i} & kept["kk"])))
            for lang in ("ru", "kk"):
                for g, _, _ in spans[lang]:
                    if isinstance(g, tuple):
                        gold.append((frozenset(), frozenset({g}) if lang == "ru" else frozenset(), frozenset({g}) if lang == "kk" else frozenset()))
            got = {(frozenset(p["en"]), frozenset(p["ru"]), frozenset(p["kk"])) for p in pred}
            golds = set(gold)
            for p in pred:
                right = (frozenset(p["en"]), frozenset(p["ru"]), frozenset(p["kk"])) in golds
                flg[2 if right else 0] += p["flagged"]
                flg[3 if right else 1] += 1
            exact += sum(1 for g in gold if g in got)
            total += len(gold)
            if errors:
                wrong = [g for g in got if g not in set(gold)]
                for g in sorted(wrong, key=lambda g: min([x for x in g[0]] or [len(lines)])):
                    print(f"{half} {d} ({doc}): made {show(g, text)}", file=sys.stderr)
            for a, b in pairs:
                gl = {(i, i) for i in range(len(lines)) if (a == "en" or i in kept[a]) and i in kept[b]}
                pl = {(x, y) for p in pred for x in p[a] for y in p[b]}
                c = counts[(a, b)]
                c[0] += len(gl & pl); c[1] += len(pl); c[2] += len(gl)
    report(half, len(picked), counts, exact, total, flg)
    return len(picked), counts, exact, total, flg


def report(half, ndocs, counts, exact, total, flags):
    f = {p: prf(*c) for p, c in counts.items()}
    print(f"{half}: {ndocs} documents | link F1 en-ru {f[('en', 'ru')]:.3f} en-kk {f[('en', 'kk')]:.3f} "
          f"ru-kk {f[('ru', 'kk')]:.3f} | exact groups {exact / total:.3f} ({exact}/{total}) | "
          f"flagged: {flags[0]}/{flags[1]} wrong groups, {flags[2]}/{flags[3]} right ones")


def main():
    args = sys.argv[1:]
    flags = []
    if "--" in args:
        flags = args[args.index("--") + 1:]; args = args[:args.index("--")]
    layout, drifts, errors, seed = "own", True, False, "threeway"
    for a in [a for a in args if a.startswith("--")]:
        if a in ("--layout=own", "--layout=joined"):
            layout = a.split("=")[1]
        elif a == "--no-drift":
            drifts = False
        elif a == "--errors":
            errors = True
        elif a.startswith("--seed=") and len(a) > len("--seed="):
            seed = a[len("--seed="):]
        else:
            sys.exit(__doc__)
    args = [a for a in args if not a.startswith("--")]
    if len(args) not in (2, 3):
        sys.exit(__doc__)
    halves = [args[2]] if len(args) == 3 else ["dev", "held"]
    pooled = None
    for h in halves:
        ndocs, counts, exact, total, flg = run(args[0], args[1], h, flags, layout, drifts, errors, seed)
        if pooled is None:
            pooled = [0, {p: [0, 0, 0] for p in counts}, 0, 0, [0, 0, 0, 0]]
        pooled[0] += ndocs; pooled[2] += exact; pooled[3] += total
        pooled[4] = [x + y for x, y in zip(pooled[4], flg)]
        for p, c in counts.items():
            pooled[1][p] = [x + y for x, y in zip(pooled[1][p], c)]
    if len(halves) == 2:
        report("dev+held", *pooled)


if __name__ == "__main__":
    main()
