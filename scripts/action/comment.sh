#!/usr/bin/env bash
# Step "Comment on the pull request" of action.yml: one comment per pull request, found by its
# first line (a hidden marker) and edited in place on every push, that says whether sop validate
# passed, failed, or did not run, with its report and, with comment-diff, 'sop diff'.
# It runs whatever the validation found (if: !cancelled()), so a failing push never leaves an old
# "passed" comment behind.
set -eu
marker='<!-- sop-action -->'
pr=$(jq -r '.pull_request.number // empty' "${GITHUB_EVENT_PATH:?}")
if [ -z "$pr" ]; then
  echo "not a pull request event: no comment"
  exit 0
fi
body="${RUNNER_TEMP:?}/sop-comment.md"
code=${SOP_EXIT_CODE:-}
{
  echo "$marker"
  case $code in
    0) echo "### sop validate passed" ;;
    1) echo "### sop validate failed: errors to fix (the check fails until they are)" ;;
    '') echo "### sop validate did not run: an earlier step of the job failed (see the job log)" ;;
    *) echo "### sop validate failed: sop could not check the SOPs (exit code $code, see the job log)" ;;
  esac
  if [ -n "${SOP_REPORT:-}" ] && [ -s "$SOP_REPORT" ]; then
    echo
    echo '````text'
    # A comment holds at most 65536 characters: keep the head of a long report.
    head -c 50000 "$SOP_REPORT"
    echo
    echo '````'
  fi
  if [ "${SOP_COMMENT_DIFF:-false}" = true ] && [ -n "${BASE_REF:-}" ]; then
    echo
    set -- diff "origin/$BASE_REF"
    if [ -n "${SOP_ROOT:-}" ]; then set -- "$@" "$SOP_ROOT"; fi
    sop "$@" --format markdown 2>&1 | head -c 12000 || echo "sop diff failed (see the job log)"
  fi
} > "$body"
payload="$RUNNER_TEMP/sop-comment.json"
jq -Rs '{body: .}' "$body" > "$payload"
repo=${GITHUB_REPOSITORY:?}
id=$(gh api --paginate "repos/$repo/issues/$pr/comments" \
  --jq ".[] | select(.body | startswith(\"$marker\")) | .id" | head -n 1) || id=''
if [ -n "$id" ]; then
  gh api -X PATCH "repos/$repo/issues/comments/$id" --input "$payload" > /dev/null &&
    echo "updated the sop comment on pull request #$pr" && exit 0
else
  gh api -X POST "repos/$repo/issues/$pr/comments" --input "$payload" > /dev/null &&
    echo "commented on pull request #$pr" && exit 0
fi
# A pull request from a fork gets a read-only token: say so, the check's own result stands.
echo "::warning title=sop::could not post the comment on pull request #$pr (the job needs 'pull-requests: write'; a pull request from a fork gets a read-only token)"
