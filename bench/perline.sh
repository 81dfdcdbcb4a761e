#!/usr/bin/env bash
# Per piped line (issue 11 part 3): what one piped `get /organization --output none` line costs against
# one request of a plain java.net.http client (bench/PlainClient.java) with the same token, to the same
# emulator. Side by side, interleaved round by round (the machine is shared: each round sees the same
# noise); prints each round and the medians. Figures go to BENCHMARKS.md by hand.
# Usage: bench/perline.sh [REQUESTS] [ROUNDS] [OTHER_JAR]   (defaults 500 and 5)
# OTHER_JAR: the shell jar of another build (such as the one before a change, with its lib/ beside it),
# measured the same way in the same rounds, started as the launcher starts java but without its archive
# (start-up cancels out). ENTRA_SHELL_JAVA_OPTS passes through to both (to try JVM flags without editing
# the launcher).
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
requests=${1:-500}
rounds=${2:-5}
other=${3:-}
# shellcheck source=bench/emulator.sh
. "$root/bench/emulator.sh" --quiet
"$root/entra-shell" -c "$connect" -c "token --raw" 2>/dev/null >"$work/token.txt"

url="https://127.0.0.1:$graph_port/v1.0/organization"
lines() { printf '%s\n' "$connect"; for _ in $(seq 1 "$1"); do echo "get /organization --output none"; done; }
lines 20 >"$work/base.txt"
lines $((requests + 20)) >"$work/full.txt"
options=$(sed -n 's/^options="\(.*\)"$/\1/p' "$root/shell/src/dist/lib/launch.sh")
# shellcheck disable=SC2086 # several options in one variable
run_shell() { "$root/entra-shell"; }
# shellcheck disable=SC2086
run_other() { java $options ${ENTRA_SHELL_JAVA_OPTS:-} -jar "$other"; }
ms_of() { local s e; s=$(date +%s%N); "$1" <"$2" >/dev/null; e=$(date +%s%N); echo $(((e - s) / 1000000)); }
# start-up and sign-in cancel out: a 20-line run is taken from a run of REQUESTS more lines
per_line() { local base full; base=$(ms_of "$1" "$work/base.txt"); full=$(ms_of "$1" "$work/full.txt"); awk -v a="$base" -v b="$full" -v n="$requests" 'BEGIN { printf "%.2f", (b - a) / n }'; }
ms_of run_shell "$work/base.txt" >/dev/null # warm the page cache and the start-up archive

echo "uptime: $(uptime)"
echo "round, plain ms/request, shell ms/line, ratio${other:+, other ms/line, ratio}"
for round in $(seq 1 "$rounds"); do
  plain=$(java "$root/bench/PlainClient.java" "$url" "$work/token.txt" "$work/state/ca.pem" "$requests")
  shell=$(per_line run_shell)
  row="$round $plain $shell $(awk -v p="$plain" -v s="$shell" 'BEGIN { printf "%.2f", s / p }')"
  if [ -n "$other" ]; then
    other_ms=$(per_line run_other)
    row="$row $other_ms $(awk -v p="$plain" -v s="$other_ms" 'BEGIN { printf "%.2f", s / p }')"
  fi
  echo "$row" | tee -a "$work/rounds.txt"
done
median() { sort -g | awk '{ v[NR] = $1 } END { print (NR % 2 ? v[(NR + 1) / 2] : (v[NR / 2] + v[NR / 2 + 1]) / 2) }'; }
range() { sort -g | awk 'NR == 1 { lo = $1 } { hi = $1 } END { print lo "-" hi }'; }
names=(round plain shell ratio other other-ratio)
for column in $(seq 2 "$(head -1 "$work/rounds.txt" | wc -w)"); do
  echo "median ${names[$((column - 1))]}: $(cut -d' ' -f"$column" "$work/rounds.txt" | median) ($(cut -d' ' -f"$column" "$work/rounds.txt" | range))"
done
echo "uptime: $(uptime)"
