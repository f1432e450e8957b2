#!/usr/bin/env bash
# A newsroom's year of work in one workspace (session 14): DOCS short news documents in EN, RU and
# KK (default 2,000, 10-60 sentences each) and a glossary of ENTRIES made-up names (default 3,000)
# that they mention, from bench/newsroom.py; imported one text at a time, aligned 100 documents a
# command, nine documents in ten confirmed. Then the commands of an editor and a translator are
# timed: status (with and without its cache), align (20 documents again; one document after a
# group of d0010 was confirmed), check (one document, the workspace), show, export,
# the glossary commands, and serve's workspace page (first and again) and a document page.
#
# Usage: bench/newsroom.sh [DOCS [ENTRIES]]
# Environment: WORK=DIR keeps the workspace in DIR/ws (reused when it is there: building 2,000
# documents takes some 20 minutes on two loaded cores); TILMASH=PATH times that binary;
# DOC=ID the document of the one-document rows (default d0150); PORT for serve (default 18790).
# Needs ../shared/corpora (or SHARED=DIR) and GNU time; skips (exit 0) without them.
set -euo pipefail

root=$(cd "$(dirname "$0")/.." && pwd)
shared=${SHARED:-$root/../shared}
if [ ! -d "$shared" ] && common=$(git -C "$root" rev-parse --path-format=absolute --git-common-dir 2>/dev/null); then
	shared=$(dirname "$common")/../shared # a git worktree: beside the main checkout
fi
if [ ! -d "$shared/corpora/ntrex-dev" ]; then
	echo "bench/newsroom.sh: skipped: no $shared/corpora/ntrex-dev"
	exit 0
fi
if [ ! -x /usr/bin/time ]; then
	echo "bench/newsroom.sh: skipped: /usr/bin/time (GNU time) is needed for peak RSS"
	exit 0
fi
docs=${1:-2000}
entries=${2:-3000}
doc=${DOC:-d0150}
port=${PORT:-18790}

tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
work=${WORK:-$tmp}
mkdir -p "$work"
bin=${TILMASH:-}
if [ -z "$bin" ]; then
	echo "building tilmash"
	(cd "$root" && go build -tags urfave_cli_no_docs,netgo,osusergo -o "$tmp/tilmash" ./cmd/tilmash)
	bin=$tmp/tilmash
fi

# measure NAME CMD... prints wall and CPU seconds, peak MB and the lines written.
measure() {
	local name=$1 log=$tmp/time.log rc=0
	shift
	/usr/bin/time -v -o "$log" "$@" >"$tmp/out" 2>"$tmp/err" || rc=$?
	if [ $rc -gt 1 ]; then
		echo "failed ($rc): $*" >&2
		cat "$tmp/err" >&2
		return 1
	fi
	awk -F': ' -v name="$name" -v lines="$(wc -l <"$tmp/out")" '
		/Elapsed \(wall clock\)/ {n = split($2, a, ":"); w = 0; for (i = 1; i <= n; i++) w = w * 60 + a[i]}
		/User time/ {u = $2} /System time/ {s = $2}
		/Maximum resident set size/ {r = $2 / 1024}
		END {printf "%-40s %8.2f %8.2f %9.1f %9d\n", name, w, u + s, r, lines}' "$log"
}

ws=$work/ws
if [ ! -f "$ws/documents/$(printf 'd%04d' "$docs")/alignment.yaml" ]; then
	rm -rf "$ws"
	python3 "$root/bench/newsroom.py" "$shared/corpora" "$work/gen" "$docs" "$entries"
	"$bin" init "$ws" >/dev/null 2>&1
	cp "$work/gen/glossary/"*.yaml "$ws/glossary/"
	echo "importing $docs documents"
	for i in $(seq -f %04g 1 "$docs"); do
		for l in en ru kk; do
			"$bin" -C "$ws" import "d$i" "$l" "$work/gen/texts/d$i.$l.txt" >/dev/null 2>&1
		done
	done
	echo "aligning"
	for b in $(seq 0 100 $((docs - 1))); do
		"$bin" -C "$ws" align $(for k in $(seq $((b + 1)) $((b + 100 > docs ? docs : b + 100))); do printf 'd%04d ' "$k"; done) >/dev/null 2>&1 || true
	done
	echo "confirming"
	for i in $(seq -f %04g 1 "$docs"); do
		if [ $((10#$i % 10)) -ne 0 ]; then "$bin" -C "$ws" group confirm "d$i" all >/dev/null 2>&1 || true; fi
	done
fi
cd "$ws"
echo "$(ls documents | wc -l) documents, glossary $(cat glossary/*.yaml | grep -c '^  - id:') entries"
printf '%-40s %8s %8s %9s %9s\n' "command" "wall s" "cpu s" "peak MB" "lines"
measure "status" "$bin" status
measure "status (again)" "$bin" status
rm -f .tilmash/status-cache
measure "status (its cache removed)" "$bin" status
measure "status $doc" "$bin" status "$doc"
# align: a batch of documents aligned again, and one document after a person confirmed a group
# elsewhere (the lexicons are learned again); the confirmation is taken back after, and the
# lexicons learned for that (untimed) before the batch.
batch=$(for k in $(seq 1 $((docs < 20 ? docs : 20))); do printf 'd%04d ' "$k"; done)
"$bin" group unconfirm d0010 1 >/dev/null 2>&1 || true
"$bin" align "$doc" >/dev/null 2>&1 || true
measure "align (20 documents, again)" "$bin" align $batch
"$bin" group confirm d0010 1 >/dev/null 2>&1 || true
measure "align $doc (after a confirmation)" "$bin" align "$doc"
"$bin" group unconfirm d0010 1 >/dev/null 2>&1 || true
measure "check $doc (every check)" "$bin" check "$doc"
measure "check $doc (all but spelling)" "$bin" check --checks terms,numbers,untranslated,consistency,typography,endings "$doc"
measure "check (workspace, all but spelling)" "$bin" check --checks terms,numbers,untranslated,consistency,typography,endings
measure "check (workspace, terms)" "$bin" check --checks terms
measure "show $doc" "$bin" show "$doc"
measure "export $doc --format tmx" "$bin" export "$doc" --format tmx --force
measure "glossary list" "$bin" glossary list
measure "glossary show n01234" "$bin" glossary show n01234
measure "glossary lint" "$bin" glossary lint

# serve: the server's CPU time for each page (curl's wall time beside it).
"$bin" serve --addr "127.0.0.1:$port" >"$tmp/serve.log" 2>&1 &
pid=$!
for _ in $(seq 50); do curl -s -o /dev/null "http://127.0.0.1:$port/static/workbench.css" && break; sleep 0.1; done
cpu() { awk '{printf "%.2f", ($14 + $15) / 100}' "/proc/$pid/stat"; }
page() {
	local c0 w
	c0=$(cpu)
	w=$(curl -s -o "$tmp/page" -w '%{time_total}' "http://127.0.0.1:$port$2")
	printf '%-40s %8.2f %8.2f %9s %9s\n' "$1" "$w" "$(echo "$(cpu) - $c0" | bc)" "" "$(($(wc -c <"$tmp/page") / 1024)) KiB"
}
page "serve: workspace page (first)" /
page "serve: workspace page (again)" /
page "serve: document page $doc" "/doc/$doc"
page "serve: findings page $doc" "/doc/$doc/findings"
page "serve: glossary page" /glossary
echo "serve: peak $(awk '/VmHWM/ {printf "%.1f MB", $2 / 1024}' "/proc/$pid/status")"
kill "$pid"
