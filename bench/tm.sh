#!/usr/bin/env bash
# Translation memory benchmarks (issue 15): the shared corpora plus synthetic groups made of their
# words, up to GROUPS groups (default 1,000,000), in the embedded SQLite store.
#   build   — a rebuild from scratch, written to a new file (no journal) that replaces the
#             memory: groups/s (target ≥ 50,000)
#   search  — concordance, names and words in en/ru/kk: median ms (target < 50)
#   lookup  — fuzzy look-up of edited corpus sentences: sentences/s (target ≥ 500)
#   quality — every corpus sentence edited (a word replaced, two words swapped, a number
#             changed): the original on top, top-% (target ≥ 98); tatoeba sentences, in no
#             memory: no match ≥ 70%, no-match-% (target ≥ 99)
#   update  — one document of DOCS (default 10,000) changed, then tm update: ms/op (target < 200)
# Each runs in its own process under GNU time for the peak RSS (target < 300 MB). Besides the
# wall clock, each reports the CPU time it used (cpu-…): on a machine shared with other work the
# wall clock measures the other work too.
# Usage: bench/tm.sh [GROUPS [DOCS]]. Needs ../shared/corpora; skips (exit 0) without it.
set -euo pipefail

root=$(cd "$(dirname "$0")/.." && pwd)
groups=${1:-1000000}
docs=${2:-10000}
shared=${SHARED:-$root/../shared}
if [ ! -d "$shared" ] && common=$(git -C "$root" rev-parse --path-format=absolute --git-common-dir 2>/dev/null); then
	shared=$(dirname "$common")/../shared # a git worktree: beside the main checkout
fi
if [ ! -d "$shared/corpora" ]; then
	echo "bench/tm.sh: skipped: no ../shared/corpora beside the repository"
	exit 0
fi
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
(cd "$root" && go test -c -o "$tmp/tm.test" ./internal/tm) # from any directory
cd "$root/internal/tm"
run() {
	local name=$1
	shift
	echo "== $name"
	if [ -x /usr/bin/time ]; then
		/usr/bin/time -f "peak RSS %M KB, %e s wall" "$tmp/tm.test" -test.run '^$' "$@" 2>&1 | grep -E '^Benchmark|peak RSS|FAIL|SKIP'
	else
		"$tmp/tm.test" -test.run '^$' "$@" 2>&1 | grep -E '^Benchmark|FAIL|SKIP'
	fi
}
# The build keeps its memory for the query benchmarks.
export TILMASH_TM_BENCH_GROUPS=$groups TILMASH_TM_BENCH_DOCS=$docs TILMASH_TM_BENCH_DB=$tmp/memory.sqlite
# The test binary's temporary folders go into $tmp too, not into /dev/shm (testenv.RunInMemory):
# the build renames its memory to TILMASH_TM_BENCH_DB, which fails across file systems, and a
# memory is measured where tilmash keeps one, on the disk.
export TMPDIR=$tmp
run "build ($groups groups)" -test.bench 'Build$' -test.benchtime 1x
run "search and lookup ($groups groups, the memory the build made)" -test.bench '^Benchmark(Search|Lookup)$' -test.benchtime 1000x
run "look-up quality ($groups groups): edited corpus sentences, original on top (top-%); new sentences, no match ≥ 70% (no-match-%)" -test.bench 'LookupQuality' -test.benchtime 1x
run "update after one document changed ($docs documents)" -test.bench 'UpdateOneDocument' -test.benchtime 20x
