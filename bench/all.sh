#!/usr/bin/env bash
# One table of every performance figure of issue 17, so each can be re-measured with one command:
#
#   start-up        a Go hello world (the floor), urfave/cli with the catalogues alone, with
#                   modernc.org/sqlite, with every dependency imported blank, and with every library
#                   called as tilmash calls it (bench/floor); tilmash --version; status on the
#                   sample workspace
#   segmentation    tilmash segment --format jsonl on NTREX news (paragraphs, ~12-24 MB) in en, ru
#                   and kk, MB/s of CPU time, beside ICU (node's Intl.Segmenter, bench/icu-segment.mjs)
#   glossary 10k    status on a one-document workspace with a 10,000-entry glossary
#                   (bench/glossary10k.py), first run (cold: parse, expand, write the compiled
#                   glossary cache) and later runs (warm: read .tilmash/compiled-glossary.bin; answered
#                   from the status cache, and without it: the document checked); and the
#                   Go benchmark of opening the compiled glossary (internal/glossary)
#   check TSV       tilmash check on a ~20 MB TSV export (house glossary, and the 10k one), and on
#                   19.8 MB of ntrex-dev rows (bench/ntrextsv.py; house and 10k glossary); and
#                   the Go benchmarks of internal/check
#   500 documents   publish --force (first, unchanged, one document changed) and status (without and
#                   with its cache) on 500 NTREX news documents (bench/newsdocs.py)
#   align-files     bench/align.sh against hunalign at 2k-100k sentences, only when HUNALIGN is set
#
# Every row: median CPU time (user + system) in ms, median wall time, peak resident memory
# (bench/measure.py: perf's task-clock when it works, GNU time's maximum RSS). CPU time is the
# figure to compare on a shared machine; wall time there depends on the load.
#
# Usage: bench/all.sh                 every row but align-files
#        BENCH_QUICK=1 bench/all.sh   skips the 500-document workspace (it takes minutes to build)
#        HUNALIGN=1 bench/all.sh      adds bench/align.sh 2000 10000 20000 50000 100000
#        RUNS=N                       runs per row for the short commands (default 11)
# Needs ../shared/corpora for the news text (the segmentation and check rows are skipped without).
set -euo pipefail

root=$(cd "$(dirname "$0")/.." && pwd)
shared=${SHARED:-$root/../shared}
if [ ! -d "$shared" ] && common=$(git -C "$root" rev-parse --path-format=absolute --git-common-dir 2>/dev/null); then
	shared=$(dirname "$common")/../shared # a git worktree: beside the main checkout
fi
corpora=$shared/corpora
runs=${RUNS:-11}
measure="python3 $root/bench/measure.py"

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
echo "building tilmash"
(cd "$root" && go build -tags urfave_cli_no_docs,netgo,osusergo -o "$work/tilmash" ./cmd/tilmash)
tm=$work/tilmash
echo "load average: $(cut -d' ' -f1-3 /proc/loadavg 2>/dev/null || echo unknown)"
echo

row() { # row NAME CPU_MS WALL_MS PEAK_MB [EXTRA]
	printf '%-44s %10s %10s %9s  %s\n' "$1" "$2" "$3" "$4" "${5:-}"
}
row "what" "cpu ms" "wall ms" "peak MB" "throughput / note"
row "----" "------" "-------" "-------" "------------------"

# mbps BYTES CPU_MS: megabytes (10^6) a second of CPU time.
mbps() { awk -v b="$1" -v c="$2" 'BEGIN { if (c > 0) printf "%.1f MB/s", b / 1e6 / (c / 1000); else print "-" }'; }

