#!/usr/bin/env bash
# The alignment quality figures of issue 16 in one command, each beside its target:
#
#   edited dev      bench/editset.py on ../shared/corpora/ntrex-dev with 20 seeds (none, s2-s15,
#                   s41-s45), each seed's dev and held halves pooled into one set of 40 documents,
#                   scored by ../shared/eval/score.py (strict F1, presegmented). These are the sets
#                   the aligner was tuned on. Target: every set >= 0.97, en-ru and en-kk.
#   light           ../shared/eval/perturb.py on ntrex-dev: strict F1 (target >= 0.98) and the raw
#                   pipeline's link F1 (segmentation + alignment, target >= 0.98).
#   unseen edited   only with NTREX_128_DIR: bench/unseen.py's 79 NTREX-128 documents after
#                   ntrex-dev (nothing was tuned on them), bench/editset.py seeds none and s1-s7,
#                   each half (dev, held) scored apart: 16 sets a pair, target >= 0.97 each.
#   three-way       only with NTREX_128_DIR: bench/threeway.py on the same unseen documents, all of
#                   them: link F1 en-ru / en-kk / ru-kk (target >= 0.98) and exact groups (>= 96%).
#
# Usage: bench/quality.sh [NTREX_128_DIR]
#   NTREX_128_DIR  the NTREX-128 folder of github.com/MicrosoftTranslator/NTREX (not part of this
#                  repository; see bench/unseen.py)
#   KEEP=1         keeps the work folder (the sets, for go test -tags aligntune ./internal/align:
#                  ALIGN_DEVSETS="$(ls -d WORK/dev/pooled/*/)" -run 'TestDevSets$' -v gives the
#                  same dev figures, and each error with -args ALIGN_EVAL_VERBOSE=...)
#   TILMASH=path   measures that binary instead of building one from this checkout
#
# Took 17 minutes on a loaded 2-core machine (December 2026), most of it score.py running the dev sets.
# Exits 1 when a target is missed.
# Needs ../shared beside the repository; skips (exit 0) without it. The output is generated data:
# it lives in a temporary folder, never in the repository.
set -euo pipefail

root=$(cd "$(dirname "$0")/.." && pwd)
shared=${SHARED:-$root/../shared}
if [ ! -d "$shared" ] && common=$(git -C "$root" rev-parse --path-format=absolute --git-common-dir 2>/dev/null); then
	shared=$(dirname "$common")/../shared # a git worktree: beside the main checkout
fi
if [ ! -d "$shared/corpora/ntrex-dev" ] || [ ! -f "$shared/eval/score.py" ]; then
	echo "bench/quality.sh: skipped: no $shared/corpora/ntrex-dev or $shared/eval (../shared is not part of the repository)"
	exit 0
fi
ntrex128=${1:-}
if [ -n "$ntrex128" ] && [ ! -f "$ntrex128/newstest2019-src.eng.txt" ]; then
	echo "bench/quality.sh: $ntrex128 has no newstest2019-src.eng.txt: give the NTREX-128 folder of github.com/MicrosoftTranslator/NTREX" >&2
	exit 2
fi

work=$(mktemp -d)
[ -n "${KEEP:-}" ] || trap 'rm -rf "$work"' EXIT
echo "work: $work"
bin=${TILMASH:-}
if [ -z "$bin" ]; then
	echo "building tilmash"
	(cd "$root" && go build -tags urfave_cli_no_docs,netgo,osusergo -o "$work/tilmash" ./cmd/tilmash)
	bin=$work/tilmash
fi
missed=0

# f1 SET PAIR MODE prints score.py's F1 (strict F1 for presegmented, link F1 for raw).
f1() {
	python3 "$shared/eval/score.py" "$1" "$2" "$3" "$bin" | grep -oE 'F1 [0-9.]+' | head -1 | cut -d' ' -f2
}

