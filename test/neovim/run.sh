#!/bin/sh
# Checks that Neovim shows the same number of diagnostics as the CLI on a copy of the reference list.
# Needs nvim (0.7.2 or later) and a built dist/ (npm run build). Not part of npm test.
set -eu
repo=$(cd "$(dirname "$0")/../.." && pwd)
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
cp "$repo/test/fixtures/alignment-survey.md" "$tmp/alignment-survey.md"
cd "$tmp"
cli=$(node "$repo/dist/cli.js" lint --format json alignment-survey.md | node -e 'let s="";process.stdin.on("data",d=>s+=d).on("end",()=>console.log(JSON.parse(s).length))') || true
nvim_out=$(nvim --headless --noplugin -u "$repo/docs/neovim/init.lua" -c "luafile $repo/test/neovim/check.lua" alignment-survey.md 2>/dev/null)
echo "cli diagnostics: $cli"
echo "$nvim_out"
count=$(echo "$nvim_out" | sed -n 's/^neovim diagnostics: \([0-9]*\).*/\1/p')
if [ "$count" = "$cli" ]; then echo "same count"; else echo "counts differ"; exit 1; fi
