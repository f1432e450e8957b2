#!/usr/bin/env bash
# Conformance of tilmash's exports with the formats' official schemas and
# with Translate Toolkit.
#
# Usage (from the repository root):  bash .ci/conformance.sh PATH/TO/tilmash
#
# It copies the sample workspace (tilmash.yaml, documents/, glossary/) to a
# temporary folder, aligns the documents that have no alignment yet, and
# exports every document in every format (with --force: this checks the
# formats, not the content) and the glossary in every term base format.
# Then it checks:
#   - TMX against the TMX 1.4 DTD and XSD, XLIFF 2.0 and 1.2 against their
#     XSDs, TBX v3 against TBXcoreStructV03.rng, TBX 2 against OmegaT's
#     martif XSD, with xmllint (skipped when ../shared/schemas is absent);
#   - that the HTML pages are well-formed;
#   - that Translate Toolkit reads the TMX and the XLIFF 1.2 with as many
#     units as tilmash reports groups (tilmash status --format json), and
#     the TBX 2 with as many terms as the glossary YAML has entries and
#     tilmash reports writing;
#   - that a TMX survives import-tmx and export byte for byte.
# It prints one line per check and exits 1 if any failed.
set -uo pipefail

bin=${1:?usage: bash .ci/conformance.sh PATH/TO/tilmash}
case $bin in /*) ;; *) bin=$PWD/$bin ;; esac
[ -x "$bin" ] || { echo "conformance: $bin is not an executable" >&2; exit 2; }
root=$PWD
schemas=$root/../shared/schemas
[ -f tilmash.yaml ] || { echo "conformance: run from the repository root (no tilmash.yaml here)" >&2; exit 2; }

fails=0 passes=0 skips=0
ok()   { passes=$((passes + 1)); printf 'ok    %s\n' "$*"; }
fail() { fails=$((fails + 1)); printf 'FAIL  %s\n' "$*"; }
skip() { skips=$((skips + 1)); printf 'skip  %s\n' "$*"; }

tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
ws=$tmp/ws out=$tmp/out
mkdir -p "$ws" "$out"
cp -R tilmash.yaml documents glossary "$ws"/
export TILMASH_LANG=en NO_COLOR=1 SOURCE_DATE_EPOCH=1564617600
unset TILMASH_WORKSPACE
t() { "$bin" -C "$ws" "$@"; }

have_schemas=1
[ -d "$schemas" ] || { have_schemas=0; skip "schema checks: $schemas not found"; }
have_xmllint=1
command -v xmllint >/dev/null || { have_xmllint=0; fail "xmllint not installed (apt-get install libxml2-utils)"; }
python=
for p in /usr/bin/python3 python3; do
  if "$p" -c 'import translate.storage.tmx' 2>/dev/null; then python=$p; break; fi
done
[ -n "$python" ] || fail "Translate Toolkit not installed (apt-get install translate-toolkit)"

# lint FILE ARGS... validates FILE with xmllint.
lint() {
  local file=$1; shift
  local msg
  if msg=$(xmllint --noout --nonet "$@" "$file" 2>&1); then
    ok "$(basename "$file"): xmllint $1 $(basename "${2:-}")"
  else
    fail "$(basename "$file"): xmllint $* — $(printf '%s' "$msg" | head -3 | tr '\n' ' ')"
  fi
}

# tt KIND FILE prints the number of units Translate Toolkit reads.
tt() {
  "$python" - "$1" "$2" <<'PY'
import sys
from translate.storage import tmx, xliff, tbx
kind, path = sys.argv[1], sys.argv[2]
cls = {"tmx": tmx.tmxfile, "xliff": xliff.xlifffile, "tbx": tbx.tbxfile}[kind]
with open(path, "rb") as f:
    store = cls(f)
print(len(store.units))
PY
}

# --- documents ---
docs=$(t status --format json | "${python:-python3}" -c 'import json,sys; print(" ".join(d["id"] for d in json.load(sys.stdin)["documents"]))' 2>/dev/null)
[ -n "$docs" ] || { fail "tilmash status --format json lists no documents"; docs=; }
langs=$(t status --format json | "${python:-python3}" -c 'import json,sys; print(" ".join(json.load(sys.stdin)["languages"]))' 2>/dev/null)
source=$(sed -n 's/^source: *\([a-z]*\).*/\1/p' "$ws/tilmash.yaml")

