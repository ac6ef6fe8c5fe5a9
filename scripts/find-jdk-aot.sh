#!/usr/bin/env bash
# Prints the java command of a JDK that can write and use an ahead-of-time cache (JDK 25 or newer,
# JEP 483/514), or nothing. Looks at JAVA_HOME, the java on PATH and /usr/lib/jvm, in that order,
# and reads each JDK's `release` file rather than starting a JVM, since make runs this every time.
for java in "${JAVA_HOME:-/nonexistent}/bin/java" "$(readlink -f "$(command -v java)" 2>/dev/null)" \
  /usr/lib/jvm/*/bin/java; do
  release="${java%/bin/java}/release"
  [ -x "$java" ] && [ -f "$release" ] || continue
  major=$(sed -n 's/^JAVA_VERSION="\([0-9]*\).*/\1/p' "$release")
  if [ "${major:-0}" -ge 25 ]; then
    echo "$java"
    exit 0
  fi
done
