#!/usr/bin/env bash
# Golden-output tests of the receiver and the native sender over 127.0.0.1.
#
#   run-tests.sh OUT_DIR          run every case against OUT_DIR's programs
#   UPDATE_GOLDEN=1 run-tests.sh  rewrite the golden files from this run
#   RECEIVER_CMD="wasmer run --net m.wasmu --" RECEIVER_RUNTIME=wasmer \
#       run-tests.sh OUT_DIR      the same cases with another receiver
#                                 command (words split on blanks), whose
#                                 ready line must name RECEIVER_RUNTIME
#   IDLE_S=35 run-tests.sh OUT_DIR   also a case that idles IDLE_S seconds
#
# Each case starts a receiver, reads its ready line for the port, runs one
# or two sender processes, tells the receiver to exit and compares what both
# printed with test/golden/<case>.*, after normalize() has replaced the
# values that change from run to run (ports, pids, times, thread ids, rtt
# buckets). Checks that golden files cannot express (distinct thread ids,
# rtt counts that add up, times in order) are made on the raw output.
# Every process runs under `timeout`, so a hang fails a case, not the run.
set -uo pipefail

out_dir=${1:?usage: run-tests.sh OUT_DIR}
here=$(cd "$(dirname "$0")" && pwd)
golden="$here/golden"
if [ -n "${RECEIVER_CMD:-}" ]; then
    read -ra receiver <<<"$RECEIVER_CMD"
else
    receiver=("$out_dir/netscale-receiver")
fi
runtime=${RECEIVER_RUNTIME:-native}
sender="$out_dir/netscale-sender"
limit_s=30
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

passed=0
failed=0
case_name=""
case_ok=1

fail() {
    echo "    FAIL: $*"
    case_ok=0
}

begin_case() {
    case_name=$1
    case_ok=1
    mkdir -p "$work/$case_name"
}

end_case() {
    if [ "$case_ok" = 1 ]; then
        passed=$((passed + 1))
        echo "ok   $case_name"
    else
        failed=$((failed + 1))
        echo "FAIL $case_name (logs below)"
        for f in "$work/$case_name"/*; do
            echo "---- $(basename "$f")"
            sed 's/^/    /' "$f"
        done
    fi
}

# Masks values that differ between runs. With "ids", connection ids too:
# faults hit whichever connection was accepted first.
normalize() {
    local mask_ids=${1:-}
    sed -E 's/ (port|pid|ns|thread|first-ns|last-ns)=[0-9]+/ \1=#/g
            s/ (cpus|active)=[0-9,-]+/ \1=#/
            s/^(ready .* runtime=)[a-z-]+/\1#/
            s/ (start-ns|end-ns|cpu-user-us|cpu-sys-us)=[0-9]+/ \1=#/g
            s/^(rtt id=[0-9]+ unit=ns) .*/\1 .../' |
        if [ -n "$mask_ids" ]; then
            sed -E 's/^(conn|rtt|error) id=[0-9]+/\1 id=#/'
        else
            cat
        fi |
        # Connections finish in any order: sort each run of error lines,
        # and each run of conn and rtt records (conn first), by id; keep
        # every other line where it was.
        awk -v OFS='\t' '
            $1 == "conn" || $1 == "rtt" || $1 == "error" {
                group = $1 == "error" ? "error" : "record"
                if (group != run) { block++; run = group }
                id = $2; sub(/^id=/, "", id)
                print block, sprintf("%012s", id), $1, $0; next
            }
            { run = ""; block++; print block, "", "", $0 }' |
        sort -t $'\t' -k1,1n -k2,2 -k3,3 | cut -f4-
}

# Compares normalized output with a golden file (or rewrites it).
check_golden() {
    local actual=$1 name=$2 mask_ids=${3:-}
    local normalized="$work/$case_name/$name.normalized"
    normalize "$mask_ids" <"$actual" >"$normalized"
    if [ -n "${UPDATE_GOLDEN:-}" ]; then
        cp "$normalized" "$golden/$case_name.$name"
    elif ! diff -u "$golden/$case_name.$name" "$normalized" \
        >"$work/$case_name/$name.diff"; then
        fail "$name differs from golden/$case_name.$name"
    fi
}