for doc in $docs; do
  if [ ! -f "$ws/documents/$doc/alignment.yaml" ]; then
    if t align "$doc" >/dev/null 2>"$tmp/err"; then ok "$doc: aligned"; else fail "$doc: no alignment, and tilmash align failed: $(head -1 "$tmp/err")"; continue; fi
  fi
  groups=$(t status --format json "$doc" | "${python:-python3}" -c 'import json,sys; a=json.load(sys.stdin)["documents"][0]["alignment"]; print(a["groups"] if a else 0)')
  if [ "${groups:-0}" -eq 0 ]; then fail "$doc: no aligned groups"; continue; fi
  for f in tmx html md csv tsv jsonl; do
    if t export "$doc" --format "$f" --force -o "$out/" 2>"$tmp/err"; then ok "$doc: export $f"; else fail "$doc: export $f: $(grep -v warning "$tmp/err" | head -1)"; fi
  done
  for f in xliff xliff12; do
    if t export "$doc" --format "$f" --force -o "$out/" 2>"$tmp/err"; then ok "$doc: export $f (one file per pair)"; else fail "$doc: export $f: $(grep -v warning "$tmp/err" | head -1)"; fi
  done
  for l in $langs; do
    for f in md html txt; do
      if t export "$doc" --lang "$l" --format "$f" --force -o "$out/" 2>"$tmp/err" && [ -s "$out/$doc.$l.$f" ]; then
        ok "$doc: export --lang $l --format $f"
      else
        fail "$doc: export --lang $l --format $f: $(grep -v warning "$tmp/err" | head -1)"
      fi
    done
  done

  # Schemas.
  if [ $have_xmllint = 1 ] && [ $have_schemas = 1 ]; then
    cp "$schemas/omegat-tmx14.dtd" "$out/tmx14.dtd"
    lint "$out/$doc.tmx" --valid
    lint "$out/$doc.tmx" --schema "$schemas/omegat-tmx14.xsd"
    # The group-level TMX (--units groups) as well as the sentence cut.
    mkdir -p "$out/groups"
    if t export "$doc" --format tmx --units groups --force -o "$out/groups/$doc.tmx" 2>"$tmp/err"; then
      cp "$schemas/omegat-tmx14.dtd" "$out/groups/tmx14.dtd"
      lint "$out/groups/$doc.tmx" --valid
      lint "$out/groups/$doc.tmx" --schema "$schemas/omegat-tmx14.xsd"
    else
      fail "$doc: export tmx --units groups: $(grep -v warning "$tmp/err" | head -1)"
    fi
    for x in "$out/$doc".*.xlf; do lint "$x" --schema "$schemas/xliff21/xliff-21/schemas/xliff_core_2.0.xsd"; done
    for x in "$out/$doc".*.xliff; do lint "$x" --schema "$schemas/xliff12/xliff-core-1.2-strict.xsd"; done
  fi
  if [ $have_xmllint = 1 ]; then
    for h in "$out/$doc.html" "$out/$doc".*.html; do
      if xmllint --noout --nonet "$h" 2>/dev/null; then ok "$(basename "$h"): well-formed"; else fail "$(basename "$h"): not well-formed"; fi
    done
  fi

  # Translate Toolkit reads what tilmash wrote, unit for group.
  if [ -n "$python" ]; then
    # The sentence cut: a unit a group, then one a source sentence of
    # each group of several (the units with x-cut or x-partial).
    units=$(grep -c '<tu tuid=' "$out/$doc.tmx")
    cut=$(grep -c '<tu tuid="[0-9]*\.[0-9]*">' "$out/$doc.tmx")
    n=$(tt tmx "$out/$doc.tmx" 2>&1)
    if [ "$n" = "$units" ] && [ $((units - cut)) = "$groups" ]; then ok "$doc.tmx: Translate Toolkit reads $n units = $groups groups + $cut sentence units"; else fail "$doc.tmx: Translate Toolkit reads '$n' units, the file has $units ($cut sentence units), tilmash has $groups groups"; fi
    if [ -f "$out/groups/$doc.tmx" ]; then
      n=$(tt tmx "$out/groups/$doc.tmx" 2>&1)
      if [ "$n" = "$groups" ]; then ok "groups/$doc.tmx: Translate Toolkit reads $n units = $groups groups"; else fail "groups/$doc.tmx: Translate Toolkit reads '$n' units, tilmash has $groups groups"; fi
    fi
    for x in "$out/$doc".*.xliff; do
      n=$(tt xliff "$x" 2>&1)
      if [ "$n" = "$groups" ]; then ok "$(basename "$x"): Translate Toolkit reads $n units = $groups groups"; else fail "$(basename "$x"): Translate Toolkit reads '$n' units, tilmash has $groups groups"; fi
    done
  fi

  # The TMX survives import-tmx and export unchanged.
  rt=$tmp/rt-$doc
  if "$bin" init "$rt" >/dev/null 2>&1 && cp -R "$ws/tilmash.yaml" "$ws/glossary" "$rt/" &&
     "$bin" -C "$rt" import-tmx "$out/$doc.tmx" "$doc" >/dev/null 2>"$tmp/err" &&
     "$bin" -C "$rt" export "$doc" --format tmx --force -o "$tmp/$doc.again.tmx" 2>/dev/null &&
     cmp -s "$out/$doc.tmx" "$tmp/$doc.again.tmx"; then
    ok "$doc.tmx: import-tmx then export gives the same file"
  else
    fail "$doc.tmx: the TMX round trip changed the file $(head -1 "$tmp/err" 2>/dev/null)"
  fi
