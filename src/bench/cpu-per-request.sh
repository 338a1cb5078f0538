#!/usr/bin/env bash
# CPU milliseconds a JVM spends per request on one URL, with wrk: steadier than requests/second on a shared
# 2-core machine. Usage: cpu-per-request.sh JVM_PID URL [SESSION_COOKIE_VALUE] [CONNECTIONS] [SECONDS]
# Prints: URL, requests/s, p50, p99, JVM CPU ms per request, non-2xx count (and wrk's socket errors, if any).
# Requests may take up to 30 s (wrk's default of 2 s would drop slow ones from the count and the latencies).
# Method (docs/performance.md): warm up 8 s, then measure; alternate the desk and the yardstick app
# (spring-petclinic on the same PostgreSQL) URL by URL, and compare the ratios of CPU ms per request measured in the
# same run. The JVM's CPU is read from /proc/PID/stat (user + system ticks), so only the measured JVM counts, not
# PostgreSQL nor wrk.
set -u
pid=${1:?JVM pid}; url=${2:?URL}; cookie=${3:-}; conns=${4:-16}; secs=${5:-20}
command -v wrk >/dev/null || { echo "wrk is missing (apt-get install wrk)"; exit 2; }
[ -r "/proc/$pid/stat" ] || { echo "no process $pid"; exit 2; }
H=(); [ -n "$cookie" ] && H=(-H "Cookie: SESSION=$cookie")
wrk -t2 -c"$conns" -d8s --timeout 30s "${H[@]}" "$url" >/dev/null 2>&1
t0=$(awk '{print $14+$15}' "/proc/$pid/stat")
out=$(wrk -t2 -c"$conns" -d"${secs}s" --timeout 30s --latency "${H[@]}" "$url" 2>&1)
t1=$(awk '{print $14+$15}' "/proc/$pid/stat")
reqs=$(echo "$out" | awk '/requests in/{print $1}')
rps=$(echo "$out" | awk '/Requests\/sec/{print $2}')
p50=$(echo "$out" | awk '$1=="50%"{print $2}'); p99=$(echo "$out" | awk '$1=="99%"{print $2}')
non2xx=$(echo "$out" | awk '/Non-2xx/{print $NF}')
errors=$(echo "$out" | awk '/Socket errors/{print $0}' | sed 's/.*Socket errors: *//')
cpu=$(awk -v a="$t0" -v b="$t1" -v hz="$(getconf CLK_TCK)" -v n="${reqs:-0}" \
    'BEGIN{ if (n > 0) printf "%.2f", (b-a)*1000/hz/n; else print "n/a" }')
printf '%-60s rps=%8s p50=%8s p99=%8s cpu_ms/req=%s non2xx=%s%s\n' "$url" "$rps" "$p50" "$p99" "$cpu" \
    "${non2xx:-0}" "${errors:+ socket errors: $errors}"
