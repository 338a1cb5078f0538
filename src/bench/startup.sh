#!/usr/bin/env bash
# Time from launching the desk to /actuator/health/readiness UP, on an existing data folder (a second start), then
# the JVM's CPU time until then, the heap in use and the process's resident memory, then a clean stop.
# Method: docs/performance.md#start-up-and-memory.
# Usage: startup.sh DATA_DIR [JAVA_OPTION ...]
#   JAVA   the java binary (default: java on the PATH)
#   JAR    the jar to start (default: target/aftersales-*.jar; with an AOT cache or CDS archive, the extracted jar)
#   PORT   the port (default 18080)
# The java options come before -jar, e.g. -Xmx512m -XX:AOTCache=desk.aot. The java process is started in the jar's
# folder, because an AOT cache or CDS archive records the class path relative to where it was trained.
set -u
data=${1:?data folder}; shift
java=${JAVA:-java}; port=${PORT:-18080}
jar=${JAR:-$(ls target/aftersales-*.jar 2>/dev/null | head -1)}
[ -f "$jar" ] || { echo "no jar (build it with ./mvnw -DskipTests package, or set JAR)"; exit 2; }
jar=$(cd "$(dirname "$jar")" && pwd)/$(basename "$jar")
log=$(mktemp /tmp/desk-startup.XXXXXX.log)
start=$(date +%s%N)
(cd "$(dirname "$jar")" && AFTERSALES_DATA_DIR=$data exec "$java" "$@" -jar "$(basename "$jar")" \
    --server.port="$port" >"$log" 2>&1) &
pid=$!
until curl -sf "localhost:$port/actuator/health/readiness" 2>/dev/null | grep -q '"UP"'; do
    kill -0 "$pid" 2>/dev/null || { echo "the desk stopped; its log: $log"; tail -5 "$log"; exit 1; }
    sleep 0.1
done
ready=$(( ($(date +%s%N) - start) / 1000000 ))
jpid=$(pgrep -P "$pid" java || echo "$pid")
# the JVM's CPU time until ready (user + system, PostgreSQL not counted): steadier than the wall clock on a busy machine
cpu=$(awk -v hz="$(getconf CLK_TCK)" '{print int(($14 + $15) * 1000 / hz)}' "/proc/$jpid/stat")
heap=$(jcmd "$jpid" GC.heap_info 2>/dev/null | awk '/heap/ {for (i=1;i<=NF;i++) if ($i=="used") print $(i+1)}' | head -1)
rss=$(ps -o rss= -p "$jpid" | tr -d ' ')
started=$(grep -o 'Started AftersalesApplication in [0-9.]* seconds' "$log" | grep -o '[0-9.]*')
printf 'ready_ms=%s jvm_cpu_ms=%s spring_started_s=%s heap_used=%s rss_kb=%s load="%s"\n' "$ready" "$cpu" "$started" \
    "${heap:-n/a}" "$rss" "$(cut -d' ' -f1-3 /proc/loadavg)"
kill "$jpid"
while kill -0 "$jpid" 2>/dev/null; do sleep 0.2; done
rm -f "$log"