# Start-up, beside Go's floor on this machine: a hello world (fmt.Println) built the same way.
mkdir -p "$work/hello"
printf 'package main\n\nimport "fmt"\n\nfunc main() { fmt.Println("hello") }\n' >"$work/hello/main.go"
(cd "$work/hello" && GOFLAGS= GO111MODULE=off go build -tags netgo,osusergo -o "$work/hello/hello" main.go)
read -r c w m < <($measure -n "$runs" -- "$tm" --version)
row "start-up: --version" "$c" "$w" "$m"
read -r c w m < <($measure -n "$runs" -- "$work/hello/hello")
row "  Go hello world (the floor)" "$c" "$w" "$m"
# What the fixed dependencies cost before main runs (bench/floor): urfave/cli with the message
# catalogues, then the same with modernc.org/sqlite, whose package initialisation every tilmash
# binary pays (the embedded store of the design card).
(cd "$root" && go build -tags benchfloor,urfave_cli_no_docs,netgo,osusergo -o "$work/floor" ./bench/floor &&
	go build -tags benchfloor,benchsqlite,urfave_cli_no_docs,netgo,osusergo -o "$work/floor-sqlite" ./bench/floor)
read -r c w m < <($measure -n "$runs" -- "$work/floor" --version)
row "  urfave/cli + catalogues, --version" "$c" "$w" "$m"
read -r c w m < <($measure -n "$runs" -- "$work/floor-sqlite" --version)
row "  the same + modernc.org/sqlite" "$c" "$w" "$m"
# The same with every module package tilmash links (go list -deps), imported blank through a
# go build -overlay file: what the dependencies' package initialisation costs before any code of
# tilmash. A lower bound: the linker drops a package's map tables that nothing reads, which
# tilmash does read (golang.org/x/net/html's entities).
{
	printf '//go:build benchfloor && benchdeps\n\npackage main\n\nimport (\n'
	(cd "$root" && go list -deps -tags urfave_cli_no_docs,netgo,osusergo ./cmd/tilmash) |
		grep -v -e '^github.com/tilmash/tilmash' -e 'internal' -e '^vendor/' -e '^runtime' -e '^unsafe$' |
		sed 's/.*/\t_ "&"/'
	printf ')\n'
} >"$work/floor-deps.go"
printf '{"Replace": {"%s": "%s"}}\n' "$root/bench/floor/deps_overlay.go" "$work/floor-deps.go" >"$work/floor-deps.json"
(cd "$root" && go build -tags benchfloor,benchdeps,urfave_cli_no_docs,netgo,osusergo -overlay "$work/floor-deps.json" \
	-o "$work/floor-deps" ./bench/floor)
read -r c w m < <($measure -n "$runs" -- "$work/floor-deps" --version)
row "  the same + every dependency of tilmash" "$c" "$w" "$m"
# The floor under tilmash: every library called on a path that never runs (bench/floor/used.go),
# so the linker keeps what tilmash keeps (x/net/html's entities, pgx's type map, net/http's server).
(cd "$root" && go build -tags benchfloor,benchused,urfave_cli_no_docs,netgo,osusergo -o "$work/floor-used" ./bench/floor)
read -r c w m < <($measure -n "$runs" -- "$work/floor-used" --version)
row "  cli + catalogues + every library, called" "$c" "$w" "$m"
read -r c w m < <($measure -n "$runs" -C "$root" -- "$tm" status)
row "start-up: status (sample workspace)" "$c" "$w" "$m"
read -r c w m < <($measure -n "$runs" --remove .tilmash/status-cache -C "$root" -- "$tm" status)
row "  status, its cache removed (every row made)" "$c" "$w" "$m"

# News text: COPIES copies of the NTREX documents, a headline then paragraphs of four sentences.
news() { # news LANG COPIES OUT
	awk -v copies="$2" -v ids="$corpora/ntrex-dev/doc_ids.txt" '
		BEGIN { while ((getline l < ids) > 0) id[n++] = l }
		{ line[k++] = $0 }
		END {
			for (c = 1; c <= copies; c++)
				for (i = 0; i < k; i++) {
					if (i == 0 || id[i] != id[i-1]) {
						printf "%s# %d. %s\n\n", (c > 1 || i > 0 ? "\n\n" : ""), c, line[i]; p = 0; continue
					}
					printf "%s%s", (p == 0 ? "" : p % 4 == 0 ? "\n\n" : " "), line[i]; p++
				}
			printf "\n"
		}' "$corpora/ntrex-dev/$1.txt" >"$3"
}