done

# --- glossary ---
entries=$(cat "$ws"/glossary/*.yaml 2>/dev/null | grep -cE '^[[:space:]]*- id:')
if [ "${entries:-0}" -gt 0 ]; then
  for f in tbx tbx2; do
    if t glossary export --format "$f" -o "$out/glossary.$f.tbx" 2>"$tmp/err"; then
      wrote=$(sed -n 's/.*wrote .* (\([0-9]*\) entr.*/\1/p' "$tmp/err")
      if [ "$wrote" = "$entries" ]; then ok "glossary export $f: $wrote entries = $entries in the YAML"; else fail "glossary export $f: wrote '$wrote' entries, the YAML has $entries"; fi
    else
      fail "glossary export $f: $(head -1 "$tmp/err")"
    fi
  done
  pair="$source,$(for l in $langs; do [ "$l" != "$source" ] && { echo "$l"; break; }; done)"
  for f in csv tsv; do
    if t glossary export --format "$f" --langs "$pair" -o "$out/glossary.$f" 2>"$tmp/err"; then
      rows=$(grep -cv '^#' "$out/glossary.$f")
      if [ "$rows" = "$entries" ]; then ok "glossary export $f ($pair): $rows rows = $entries entries"; else fail "glossary export $f: $rows rows, the YAML has $entries entries"; fi
    else
      fail "glossary export $f: $(head -1 "$tmp/err")"
    fi
  done
  if [ $have_xmllint = 1 ] && [ $have_schemas = 1 ]; then
    lint "$out/glossary.tbx.tbx" --relaxng "$schemas/tbx/TBXcoreStructV03.rng"
    lint "$out/glossary.tbx2.tbx" --schema "$schemas/omegat-tbx.xsd"
  fi
  if [ -n "$python" ]; then
    n=$(tt tbx "$out/glossary.tbx2.tbx" 2>&1)
    if [ "$n" = "$entries" ]; then ok "glossary.tbx2.tbx: Translate Toolkit reads $n terms = $entries entries"; else fail "glossary.tbx2.tbx: Translate Toolkit reads '$n' terms, the glossary has $entries entries"; fi
  fi
  # Round trip: TBX → glossary import → TBX.
  gw=$tmp/gw
  if "$bin" init "$gw" >/dev/null 2>&1 && cp "$ws/tilmash.yaml" "$gw/" &&
     "$bin" -C "$gw" glossary import "$out/glossary.tbx.tbx" -o "$gw/glossary/imported.yaml" >/dev/null 2>"$tmp/err" &&
     "$bin" -C "$gw" glossary export --format tbx -o "$tmp/glossary.again.tbx" 2>/dev/null &&
     cmp -s "$out/glossary.tbx.tbx" "$tmp/glossary.again.tbx"; then
    ok "glossary.tbx: glossary import then export gives the same file"
  else
    fail "glossary.tbx: the TBX round trip changed the file $(head -1 "$tmp/err" 2>/dev/null)"
  fi
else
  skip "glossary: no entries in glossary/"
fi

printf '\nconformance: %d passed, %d failed, %d skipped\n' "$passes" "$fails" "$skips"
[ "$fails" -eq 0 ]
