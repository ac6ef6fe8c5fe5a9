#!/usr/bin/env bash
# Step "sop validate" of action.yml. Prints the findings in SOP_FORMAT (annotations by default),
# writes the SARIF and JUnit files asked for, keeps a text report for the comment step, and sets
# the outputs exit-code, report, sarif-file and junit-file. Exits with sop's code, so findings fail
# the job; the comment step runs anyway (its if: has !cancelled()).
# Arguments are built with "set --" rather than arrays: with set -u, bash before 4.4 (macOS's 3.2)
# calls an empty "${array[@]}" unbound.
set -eu
set -- validate
if [ -n "${SOP_ROOT:-}" ]; then set -- "$@" "$SOP_ROOT"; fi
if [ "${SOP_CACHE:-true}" = true ]; then set -- "$@" --cache-dir .sop-cache; else set -- "$@" --no-cache; fi
if [ -n "${SOP_BASE:-}" ]; then
  set -- "$@" --base "$SOP_BASE"
elif [ -n "${BASE_REF:-}" ]; then
  set -- "$@" --base "origin/$BASE_REF"
fi
# Extra arguments are split on spaces on purpose, without expanding * or ?.
set -f
# shellcheck disable=SC2086
set -- "$@" ${SOP_ARGS:-}
set +f

report="${RUNNER_TEMP:?}/sop-validate.txt"
rc=0
sop "$@" --format "${SOP_FORMAT:-github}" || rc=$?
# The same check again (from the cache) in the formats of the comment and the uploads.
sop "$@" --format text > "$report" 2>&1 || true
if [ -n "${SOP_SARIF_FILE:-}" ]; then sop "$@" --format sarif > "$SOP_SARIF_FILE" || true; fi
if [ -n "${SOP_JUNIT_FILE:-}" ]; then sop "$@" --format junit > "$SOP_JUNIT_FILE" || true; fi
{
  echo "exit-code=$rc"
  echo "report=$report"
  echo "sarif-file=${SOP_SARIF_FILE:-}"
  echo "junit-file=${SOP_JUNIT_FILE:-}"
} >> "${GITHUB_OUTPUT:?}"
exit "$rc"
