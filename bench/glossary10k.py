#!/usr/bin/env python3
"""Write a synthetic glossary of N entries (default 10,000) in EN, RU and KK to DIR/synthetic.yaml,
like the benchmark glossary of internal/glossary (bench_test.go): each entry a term of one to three
made-up words, a variant and a forbidden form, persons with Russian and Kazakh -ов surnames. The
generator is seeded, so every run writes the same file.

Usage: bench/glossary10k.py DIR [N]
"""
import os
import random
import sys

LAT = "ka ra sa tan bek nur zhan ai gul mar den tol kuz ber ash ul ten gis bo li me ny ro shu ta ve zu ki lo da".split()
CYR = "ка ра са тан бек нур жан ай гуль мар ден тол куз бер аш ул тень гиз бо ли ме ны ро шу та ве зу ки ло да".split()
KK = "қа ра са тан бек нұр жан ай гүл мар ден тол күз бер аш ұл тең ғыз бо лі ме ны ро шу та ве зу кі ло да".split()
KINDS = ["person", "place", "organization", "institution", "other"]


def main():
    out, n = sys.argv[1], int(sys.argv[2]) if len(sys.argv) > 2 else 10000
    r = random.Random(42)
    used = set()

    def name(syl, words):
        while True:
            parts = []
            for _ in range(words):
                w = "".join(r.choice(syl) for _ in range(3 + r.randrange(2)))
                parts.append(w[0].upper() + w[1:])
            s = " ".join(parts)
            if s not in used:
                used.add(s)
                return s

    os.makedirs(out, exist_ok=True)
    with open(os.path.join(out, "synthetic.yaml"), "w", encoding="utf-8") as f:
        f.write("terms:\n")
        for i in range(n):
            kind = KINDS[i % len(KINDS)]
            words = 1 + r.randrange(3)
            f.write(f"  - id: e{i:05d}\n    kind: {kind}\n")
            for lang, syl in (("en", LAT), ("ru", CYR), ("kk", KK)):
                suf = "ов" if kind == "person" and lang != "en" else ""
                term, variant, forbidden = name(syl, words) + suf, name(syl, 1) + suf, name(syl, 1)
                f.write(f"    {lang}: {{term: {term}, variants: [{variant}], forbidden: [{forbidden}]}}\n")


if __name__ == "__main__":
    main()
