#!/usr/bin/env python3
"""Write N news documents in EN, RU and KK from the NTREX sentences (../shared/corpora/ntrex-dev), for
the 500-document rows of bench/all.sh: document dI is NTREX document I mod 40 (a headline, then
paragraphs of four sentences), its headline numbered "I." so that no two documents are alike.
Writes OUT/dI.LANG.txt. Nothing of the corpus is kept in the repository.

Usage: bench/newsdocs.py CORPORA OUT [N]
"""
import os
import sys


def main():
    corpora, out = sys.argv[1], sys.argv[2]
    n = int(sys.argv[3]) if len(sys.argv) > 3 else 500
    ntrex = os.path.join(corpora, "ntrex-dev")
    with open(os.path.join(ntrex, "doc_ids.txt"), encoding="utf-8") as f:
        ids = [l.rstrip("\n") for l in f]
    os.makedirs(out, exist_ok=True)
    for lang in ("en", "ru", "kk"):
        with open(os.path.join(ntrex, lang + ".txt"), encoding="utf-8") as f:
            lines = [l.rstrip("\n") for l in f]
        docs = []
        for i, line in enumerate(lines):
            if i == 0 or ids[i] != ids[i - 1]:
                docs.append([line, []])
            else:
                docs[-1][1].append(line)
        for i in range(1, n + 1):
            head, body = docs[i % len(docs)]
            paras = [" ".join(body[j:j + 4]) for j in range(0, len(body), 4)]
            text = "# %d. %s\n\n%s\n" % (i, head, "\n\n".join(paras))
            with open(os.path.join(out, "d%d.%s.txt" % (i, lang)), "w", encoding="utf-8") as f:
                f.write(text)


if __name__ == "__main__":
    main()
