# shellcheck shell=bash disable=SC2154,SC2034 # root comes from the benchmark; work, connect and the ports are for it
# Sourced by the benchmarks: starts the standalone emulator on two free loopback ports with the options
# given (as "$@"), waits for it, adds environment Bench to a throw-away ENTRA_SHELL_HOME and sets
#   work     a temporary folder (removed on exit, the emulator stopped)
#   connect  the connect line for the demo app's certificate
# Needs root (the clone) set.
work=$(mktemp -d)
trap 'kill $emulator_pid 2>/dev/null || true; rm -rf "$work"' EXIT

"$root/entra-shell" --version >/dev/null # builds when needed
login_port=$((20000 + RANDOM % 10000)); graph_port=$((login_port + 1))
java -jar "$root/emulator/target/entra-emulator.jar" --state "$work/state" "$@" \
  --login-port "$login_port" --graph-port "$graph_port" >"$work/emulator.log" 2>&1 &
emulator_pid=$!
for _ in $(seq 1 120); do grep -q "Graph" "$work/emulator.log" 2>/dev/null && [ -f "$work/state/ca.pem" ] && break; sleep 0.5; done

export ENTRA_SHELL_HOME="$work/home"
tenant=$(grep 'Tenant id' "$work/emulator.log" | grep -o '[0-9a-f-]\{36\}' | head -1)
client=$(grep 'Client id' "$work/emulator.log" | grep -o '[0-9a-f-]\{36\}' | head -1)
connect="connect --environment Bench --tenant-id $tenant --client-id $client --certificate $work/state/demo-app.pem --no-welcome"
"$root/entra-shell" -c "environment add Bench --login-endpoint https://127.0.0.1:$login_port --graph-endpoint https://127.0.0.1:$graph_port --ca-file $work/state/ca.pem" >/dev/null 2>&1
