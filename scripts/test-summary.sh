#!/usr/bin/env bash
# Prints one closing line for the whole suite from the Surefire and Failsafe reports:
# "tests: N passed, N failed, N skipped". Maven's -q mode hides the runners' own summaries.
set -euo pipefail
cd "$(dirname "$0")/.."
shopt -s nullglob
reports=(target/surefire-reports/TEST-*.xml target/failsafe-reports/TEST-*.xml)
if [ ${#reports[@]} -eq 0 ]; then
  echo "tests: 0 passed, 0 failed (no test reports found)"
  exit 0
fi
# Each report's root <testsuite> carries the counts as attributes.
awk '
  /<testsuite / {
    for (i = 1; i <= NF; i++) {
      if ($i ~ /^tests="/)    { gsub(/[^0-9]/, "", $i); t += $i }
      if ($i ~ /^failures="/) { gsub(/[^0-9]/, "", $i); f += $i }
      if ($i ~ /^errors="/)   { gsub(/[^0-9]/, "", $i); e += $i }
      if ($i ~ /^skipped="/)  { gsub(/[^0-9]/, "", $i); s += $i }
    }
    nextfile
  }
  END { printf "\ntests: %d passed, %d failed, %d skipped\n", t - f - e - s, f + e, s }
' "${reports[@]}"
