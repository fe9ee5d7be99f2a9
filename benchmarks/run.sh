#!/usr/bin/env bash
# Builds benchmarks/target/benchmarks.jar and runs the JMH suite.
#
#   benchmarks/run.sh                  the full run, as the annotations say (forks, warmups, a million spawns);
#                                      results also go to benchmarks/target/jmh-result.json
#   benchmarks/run.sh --smoke          every benchmark once and briefly, for CI: proves they still build and
#                                      run, asserts no timing
#   benchmarks/run.sh [--smoke] ARGS   ARGS go to JMH: a benchmark regex (e.g. CallRoundTrip), -f 1, -i 3, ...
#
# JVM flags of the forks live in the benchmarks' @Fork annotations (Jvm.java), never here, so the
# full and the smoke run measure the same JVM.
set -euo pipefail
cd "$(dirname "$0")/.."

java_major() {
    "$1/bin/java" -XshowSettings:properties -version 2>&1 \
        | awk -F'= ' '/java.specification.version/ { split($2, v, "."); print (v[1] == "1" ? v[2] : v[1]) }'
}
if [ -z "${JAVA_HOME:-}" ] || [ ! -x "$JAVA_HOME/bin/javac" ] || [ "$(java_major "$JAVA_HOME")" -lt 21 ]; then
    for candidate in /usr/lib/jvm/temurin-25-jdk-amd64 /usr/lib/jvm/*; do
        if [ -x "$candidate/bin/javac" ] && [ "$(java_major "$candidate")" -ge 21 ]; then
            JAVA_HOME="$candidate"
            break
        fi
    done
fi
export JAVA_HOME

runner=()
mode=(-foe true -rf json -rff benchmarks/target/jmh-result.json)
if [ "${1:-}" = "--smoke" ]; then
    shift
    # one fork, no warmup, one 1 s iteration each; 10,000 spawns instead of a million, a thread ring
    # of 100,000 hops instead of 10 million. A smoke run measures nothing, so it need not wait for
    # another JMH run's lock.
    runner=(-Djmh.ignoreLock=true)
    mode=(-foe true -f 1 -wi 0 -i 1 -r 1s -p processes=10000 -p hops=100000)
fi

./mvnw -q -pl benchmarks -am package -DskipTests
exec "$JAVA_HOME/bin/java" "${runner[@]}" -jar benchmarks/target/benchmarks.jar "${mode[@]}" "$@"
