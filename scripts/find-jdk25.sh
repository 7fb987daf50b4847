#!/usr/bin/env bash
# Sourced by ./jasyncio and .ci/run: makes JAVA_HOME point at a JDK 25 or newer.
# Keeps JAVA_HOME when it already is one; else looks in the usual places.

jdk_major() { "$1/bin/java" -XshowSettings:properties -version 2>&1 | sed -n 's/^ *java.specification.version = //p' | head -n1; }

is_jdk25() {
    [ -x "$1/bin/java" ] && [ -x "$1/bin/javac" ] || return 1
    local v; v=$(jdk_major "$1")
    [ -n "$v" ] && [ "${v%%.*}" -ge 25 ] 2>/dev/null
}

if [ -n "${JAVA_HOME:-}" ] && is_jdk25 "$JAVA_HOME"; then
    :
else
    found=""
    for d in ${JAVA_HOME25:-} /usr/lib/jvm/*25* /usr/lib/jvm/* /opt/java/* /opt/jdk* "$HOME"/.sdkman/candidates/java/*; do
        if [ -d "$d" ] && is_jdk25 "$d"; then found="$d"; break; fi
    done
    if [ -z "$found" ] && command -v javac >/dev/null 2>&1; then
        d=$(dirname "$(dirname "$(readlink -f "$(command -v javac)")")")
        is_jdk25 "$d" && found="$d"
    fi
    if [ -z "$found" ]; then
        echo "jasyncio needs JDK 25: none found (JAVA_HOME=${JAVA_HOME:-unset}). Install one and set JAVA_HOME." >&2
        return 1 2>/dev/null || exit 1
    fi
    export JAVA_HOME="$found"
fi
export PATH="$JAVA_HOME/bin:$PATH"
