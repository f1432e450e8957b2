#!/usr/bin/env bash
# Time and peak memory of tilmash on one large document (issue 11, bug 10): a 5 MB English text
# with 10 MB Russian and Kazakh versions. The texts repeat the NTREX news of the shared corpora,
# each copy under its own heading and with numbered paragraphs, so no two copies are identical.
# The script imports and aligns the document once, then times the commands a translator runs
# while reviewing it: group confirm, group edit, group note, undo, show of a few groups, status.
#
# Usage: bench/bigdoc.sh [COPIES]      (default 70: about 5 MB of English, 10 MB each of ru, kk)
# Environment: WORK=DIR keeps the workspace in DIR (reused when it is already aligned) instead of
# a temporary folder; TILMASH=PATH times that binary instead of building one.
# Needs ../shared/corpora beside the repository and GNU time; skips (exit 0) without them.
set -euo pipefail

root=$(cd "$(dirname "$0")/.." && pwd)
shared=${SHARED:-$root/../shared}
if [ ! -d "$shared" ] && common=$(git -C "$root" rev-parse --path-format=absolute --git-common-dir 2>/dev/null); then
	shared=$(dirname "$common")/../shared # a git worktree: beside the main checkout
fi
ntrex=$shared/corpora/ntrex-dev
if [ ! -d "$ntrex" ]; then
	echo "bench/bigdoc.sh: skipped: no $ntrex (the shared corpora are not part of the repository)"
	exit 0
fi
if [ ! -x /usr/bin/time ]; then
	echo "bench/bigdoc.sh: skipped: /usr/bin/time (GNU time) is needed for peak RSS"
	exit 0
fi
copies=${1:-70}

tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
work=${WORK:-$tmp/work}
mkdir -p "$work"

bin=${TILMASH:-}
if [ -z "$bin" ]; then
	echo "building tilmash"
	(cd "$root" && go build -tags urfave_cli_no_docs,netgo,osusergo -o "$tmp/tilmash" ./cmd/tilmash)
	bin=$tmp/tilmash
fi

# make_text LANG writes COPIES copies of the NTREX text of LANG, each under a heading "# N", its
# lines grouped four to a paragraph, and the first sentence of every paragraph prefixed with the
# copy and paragraph number, so the aligner meets no exact repeats.
make_text() {
	awk -v copies="$copies" '
		{ l[n++] = $0 }
		END {
			for (c = 1; c <= copies; c++) {
				printf "# %d\n\n", c
				p = 0
				for (i = 0; i < n; i++) {
					if (i % 4 == 0) { if (i) printf "\n\n"; p++; printf "%d.%d. ", c, p } else printf " "
					printf "%s", l[i]
				}
				printf "\n\n"
			}
		}' "$ntrex/$1.txt"
}

# measure NAME CMD... runs CMD under GNU time and prints NAME, wall and cpu seconds and peak MB.
# CPU time (user + system) is printed because wall time on a shared machine depends on its load.
measure() {
	local name=$1 log=$tmp/time.log
	shift
	/usr/bin/time -v -o "$log" "$@" >"$tmp/out" 2>"$tmp/err" || {
		local rc=$?
		if [ $rc -ne 1 ]; then # exit 1 means findings, which is fine here
			echo "failed ($rc): $*" >&2
			cat "$tmp/err" >&2
			return 1
		fi
	}
	awk -F': ' -v name="$name" '
		/Elapsed \(wall clock\)/ {n = split($2, a, ":"); w = 0; for (i = 1; i <= n; i++) w = w * 60 + a[i]}
		/User time/ {u = $2} /System time/ {s = $2}
		/Maximum resident set size/ {r = $2 / 1024}
		END {printf "%-28s %8.2f %8.2f %9.1f\n", name, w, u + s, r}' "$log"
}

cd "$work"
if [ ! -f ws/documents/big/alignment.yaml ]; then
	rm -rf ws
	"$bin" init ws >/dev/null 2>&1
	for l in en ru kk; do
		make_text "$l" >"$tmp/big.$l.txt"
	done
	cd ws
	echo "texts: en $(wc -c <"$tmp/big.en.txt") bytes, ru $(wc -c <"$tmp/big.ru.txt"), kk $(wc -c <"$tmp/big.kk.txt")"
	printf '%-28s %8s %8s %9s\n' "command" "wall s" "cpu s" "peak MB"
	for l in en ru kk; do
		measure "import $l" "$bin" import big "$l" "$tmp/big.$l.txt"
	done
	measure "align" "$bin" align big
else
	cd ws
	printf '%-28s %8s %8s %9s\n' "command" "wall s" "cpu s" "peak MB"
fi
echo "alignment.yaml: $(wc -c <documents/big/alignment.yaml) bytes, $(grep -c '^  - status:' documents/big/alignment.yaml) groups"

measure "group confirm big 5" "$bin" group confirm big 5
measure "group unconfirm big 5" "$bin" group unconfirm big 5
measure "group note big 7" "$bin" group note big 7 "checked the figures"
measure "group edit big 9 -l ru" "$bin" group edit big 9 -l ru --text "Отредактированное предложение."
measure "undo" "$bin" undo big
measure "show big --from 1000 --to 1010" "$bin" show big --from 1000 --to 1010
measure "status" "$bin" status
echo "journal: $(du -sh documents/big/journal 2>/dev/null | cut -f1) in $(ls documents/big/journal 2>/dev/null | wc -l) entries"
