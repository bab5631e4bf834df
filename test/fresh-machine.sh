#!/usr/bin/env bash
# Proves README's two commands on a fresh machine that has only Node 20 and npm.
# Not part of `npm test` or CI (it installs every dependency from the registry: minutes).
#
#   bash test/fresh-machine.sh [--full] [REF]
#
# 1. Clones this repository at REF (default HEAD) into a temporary directory.
# 2. Puts a directory holding only an old Node (NODE20, default /usr/bin/node) and its npm
#    first on PATH, and drops from PATH every directory that has another `node`.
# 3. `npm install`, then `npm run dev`: waits for the dev server and fetches a chapter page.
# 4. `npm test`: a subset (one unit file, the built-site checks and one browser suite) unless
#    --full, with E2E_PACKAGED_CHROMIUM=1 so the browser is the one the @sparticuz/chromium
#    devDependency ships (what a machine without a system Chromium gets).
# Exits non-zero on the first failure; removes the clone and stops the dev server on exit.
set -euo pipefail
full=0; ref=HEAD
for a in "$@"; do case "$a" in --full) full=1 ;; *) ref="$a" ;; esac; done

repo="$(cd "$(dirname "$0")/.." && pwd)"
node20="${NODE20:-/usr/bin/node}"
npm_cli="$(dirname "$(readlink -f "$node20")")/../lib/node_modules/npm/bin/npm-cli.js"
[ -x "$node20" ] || { echo "fresh: no old node at $node20 (set NODE20)"; exit 2; }
[ -f "$npm_cli" ] || { echo "fresh: no npm beside $node20"; exit 2; }

work="$(mktemp -d /tmp/fresh-machine.XXXXXX)"
dev_pid=""
cleanup() {
  if [ -n "$dev_pid" ]; then kill -- "-$dev_pid" 2>/dev/null || kill "$dev_pid" 2>/dev/null || true; fi
  rm -rf "$work"
}
trap cleanup EXIT

# A bin directory with only the old node and its npm/npx.
mkdir -p "$work/bin"
ln -s "$node20" "$work/bin/node"
printf '#!/bin/sh\nexec "%s" "%s" "$@"\n' "$node20" "$npm_cli" > "$work/bin/npm"
printf '#!/bin/sh\nexec "%s" "%s" "$@"\n' "$node20" "${npm_cli%npm-cli.js}npx-cli.js" > "$work/bin/npx"
chmod +x "$work/bin/npm" "$work/bin/npx"
path="$work/bin"
IFS=: read -ra dirs <<< "$PATH"
real20="$(readlink -f "$node20")"
for d in "${dirs[@]}"; do
  if [ -e "$d/node" ] && [ "$(readlink -f "$d/node")" != "$real20" ]; then continue; fi
  path="$path:$d"
done
export PATH="$path"
hash -r
echo "fresh: PATH node is $(command -v node) $(node --version), npm $(npm --version)"
case "$(node --version)" in v20.*) ;; *) echo "fresh: expected Node 20 first on PATH"; exit 1 ;; esac

git clone --quiet "$repo" "$work/site"
git -C "$work/site" checkout --quiet "$ref"
cd "$work/site"
unset CHROMIUM_PATH

echo "fresh: npm install"
t0=$SECONDS
npm install --no-audit --no-fund
echo "fresh: npm install took $((SECONDS - t0)) s; project node: $(npx --no-install node --version)"

echo "fresh: npm run dev"
port=$((4400 + RANDOM % 500))
setsid npm run dev -- --port "$port" > "$work/dev.log" 2>&1 &
dev_pid=$!
url="http://localhost:$port/backpropagation/"
for _ in $(seq 1 120); do
  if curl -fsS "$url" -o "$work/page.html" 2>/dev/null; then break; fi
  sleep 1
done
if ! grep -q '<h1' "$work/page.html" 2>/dev/null; then
  echo "fresh: the dev server did not serve $url"; cat "$work/dev.log"; exit 1
fi
echo "fresh: dev server served $url ($(wc -c < "$work/page.html") bytes)"
kill -- "-$dev_pid" 2>/dev/null || true; wait "$dev_pid" 2>/dev/null || true; dev_pid=""

echo "fresh: npm test"
export E2E_PACKAGED_CHROMIUM=1
if [ "$full" = 1 ]; then
  npm test
else
  npm test -- test/nn/train.test.ts test/build/site.test.ts test/e2e/search.test.ts test/e2e/exercise.test.ts
fi
echo "fresh: passed"