if [ -d "$corpora/ntrex-dev" ]; then
	for l in en ru kk; do
		news "$l" 160 "$work/news.$l.txt"
		size=$(wc -c <"$work/news.$l.txt")
		read -r c w m < <($measure -n 3 -- "$tm" segment --lang "$l" --format jsonl "$work/news.$l.txt")
		row "segment $l ($((size / 1000000)) MB)" "$c" "$w" "$m" "$(mbps "$size" "$c"), memory $(awk -v m="$m" -v s="$size" 'BEGIN {printf "%.2f", m * 1048576 / s}')x the input"
		if command -v node >/dev/null; then
			read -r c w m < <($measure -n 3 -- node "$root/bench/icu-segment.mjs" "$l" "$work/news.$l.txt")
			row "  ICU Intl.Segmenter $l (node, by line)" "$c" "$w" "$m" "$(mbps "$size" "$c")"
		fi
	done
else
	echo "segmentation: skipped (no $corpora/ntrex-dev)"
fi

# A one-document workspace with a 10,000-entry glossary.
(cd "$work" && "$tm" init g10k >/dev/null 2>&1)
python3 "$root/bench/glossary10k.py" "$work/g10k/glossary"
for l in en ru kk; do
	"$tm" -C "$work/g10k" import doc "$l" "$root/documents/zarechnoye-videos/$l.txt" >/dev/null 2>&1
done
"$tm" -C "$work/g10k" align doc >/dev/null 2>&1 || true
rm -rf "$work/g10k/.tilmash"
read -r c w m < <($measure -n 1 --ok 0,1 --remove .tilmash -C "$work/g10k" -- "$tm" status)
row "glossary 10k: status, first run (cold)" "$c" "$w" "$m"
read -r c w m < <($measure -n "$runs" --ok 0,1 -C "$work/g10k" -- "$tm" status)
row "glossary 10k: status, again (warm)" "$c" "$w" "$m" "compiled cache $(($(wc -c <"$work/g10k/.tilmash/compiled-glossary.bin") / 1000000)) MB"
# The row made again (a document changed): the compiled glossary read and the document checked.
read -r c w m < <($measure -n "$runs" --ok 0,1 --remove .tilmash/status-cache -C "$work/g10k" -- "$tm" status)
row "  status, its cache removed (warm glossary)" "$c" "$w" "$m"
(cd "$root" && go test -run '^$' -bench 'OpenCompiled(Lazy)?10k' -benchtime 10x ./internal/glossary 2>/dev/null) |
	awk '/^Benchmark/ { printf "  go bench %-34s %s\n", $1, substr($0, index($0, $3)) }'

# check on a TSV export of the sample workspace, repeated to ~20 MB.
"$tm" -C "$root" export zarechnoye-videos --format tsv -o "$work/one.tsv" >/dev/null 2>&1 ||
	"$tm" -C "$root" export zarechnoye-videos --format tsv >"$work/one.tsv" 2>/dev/null || true
if [ -s "$work/one.tsv" ]; then
	head -1 "$work/one.tsv" >"$work/big.tsv"
	body=$(tail -n +2 "$work/one.tsv")
	while [ "$(wc -c <"$work/big.tsv")" -lt 20000000 ]; do printf '%s\n' "$body" >>"$work/big.tsv"; done
	size=$(wc -c <"$work/big.tsv")
	# Spelling (hunspell, on by default) is left out: it runs at hunspell's speed, minutes here.
	read -r c w m < <($measure -n 3 --ok 0,1 -C "$root" -- "$tm" check --checks terms "$work/big.tsv")
	row "check TSV ($((size / 1000000)) MB, house glossary, terms)" "$c" "$w" "$m" "$(mbps "$size" "$c")"
	read -r c w m < <($measure -n 3 --ok 0,1 -C "$root" -- "$tm" check --checks terms,numbers,untranslated,consistency,typography,endings "$work/big.tsv")
	row "check TSV (all checks but spelling)" "$c" "$w" "$m" "$(mbps "$size" "$c")"
	read -r c w m < <($measure -n 3 --ok 0,1 -C "$work/g10k" -- "$tm" check --checks terms "$work/big.tsv")
	row "check TSV (10k glossary, terms)" "$c" "$w" "$m" "$(mbps "$size" "$c")"