# Starts the receiver as a coprocess; sets rx_port from its ready line.
start_receiver() {
    local dir="$work/$case_name"
    coproc RX {
        exec timeout "$limit_s" "${receiver[@]}" "$@" 2>"$dir/receiver.err"
    }
    rx_pid=$RX_PID
    # Own copies of the coprocess's pipes: bash closes its own when the
    # receiver exits, which may be before its last line is read.
    local in_fd=${RX[1]} out_fd=${RX[0]}
    exec {rx_in}>&"$in_fd" {rx_outfd}<&"$out_fd"
    eval "exec $in_fd>&- $out_fd<&-"
    : >"$dir/receiver.out"
    rx_port=""
    if IFS= read -r -t 10 line <&"$rx_outfd"; then
        echo "$line" >>"$dir/receiver.out"
        rx_port=$(sed -nE 's/^ready port=([0-9]+) .*/\1/p' <<<"$line")
    fi
    [ -n "$rx_port" ] || fail "no ready line from the receiver"
    [[ -z $rx_port || $line == *" runtime=$runtime"* ]] ||
        fail "the ready line does not say runtime=$runtime"
}

# Reads the receiver's output up to "done", then ends it as the runner
# would: a line "exit" (or, with eof, just the end of its input).
# Sets rx_status.
stop_receiver() {
    local how=${1:-exit} dir="$work/$case_name" line
    while IFS= read -r -t 20 line <&"$rx_outfd"; do
        echo "$line" >>"$dir/receiver.out"
        [[ $line == done* ]] && break
    done
    [ "$how" = exit ] && echo exit >&"$rx_in"
    exec {rx_in}>&-
    while IFS= read -r -t 20 line <&"$rx_outfd"; do
        echo "$line" >>"$dir/receiver.out"
    done
    wait "$rx_pid"
    rx_status=$?
    exec {rx_outfd}<&-
}

# run_sender NAME ARGS...: one sender process in the background.
run_sender() {
    local name=$1
    shift
    timeout "$limit_s" "$sender" --port "$rx_port" "$@" \
        >"$work/$case_name/$name.out" 2>"$work/$case_name/$name.err" &
}

expect_status() {
    local what=$1 got=$2 want=$3
    [ "$got" = "$want" ] || fail "$what exited with $got, expected $want"
}

# Raw-output checks of a successful receiver run with n connections.
check_receiver_records() {
    local file=$1 n=$2
    local threads
    threads=$(sed -nE 's/^conn .* thread=([0-9]+) .*/\1/p' "$file" |
        sort -u | wc -l)
    [ "$threads" = "$n" ] ||
        fail "receiver: $threads distinct thread ids, expected $n"
    awk '
        /^released / { split($2, a, "="); released = a[2] }
        /^conn / {
            for (i = 2; i <= NF; i++) { split($i, kv, "="); f[kv[1]] = kv[2] }
            if (f["first-ns"] + 0 > f["last-ns"] + 0) bad = bad " first>last"
            if (f["thread-kind"] != "os") bad = bad " thread-kind"
        }
        END { if (bad != "") { print bad; exit 1 } }' "$file" ||
        fail "receiver: conn records out of order"
}

# Raw-output checks of a sender: rtt counts add up to each conn's messages.
check_sender_records() {
    local file=$1
    awk '
        /^conn / {
            split($2, a, "="); split($3, m, "="); msgs[a[2]] = m[2]
            split($4, s, "="); split($5, e, "=")
            if (s[2] + 0 > e[2] + 0) bad = bad " start>end(" a[2] ")"
        }
        /^rtt / {
            split($2, a, "="); sum = 0; last = -1
            for (i = 4; i <= NF; i++) {
                split($i, b, ":"); sum += b[2]
                if (b[1] + 0 <= last) bad = bad " unsorted(" a[2] ")"
                last = b[1] + 0
            }
            rtt[a[2]] = sum
        }
        END {
            for (id in msgs) if (rtt[id] != msgs[id]) bad = bad " rtt(" id ")"
            if (bad != "") { print bad; exit 1 }
        }' "$file" || fail "sender: records do not add up ($file)"
}

