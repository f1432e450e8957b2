#!/usr/bin/env bash
# ../shared/eval/score.py runs its aligner with --src-lang en for every pair; for the ru-kk sets of
# bench/editset.py the source side is Russian. This wrapper runs TILMASH with --src-lang ru
# instead, so that the pair is aligned as Russian-Kazakh:
#
#   python3 ../shared/eval/score.py OUT/held ru-kk presegmented "bench/ru-src.sh /tmp/tilmash"
set -euo pipefail
bin=$1
shift
args=("$@")
for i in "${!args[@]}"; do
	if [ "${args[$i]}" = --src-lang ] && [ $((i + 1)) -lt ${#args[@]} ]; then
		args[i + 1]=ru
	fi
done
exec "$bin" "${args[@]}"
