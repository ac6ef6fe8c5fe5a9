#!/usr/bin/env bash
# Step "Get sop" of action.yml: puts sop on PATH for the later steps. A release tag as the action's
# ref (uses: OWNER/sop@v0.1.0) takes that release's bundle (make dist), which needs only Java; any
# other ref, or a release without the bundle, builds the action's own source with Maven.
# Plain POSIX-style bash: macOS runners still have bash 3.2.
set -eu
action_path=${GITHUB_ACTION_PATH:?}
ref=${GITHUB_ACTION_REF:-}
case $ref in
  v[0-9]*)
    version=${ref#v}
    url="${GITHUB_SERVER_URL:-https://github.com}/${GITHUB_ACTION_REPOSITORY:?}/releases/download/$ref/sop-$version.zip"
    bundle="${RUNNER_TEMP:?}/sop-release"
    if curl -fsSL --retry 2 -o "$RUNNER_TEMP/sop-$version.zip" "$url" &&
      unzip -q -o "$RUNNER_TEMP/sop-$version.zip" -d "$bundle"; then
      echo "$bundle/sop-$version/bin" >> "${GITHUB_PATH:?}"
      echo "sop $version: the release bundle $url"
      exit 0
    fi
    echo "no release bundle at $url: building sop from source"
    ;;
  *)
    echo "'$ref' is not a release tag: building sop from source"
    ;;
esac
make -C "$action_path" build
echo "$action_path/bin" >> "${GITHUB_PATH:?}"