# A trial that must succeed: 3 connections, 100 messages each.
# run_trial CASE SIZE START WARMUP NODELAY SPLIT (SPLIT: one process or two)
run_trial() {
    local name=$1 size=$2 start=$3 warmup=$4 nodelay=$5 split=$6
    local common=(--messages 100 --size "$size" --start "$start"
        --warmup "$warmup" --nodelay "$nodelay")
    begin_case "$name"
    start_receiver --port 0 --connections 3 --size "$size" --start "$start" \
        --warmup "$warmup" --nodelay "$nodelay"
    if [ "$split" = two ]; then
        run_sender sender-a --connections 2 --first-id 0 "${common[@]}"
        local pid_a=$!
        run_sender sender-b --connections 1 --first-id 2 "${common[@]}"
        local pid_b=$!
        wait "$pid_a"; expect_status sender-a $? 0
        wait "$pid_b"; expect_status sender-b $? 0
        check_golden "$work/$name/sender-a.out" sender-a
        check_golden "$work/$name/sender-b.out" sender-b
        check_sender_records "$work/$name/sender-a.out"
        check_sender_records "$work/$name/sender-b.out"
    else
        run_sender sender --connections 3 --first-id 0 "${common[@]}"
        wait $!; expect_status sender $? 0
        check_golden "$work/$name/sender.out" sender
        check_sender_records "$work/$name/sender.out"
    fi
    stop_receiver exit
    expect_status receiver "$rx_status" 0
    check_golden "$work/$name/receiver.out" receiver
    check_receiver_records "$work/$name/receiver.out" 3
    end_case
}

# A receiver fault that the sender must catch: sender and receiver exit 1.
# run_fault CASE KIND CONNECTIONS SIZE
run_fault() {
    local name=$1 kind=$2 n=$3 size=$4
    begin_case "$name"
    start_receiver --port 0 --connections "$n" --size "$size" \
        --inject-fault "$kind"
    run_sender sender --connections "$n" --first-id 0 --messages 100 \
        --size "$size" --ack-timeout-ms 1000
    wait $!; expect_status sender $? 1
    stop_receiver eof
    expect_status receiver "$rx_status" 1
    check_golden "$work/$name/sender.out" sender ids
    # Once the sender gives up, it closes the connection; whether the
    # receiver then sees the end of the stream or a reset depends on
    # whether an ack was still unread, so either is accepted. A reset is
    # 104 on Linux (ECONNRESET), 15 on WASIX (__WASI_ERRNO_CONNRESET).
    local gone='s/^error (id=[0-9]+) reason=(closed|recv-failed code=(104|15))'
    gone+='( .*)?$/error \1 reason=peer-gone/'
    sed -E "$gone" "$work/$name/receiver.out" >"$work/$name/receiver.masked"
    check_golden "$work/$name/receiver.masked" receiver ids
    end_case
}

# A bad command line: exit status 2 and a message naming the option.
# run_usage CASE receiver|sender EXPECTED-TEXT ARGS...
run_usage() {
    local name=$1 program=$2 expected=$3
    shift 3
    begin_case "$name"
    local status cmd=("$sender")
    [ "$program" = receiver ] && cmd=("${receiver[@]}")
    timeout 10 "${cmd[@]}" "$@" >"$work/$name/stdout" 2>"$work/$name/stderr"
    status=$?
    expect_status "$program" "$status" 2
    grep -qF -- "$expected" "$work/$name/stderr" ||
        fail "stderr does not say: $expected"
    grep -q '^usage: ' "$work/$name/stderr" || fail "no usage synopsis"
    end_case
}

run_trial size16-together 16 together 0 0 two
run_trial size1024-warmup 1024 together 5 1 two
run_trial size65536-staggered 65536 staggered 0 1 one
run_trial size65536-warmup-staggered 65536 staggered 3 0 one

run_fault fault-corrupt-ack corrupt-ack 3 1024
run_fault fault-corrupt-ack-size16 corrupt-ack 3 16
run_fault fault-repeat-ack repeat-ack 3 1024
run_fault fault-cross-ack cross-ack 3 1024
run_fault fault-cross-ack-alone cross-ack 1 1024
run_fault fault-no-ack no-ack 3 1024

