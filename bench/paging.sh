#!/usr/bin/env bash
# Paging benchmark (issue 4): 100,000 users with --all --output csv --out FILE, and the shell's
# per-request overhead against a plain java.net.http client with the same token.
# Usage: bench/paging.sh [USERS] [REQUESTS]   (defaults 100000 and 200). Figures go to BENCHMARKS.md by hand.
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
users=${1:-100000}
requests=${2:-200}
# shellcheck source=bench/emulator.sh
. "$root/bench/emulator.sh" --users "$users"

echo "== paging $users users to CSV"
/usr/bin/time -f "%e s wall, %M KB peak RSS" -o "$work/time.txt" \
  "$root/entra-shell" -c "$connect" -c "get /users --all --top 999 --output csv --out $work/users.csv" 2>"$work/paging.err"
cat "$work/time.txt"
rows=$(($(wc -l < "$work/users.csv") - 1))
wall=$(cut -d' ' -f1 "$work/time.txt")
echo "$rows rows; $(awk -v r="$rows" -v w="$wall" 'BEGIN { printf "%.0f", r / w }') items/s (including start-up and sign-in)"

echo "== per-request overhead, $requests x GET /v1.0/organization"
"$root/entra-shell" -c "$connect" -c "token --raw" 2>/dev/null > "$work/token.txt"
plain=$(java "$root/bench/PlainClient.java" "https://127.0.0.1:$graph_port/v1.0/organization" "$work/token.txt" "$work/state/ca.pem" "$requests")
lines() { printf '%s\n' "$connect"; for _ in $(seq 1 "$1"); do echo "get /organization --output none"; done; }
time_of() { local s e; s=$(date +%s%N); lines "$1" | "$root/entra-shell" >/dev/null; e=$(date +%s%N); echo $(( (e - s) / 1000000 )); }
time_of 20 >/dev/null   # warm the page cache and the CDS archive
base=$(time_of 20); full=$(time_of $((requests + 20)))
shell=$(awk -v a="$base" -v b="$full" -v n="$requests" 'BEGIN { printf "%.2f", (b - a) / n }')
echo "plain java.net.http: $plain ms/request; entra-shell: $shell ms/request"
awk -v p="$plain" -v s="$shell" 'BEGIN { printf "overhead: %+.0f%%\n", (s - p) / p * 100 }'
