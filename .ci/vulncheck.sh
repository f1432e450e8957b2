#!/usr/bin/env bash
# govulncheck with an offline database. CI reaches only the Go module proxy,
# so the Go vulnerability database comes from the golang.org/x/vulndb module
# (its data/osv folder) and is indexed locally with that module's indexdb.
# A vulnerability in a module we require that our code calls fails the run;
# one in the standard library is reported with the Go release that fixes it
# (.ci/run builds with go.mod's toolchain, which has those fixes; a machine
# that builds with an older Go of its own sees them here: see README).
set -euo pipefail
cd "$(dirname "$0")/.."

vulndb=golang.org/x/vulndb@v0.0.0-20261105234957-e22db6528018
vuln=golang.org/x/vuln/cmd/govulncheck@v1.9.0
cache=${XDG_CACHE_HOME:-$HOME/.cache}/tilmash-vulndb/${vulndb##*@}

gobin=$(go env GOPATH)/bin/$(go env GOVERSION) # one built by another Go cannot read this one's library
[ -x "$gobin/govulncheck" ] || GOBIN=$gobin go install "$vuln"
if [ ! -f "$cache/index/db.json" ]; then
  src=$(go mod download -json "$vulndb" | python3 -c 'import json,sys; print(json.load(sys.stdin)["Dir"])')
  rm -rf "$cache.tmp"
  go run "golang.org/x/vulndb/cmd/indexdb@${vulndb##*@}" -vulns "$src/data/osv" -out "$cache.tmp"
  rm -rf "$cache"; mv "$cache.tmp" "$cache"
fi

out=$(mktemp)
trap 'rm -f "$out"' EXIT
"$gobin/govulncheck" -db "file://$cache" -format json ./... >"$out"
python3 - "$out" <<'PY'
import json, sys
dec, text, pos, found = json.JSONDecoder(), open(sys.argv[1]).read(), 0, {}
while True:
    while pos < len(text) and text[pos].isspace():
        pos += 1
    if pos >= len(text):
        break
    obj, pos = dec.raw_decode(text, pos)
    f = obj.get("finding")
    if not f or not f.get("trace") or "function" not in f["trace"][0]:
        continue  # only findings whose vulnerable function our code calls
    top = f["trace"][0]
    found[f["osv"]] = (top.get("module", "?"), f.get("fixed_version", "?"), top.get("package", ""))
bad = {k: v for k, v in found.items() if v[0] != "stdlib"}
for k, (mod, fix, pkg) in sorted(found.items()):
    kind = "FAIL" if k in bad else "note (standard library: needs a newer Go than the machine's)"
    print(f"govulncheck: {k} in {mod} {pkg}, fixed in {fix}: {kind}")
print(f"govulncheck: {len(bad)} called vulnerabilities in required modules, {len(found) - len(bad)} in the standard library")
sys.exit(1 if bad else 0)
PY