# The receiver expects warm-up messages that never come: it must report
# each connection and still print done instead of waiting forever.
begin_case receiver-violation
start_receiver --port 0 --connections 3 --size 64 --warmup 2
run_sender sender --connections 3 --first-id 0 --messages 10 --size 64
wait $!; expect_status sender $? 1
stop_receiver exit
expect_status receiver "$rx_status" 1
check_golden "$work/receiver-violation/sender.out" sender
check_golden "$work/receiver-violation/receiver.out" receiver
end_case

# Reads the receiver's output up to and including its "holding" line.
await_holding() {
    local dir="$work/$case_name" line
    while IFS= read -r -t 20 line <&"$rx_outfd"; do
        echo "$line" >>"$dir/receiver.out"
        [[ $line == holding* ]] && return 0
    done
    fail "no holding line from the receiver"
    return 1
}

# --hold 1: the receiver holds the measured release, after the warm-up,
# until it reads "go"; the senders are still waiting for it meanwhile.
begin_case hold-warmup
start_receiver --port 0 --connections 3 --size 64 --warmup 4 --hold 1
run_sender sender --connections 3 --first-id 0 --messages 20 --size 64 \
    --warmup 4
sender_pid=$!
if await_holding; then
    kill -0 "$sender_pid" 2>/dev/null ||
        fail "the sender ended while the receiver held the release"
    echo go >&"$rx_in"
fi
wait "$sender_pid"; expect_status sender $? 0
stop_receiver exit
expect_status receiver "$rx_status" 0
check_golden "$work/hold-warmup/sender.out" sender
check_golden "$work/hold-warmup/receiver.out" receiver
check_receiver_records "$work/hold-warmup/receiver.out" 3
end_case

# Told to exit while holding: the receiver exits 1 without releasing, and
# the sender, its connection closed before the release, exits 1.
begin_case hold-exit
start_receiver --port 0 --connections 1 --size 64 --hold 1
run_sender sender --connections 1 --first-id 0 --messages 20 --size 64
sender_pid=$!
await_holding && echo exit >&"$rx_in"
wait "$sender_pid"; expect_status sender $? 1
stop_receiver eof
expect_status receiver "$rx_status" 1
grep -q 'exit while holding' "$work/hold-exit/receiver.err" ||
    fail "receiver: stderr does not say why it exited"
check_golden "$work/hold-exit/receiver.out" receiver
end_case

# With IDLE_S set (make test-wasix sets it past 30): the receiver waits in
# accept, and the first connection waits for its release, IDLE_S seconds
# before the second sender connects. Wasmer ends such waits after a
# default 30 seconds with TIMEDOUT, which must only make them wait again.
if [ -n "${IDLE_S:-}" ]; then
    begin_case idle-past-timeouts
    limit_s=$((IDLE_S + 30))
    start_receiver --port 0 --connections 2 --size 64
    run_sender sender-a --connections 1 --first-id 0 --messages 50 --size 64
    pid_a=$!
    sleep "$IDLE_S"
    run_sender sender-b --connections 1 --first-id 1 --messages 50 --size 64
    pid_b=$!
    wait "$pid_a"; expect_status sender-a $? 0
    wait "$pid_b"; expect_status sender-b $? 0
    stop_receiver exit
    expect_status receiver "$rx_status" 0
    grep -q '^done connections=2 messages=100$' \
        "$work/idle-past-timeouts/receiver.out" || fail "receiver: no done line"
    check_receiver_records "$work/idle-past-timeouts/receiver.out" 2
    limit_s=30
    end_case
fi

run_usage usage-receiver-size receiver \
    "--size: expected 16..1048576, got '8'" --port 0 --connections 1 --size 8
run_usage usage-receiver-fault receiver \
    "--inject-fault: expected corrupt-ack|repeat-ack|cross-ack|no-ack|hang" \
    --port 0 --connections 1 --size 16 --inject-fault late
run_usage usage-sender-start sender \
    "--start: expected together|staggered, got 'soon'" --port 1 \
    --connections 1 --first-id 0 --messages 1 --size 16 --start soon
run_usage usage-sender-required sender "--messages: required" \
    --port 1 --connections 1 --first-id 0 --size 16
run_usage usage-sender-unknown sender "--bogus: unknown option" \
    --port 1 --bogus 1

echo "$passed passed, $failed failed"
[ "$failed" = 0 ]
