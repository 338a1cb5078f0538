#!/usr/bin/env bash
# Prepares a folder from which the desk starts fast: the jar extracted, and the JVM's AOT cache (Java 25) or AppCDS
# archive (Java 17) of a training run on the given data folder. The training run starts the desk, waits until it is
# ready, then stops it cleanly (aftersales.exit-when-ready), embedded PostgreSQL included.
# See docs/operations.md#starting-fast.
# Usage: prepare-fast-start.sh DATA_DIR DEST [JAR]
#   DATA_DIR  the desk's data folder (the desk must not be running on it), or a copy of it
#   DEST      the folder to prepare (the jar is extracted there; start the desk from that folder)
#   JAR       default: target/aftersales-*.jar (build it with ./mvnw -Paot -DskipTests clean package for the
#             ahead-of-time processed jar, or without -Paot for a plain one)
#   JAVA      the java binary (default: java on the PATH); Java 25 or newer makes an AOT cache, older an AppCDS archive
#   JAVA_OPTS the options the real start will use too (default: -Xmx512m)
# With a jar built with -Paot the training run and every start use -Dspring.aot.enabled=true.
set -eu
data=${1:?data folder}; dest=${2:?destination folder}
jar=${3:-$(ls target/aftersales-*.jar 2>/dev/null | head -1)}
[ -f "$jar" ] || { echo "no jar (build it with ./mvnw -Paot -DskipTests clean package, or pass it)"; exit 2; }
java=${JAVA:-java}; opts=${JAVA_OPTS:--Xmx512m}
mkdir -p "$dest"
"$java" -Djarmode=tools -jar "$jar" extract --force --destination "$dest"
name=$(basename "$jar")
aot=""
if unzip -l "$jar" | grep -q 'META-INF/aftersales/aot-build-choices.properties'; then
    aot="-Dspring.aot.enabled=true"
fi
version=$("$java" -XshowSettings:properties -version 2>&1 | awk -F'= ' '/java.specification.version/ {print $2}')
if [ "${version%%.*}" -ge 25 ]; then
    cache="-XX:AOTCache=desk.aot"; train="-XX:AOTCacheOutput=desk.aot"
else
    cache="-XX:SharedArchiveFile=desk.jsa"; train="-XX:ArchiveClassesAtExit=desk.jsa"
fi
cd "$dest"
# shellcheck disable=SC2086
AFTERSALES_DATA_DIR=$data "$java" $opts $train $aot -jar "$name" --aftersales.exit-when-ready=true --server.port=0 \
    > training.log 2>&1 || { echo "the training run failed; its log: $dest/training.log"; tail -5 training.log; exit 1; }
echo "Ready. Start the desk from $dest with:"
echo "  cd $dest && AFTERSALES_DATA_DIR=$data $java $opts $cache $aot -jar $name"
