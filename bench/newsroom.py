#!/usr/bin/env python3
"""Write a newsroom's year of work for bench/newsroom.sh: N short news documents (default 2,000;
10 to 60 sentences each, in EN, RU and KK) recombined from the NTREX lines of the shared corpora,
and a glossary of G made-up names (default 3,000: people, places, organisations, with Russian and
Kazakh forms) that the documents mention. The generator is seeded, so every run writes the same
files. Nothing of the corpus is kept in the repository.

Document dNNNN is a headline numbered with it, then paragraphs of up to four NTREX lines taken from
a random place (the same lines in the three languages). A third of its sentences begin with a
glossary name ("Name: sentence"), in the nominative of each language; one mention in forty leaves
the Kazakh name out, one in forty writes its forbidden form, so the checks have findings to report.
About one entry in fifty has a Russian term that is the first word of another entry's (Бектан and
Бектан Нуров), as real glossaries do.

Writes OUT/texts/dNNNN.LANG.txt and OUT/glossary/{people,places,organizations}.yaml.

Usage: bench/newsroom.py CORPORA OUT [N [G]]
"""
import os
import random
import sys

LAT = "ka ra sa tan bek nur zhan ai gul mar den tol kuz ber ash ul ten gis bo li me ny ro shu ta ve zu ki lo da".split()
CYR = "ка ра са тан бек нур жан ай гуль мар ден тол куз бер аш ул тень гиз бо ли ме ны ро шу та ве зу ки ло да".split()
KK = "қа ра са тан бек нұр жан ай гүл мар ден тол күз бер аш ұл тең ғыз бо лі ме ны ро шу та ве зу кі ло да".split()
KINDS = [("person", "people"), ("place", "places"), ("organization", "organizations")]


def main():
    corpora, out = sys.argv[1], sys.argv[2]
    n = int(sys.argv[3]) if len(sys.argv) > 3 else 2000
    g = int(sys.argv[4]) if len(sys.argv) > 4 else 3000
    r = random.Random(2026)
    ntrex = os.path.join(corpora, "ntrex-dev")
    lines = {}
    for lang in ("en", "ru", "kk"):
        with open(os.path.join(ntrex, lang + ".txt"), encoding="utf-8") as f:
            lines[lang] = [l.rstrip("\n") for l in f]
    total = len(lines["en"])

    # The glossary: one made-up word sequence, transliterated syllable by syllable, so the three
    # languages name the same thing; persons take -ов in Russian and Kazakh.
    used = set()
    entries = []
    for i in range(g):
        kind, _ = KINDS[i % len(KINDS)]
        while True:
            words = [[r.randrange(len(LAT)) for _ in range(2 + r.randrange(2))] for _ in range(1 + r.randrange(2))]
            key = tuple(tuple(w) for w in words)
            if key not in used:
                used.add(key)
                break
        if entries and r.random() < 0.02:  # a term that begins with another entry's whole term
            prev = entries[r.randrange(len(entries))]
            words = prev["words"][:1] + words[:1]
        forms = {}
        for lang, syl in (("en", LAT), ("ru", CYR), ("kk", KK)):
            ws = ["".join(syl[s] for s in w) for w in words]
            ws = [w[0].upper() + w[1:] for w in ws]
            if kind == "person" and lang != "en":
                ws[-1] += "ов"
            forms[lang] = " ".join(ws)
        bad = "".join(KK[s] for s in words[-1]) + "тар"
        entries.append({"id": "n%05d" % i, "kind": kind, "words": words, "forms": forms,
                        "forbidden": bad[0].upper() + bad[1:]})

    os.makedirs(os.path.join(out, "glossary"), exist_ok=True)
    for kind, file in KINDS:
        with open(os.path.join(out, "glossary", file + ".yaml"), "w", encoding="utf-8") as f:
            f.write("terms:\n")
            for e in entries:
                if e["kind"] != kind:
                    continue
                f.write("  - id: %s\n    kind: %s\n" % (e["id"], kind))
                for lang in ("en", "ru", "kk"):
                    forb = "[%s]" % e["forbidden"] if lang == "kk" else "[]"
                    f.write("    %s: {term: %s, variants: [], forbidden: %s}\n" % (lang, e["forms"][lang], forb))

    texts = os.path.join(out, "texts")
    os.makedirs(texts, exist_ok=True)
    for d in range(1, n + 1):
        start, count = r.randrange(total), 10 + r.randrange(51)
        idx = [(start + k) % total for k in range(count)]
        names = [None if r.random() < 2 / 3 else entries[r.randrange(len(entries))] for _ in idx]
        fate = [r.random() for _ in idx]
        for lang in ("en", "ru", "kk"):
            sents = []
            for k, i in enumerate(idx):
                s, e = lines[lang][i], names[k]
                if e is not None:
                    name = e["forms"][lang]
                    if lang == "kk" and fate[k] < 0.025:
                        name = None
                    elif lang == "kk" and fate[k] < 0.05:
                        name = e["forbidden"]
                    if name:
                        s = name + ": " + s
                sents.append(s)
            head, body = sents[0], sents[1:]
            paras = [" ".join(body[j:j + 4]) for j in range(0, len(body), 4)]
            with open(os.path.join(texts, "d%04d.%s.txt" % (d, lang)), "w", encoding="utf-8") as f:
                f.write("# %d. %s\n\n%s\n" % (d, head, "\n\n".join(paras)))


if __name__ == "__main__":
    main()