# row NAME TARGET VALUES... prints a row and counts the values under TARGET.
row() {
	local name=$1 target=$2 low=""
	shift 2
	for v in "$@"; do
		if awk -v v="$v" -v t="$target" 'BEGIN {exit !(v < t)}'; then
			low="$low $v"
		fi
	done
	if [ -n "$low" ]; then
		missed=1
		printf '%-28s %s   MISSED (< %s:%s)\n' "$name" "$*" "$target" "$low"
	else
		printf '%-28s %s   ok (all >= %s)\n' "$name" "$*" "$target"
	fi
}

# pool SETDIR OUT: the dev and held halves of one bench/editset.py output as one set (their
# files renamed dev-NNN.* and held-NNN.*), in one process: a cp a file took minutes.
pool() {
	python3 - "$1" "$2" <<'PY'
import os, shutil, sys
for pair in ("en-ru", "en-kk"):
    out = os.path.join(sys.argv[2], pair)
    os.makedirs(out, exist_ok=True)
    for half in ("dev", "held"):
        d = os.path.join(sys.argv[1], half, pair)
        for f in os.listdir(d):
            shutil.copyfile(os.path.join(d, f), os.path.join(out, half + "-" + f))
PY
}

echo
echo "edited dev sets (ntrex-dev, 20 seeds, dev + held pooled; tuned on)"
seeds=(none s2 s3 s4 s5 s6 s7 s8 s9 s10 s11 s12 s13 s14 s15 s41 s42 s43 s44 s45)
echo "  seeds: ${seeds[*]}"
for s in "${seeds[@]}"; do
	seed=$s
	[ "$s" = none ] && seed=""
	python3 "$root/bench/editset.py" "$shared/corpora/ntrex-dev" "$work/dev/ed-$s" $seed >/dev/null
	pool "$work/dev/ed-$s" "$work/dev/pooled/$s"
done
for pair in en-ru en-kk; do
	vals=()
	for s in "${seeds[@]}"; do
		vals+=("$(f1 "$work/dev/pooled/$s" "$pair" presegmented)")
	done
	row "  $pair" 0.97 "${vals[@]}"
done

echo
echo "light sets (perturb.py on ntrex-dev)"
python3 "$shared/eval/perturb.py" "$shared/corpora/ntrex-dev" "$work/light" >/dev/null
for pair in en-ru en-kk; do
	row "  $pair strict" 0.98 "$(f1 "$work/light" "$pair" presegmented)"
	row "  $pair raw pipeline links" 0.98 "$(f1 "$work/light" "$pair" raw)"
done

if [ -n "$ntrex128" ]; then
	echo
	echo "unseen edited sets (NTREX-128 after ntrex-dev; seeds none, s1-s7; dev and held halves apart)"
	python3 "$root/bench/unseen.py" "$ntrex128" "$work/unseen" >/dev/null
	useeds=(none s1 s2 s3 s4 s5 s6 s7)
	echo "  sets: none/dev none/held s1/dev s1/held ... s7/held"
	for s in "${useeds[@]}"; do
		seed=$s
		[ "$s" = none ] && seed=""
		python3 "$root/bench/editset.py" "$work/unseen" "$work/ued/$s" $seed >/dev/null
	done
	for pair in en-ru en-kk; do
		vals=()
		for s in "${useeds[@]}"; do
			for half in dev held; do
				vals+=("$(f1 "$work/ued/$s/$half" "$pair" presegmented)")
			done
		done
		row "  $pair" 0.97 "${vals[@]}"
	done

	echo
	echo "three-way (unseen documents, raw text with paragraphs, Russian and Kazakh drifting apart)"
	line=$(python3 "$root/bench/threeway.py" "$bin" "$work/unseen" all | grep '^all:')
	echo "  $line"
	read -r ru kk rukk < <(echo "$line" | sed -E 's/.*en-ru ([0-9.]+) en-kk ([0-9.]+) ru-kk ([0-9.]+).*/\1 \2 \3/')
	exact=$(echo "$line" | sed -E 's/.*exact groups ([0-9.]+).*/\1/')
	row "  link F1 en-ru en-kk ru-kk" 0.98 "$ru" "$kk" "$rukk"
	row "  exact groups" 0.96 "$exact"
fi
exit $missed
