#!/usr/bin/env python3
"""Write a large TSV of real news rows for `tilmash check`: ntrex-dev's en, ru and kk lines as rows
en<TAB>ru<TAB>kk under the header check expects, repeated until the file reaches a size.

Plain repetition would be trivially consistent (every source with the one translation it had) and
in the order of the corpus, so every repetition after the first is varied: its rows come in an
order of their own (a shuffle seeded by the repetition's number) and one row in 16 has the first
two words of its Russian or its Kazakh cell swapped, a second translation of the same source that
the consistency check lists. The output depends only on the corpus and the size.

Usage: bench/ntrextsv.py CORPUS_DIR OUT.tsv [MEGABYTES (default 19.8)]
CORPUS_DIR is ../shared/corpora/ntrex-dev (en.txt, ru.txt, kk.txt, one segment a line).
"""
import os
import random
import sys


def cell(s):
    # The TSV writer's quoting (internal/sheet): a cell with a tab, a newline or a quote is
    # quoted, its quotes doubled. ntrex lines have no tabs or newlines; some have quotes.
    if any(c in s for c in '\t\n\r"'):
        return '"' + s.replace('"', '""') + '"'
    return s


def swap(s):
    w = s.split(" ")
    if len(w) > 2:
        w[0], w[1] = w[1], w[0]
    return " ".join(w)


def main():
    if len(sys.argv) not in (3, 4):
        sys.exit(__doc__)
    corpus, out = sys.argv[1], sys.argv[2]
    limit = int(float(sys.argv[3] if len(sys.argv) == 4 else "19.8") * 1e6)
    lines = {}
    for lang in ("en", "ru", "kk"):
        with open(os.path.join(corpus, lang + ".txt"), encoding="utf-8") as f:
            lines[lang] = f.read().rstrip("\n").split("\n")
    rows = list(zip(lines["en"], lines["ru"], lines["kk"]))
    size = 0
    with open(out, "w", encoding="utf-8", newline="\n") as f:
        head = "en\tru\tkk\n"
        f.write(head)
        size += len(head.encode())
        rep = 0
        while size < limit:
            order = list(range(len(rows)))
            if rep > 0:
                random.Random(rep).shuffle(order)
            for i in order:
                en, ru, kk = rows[i]
                if rep > 0 and (i + rep) % 16 == 0:
                    if rep % 2:
                        ru = swap(ru)
                    else:
                        kk = swap(kk)
                line = "\t".join(cell(c) for c in (en, ru, kk)) + "\n"
                n = len(line.encode())
                if size + n > limit:
                    return
                f.write(line)
                size += n
            rep += 1


if __name__ == "__main__":
    main()
