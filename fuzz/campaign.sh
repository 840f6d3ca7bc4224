#!/usr/bin/env bash
# The long fuzzing campaign of issue #17: each target named (all by default)
# runs until 10 million executions or SECONDS_PER_TARGET (30 minutes), the
# budget of the slow stateful ones, whichever comes first, without the
# address sanitizer (the crate forbids `unsafe`; see README.md). Prints one
# Markdown row per target: executions, seconds, edges covered, findings.
#
#   fuzz/campaign.sh                      # every target, one after another
#   fuzz/campaign.sh desk crisis          # some of them
#
# Run two at once on two cores (one list each). A finding stops its target;
# libFuzzer leaves the input under artifacts/<target>/.
set -uo pipefail
cd "$(dirname "$0")"
seconds="${SECONDS_PER_TARGET:-1800}"
runs="${RUNS_PER_TARGET:-10000000}"
targets=("$@")
if [ ${#targets[@]} -eq 0 ]; then
    mapfile -t targets < <(cargo +nightly fuzz list)
fi
echo "| target | executions | seconds | edges (cov) | findings |"
echo "|---|---:|---:|---:|---|"
for t in "${targets[@]}"; do
    mkdir -p "corpus/$t" "regressions/$t"
    log="$(mktemp)"
    start=$(date +%s)
    cargo +nightly fuzz run -O -s none "$t" "corpus/$t" "regressions/$t" -- \
        -max_total_time="$seconds" -runs="$runs" -rss_limit_mb=4096 -timeout=20 \
        -print_final_stats=1 >"$log" 2>&1
    rc=$?
    end=$(date +%s)
    execs=$(grep -h 'stat::number_of_executed_units' "$log" | grep -oE '[0-9]+$')
    cov=$(grep -E '^#[0-9]+' "$log" | tail -1 | grep -oE 'cov: [0-9]+' | grep -oE '[0-9]+')
    if [ $rc -eq 0 ]; then
        finding="none"
    else
        finding="$(grep -hE '^artifact_prefix|Test unit written' "$log" | grep -oE 'artifacts/[^ ]+' | head -1)"
        finding="${finding:-exit $rc, see the log}"
    fi
    echo "| \`$t\` | ${execs:-?} | $((end - start)) | ${cov:-?} | $finding |"
    rm -f "$log"
done