else
	echo "check TSV: skipped (no TSV export)"
fi
# check on 19.8 MB of real news rows: ntrex-dev as en, ru, kk rows, each repetition in its own
# order with some translations varied (bench/ntrextsv.py), thousands of findings printed.
if [ -d "$corpora/ntrex-dev" ]; then
	python3 "$root/bench/ntrextsv.py" "$corpora/ntrex-dev" "$work/ntrex.tsv" 19.8
	size=$(wc -c <"$work/ntrex.tsv")
	read -r c w m < <($measure -n 3 --ok 0,1 -C "$root" -- "$tm" check --checks terms,numbers,untranslated,consistency,typography,endings "$work/ntrex.tsv")
	row "check ntrex TSV ($((size / 1000000)) MB, all but spelling)" "$c" "$w" "$m" "$(mbps "$size" "$c")"
	read -r c w m < <($measure -n 3 --ok 0,1 -C "$root" -- "$tm" check --checks terms "$work/ntrex.tsv")
	row "check ntrex TSV (house glossary, terms)" "$c" "$w" "$m" "$(mbps "$size" "$c")"
	read -r c w m < <($measure -n 3 --ok 0,1 -C "$work/g10k" -- "$tm" check --checks terms "$work/ntrex.tsv")
	row "check ntrex TSV (10k glossary, terms)" "$c" "$w" "$m" "$(mbps "$size" "$c")"
else
	echo "check ntrex TSV: skipped (no $corpora/ntrex-dev)"
fi
(cd "$root" && go test -run '^$' -bench . -benchtime 3x ./internal/check 2>/dev/null) |
	awk '/^Benchmark/ { printf "  go bench %-34s %s\n", $1, substr($0, index($0, $3)) }'

# 500 documents of NTREX news (bench/newsdocs.py), imported one text at a time (this takes minutes).
if [ -z "${BENCH_QUICK:-}" ] && [ -d "$corpora/ntrex-dev" ]; then
	(cd "$work" && "$tm" init ws500 >/dev/null 2>&1)
	cp "$root/glossary/"*.yaml "$work/ws500/glossary/"
	python3 "$root/bench/newsdocs.py" "$corpora" "$work/texts" 500
	for i in $(seq 1 500); do
		for l in en ru kk; do
			"$tm" -C "$work/ws500" import "d$i" "$l" "$work/texts/d$i.$l.txt" >/dev/null 2>&1
		done
	done
	read -r c w m < <($measure -n 1 --ok 0,1 -C "$work/ws500" -- "$tm" publish --force)
	row "500 documents: publish --force (first)" "$c" "$w" "$m"
	read -r c w m < <($measure -n 3 --ok 0,1 -C "$work/ws500" -- "$tm" publish --force)
	row "500 documents: publish --force (unchanged)" "$c" "$w" "$m"
	# One document changes (a sentence more in each language), then publish.
	for l in en ru kk; do
		cp "$work/texts/d250.$l.txt" "$work/one.$l.txt"
		printf '\n%s\n' "$(head -1 "$work/texts/d7.$l.txt" | sed 's/^# 7\. //')" >>"$work/one.$l.txt"
		"$tm" -C "$work/ws500" import --force d250 "$l" "$work/one.$l.txt" >/dev/null 2>&1
	done
	read -r c w m < <($measure -n 1 --ok 0,1 -C "$work/ws500" -- "$tm" publish --force)
	row "500 documents: publish --force (one changed)" "$c" "$w" "$m"
	rm -f "$work/ws500/.tilmash/status-cache"
	read -r c w m < <($measure -n 1 --ok 0,1 -C "$work/ws500" -- "$tm" status)
	row "500 documents: status (no cache)" "$c" "$w" "$m"
	read -r c w m < <($measure -n 5 --ok 0,1 -C "$work/ws500" -- "$tm" status)
	row "500 documents: status (cached)" "$c" "$w" "$m"
else
	echo "500 documents: skipped (BENCH_QUICK, or no $corpora/ntrex-dev)"
fi

if [ -n "${HUNALIGN:-}" ]; then
	echo
	"$root/bench/align.sh" 2000 10000 20000 50000 100000
fi
