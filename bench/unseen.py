#!/usr/bin/env python3
"""Builds a corpus of news documents nothing in tilmash was tuned on: the part of NTREX-128 after
the 40 documents of ../shared/corpora/ntrex-dev (lines 604-1997 of the same files), laid out as
ntrex-dev is (en.txt, ru.txt, kk.txt, doc_ids.txt), so bench/threeway.py, bench/editset.py and
../shared/eval/perturb.py read it in place of ntrex-dev.

Usage: bench/unseen.py NTREX_128_DIR OUT_DIR
  NTREX_128_DIR  the NTREX-128 folder of github.com/MicrosoftTranslator/NTREX (8561f6a was used:
                 newstest2019-src.eng.txt, newstest2019-ref.rus.txt, newstest2019-ref.kaz.txt;
                 CC BY-SA 4.0, not part of this repository)

It is a measuring set, never a tuning one: a rule fitted to it makes its figures worth nothing.
ntrex-dev's two halves are what bench/ tunes on (dev) and reports (held); both have been looked at
over many changes, so this corpus is the one to report as unseen.

NTREX-128 has no document ids. A document starts, as a news article does, at a headline: a line
without closing punctuation followed by one with it, at least four lines into the document before
(a subhead that meets the rule starts a document of its own, which is still a run of lines of one
article). That gives 79 documents of 4-42 lines. When ../shared/corpora/ntrex-dev is beside the
repository, its lines are checked against the first 603 of NTREX_128_DIR, so the split is the one
this says.

The output is generated data: do not commit it.
"""
import os, re, sys

DEV_LINES = 603


def read(p):
    with open(p, encoding="utf-8") as f:
        return [l.rstrip("\r\n") for l in f.read().split("\n")]


def closed(line):
    return re.search(r"[.!?…\"”»')]\s*$", line) is not None


def main():
    if len(sys.argv) != 3:
        sys.exit(__doc__)
    src, out = sys.argv[1], sys.argv[2]
    names = {"en": "newstest2019-src.eng.txt", "ru": "newstest2019-ref.rus.txt", "kk": "newstest2019-ref.kaz.txt"}
    text = {}
    for lang, name in names.items():
        lines = read(os.path.join(src, name))
        while lines and lines[-1] == "":
            lines.pop()
        text[lang] = lines
    n = len(text["en"])
    if any(len(v) != n for v in text.values()) or n <= DEV_LINES:
        sys.exit(f"bench/unseen.py: {src}: the three files must have the same number of lines, more than {DEV_LINES}")
    dev = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "..", "shared", "corpora", "ntrex-dev")
    if os.path.isdir(dev):
        for lang in names:
            if read(os.path.join(dev, lang + ".txt"))[:DEV_LINES] != text[lang][:DEV_LINES]:
                sys.exit(f"bench/unseen.py: {lang}: the first {DEV_LINES} lines are not ntrex-dev's: another NTREX version?")
    ids, doc, since = [], 0, 0
    en = text["en"]
    for i in range(DEV_LINES, n):
        if i > DEV_LINES and since >= 4 and not closed(en[i]) and i + 1 < n and closed(en[i + 1]):
            doc, since = doc + 1, 0
        ids.append(f"unseen.{doc:03d}")
        since += 1
    os.makedirs(out, exist_ok=True)
    for lang in names:
        with open(os.path.join(out, lang + ".txt"), "w", encoding="utf-8") as f:
            f.write("\n".join(text[lang][DEV_LINES:]) + "\n")
    with open(os.path.join(out, "doc_ids.txt"), "w", encoding="utf-8") as f:
        f.write("\n".join(ids) + "\n")
    print(f"{out}: {n - DEV_LINES} lines, {doc + 1} documents")


if __name__ == "__main__":
    main()
