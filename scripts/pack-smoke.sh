#!/usr/bin/env bash
# Installs the packed tarball as a new user would, into two fresh projects: one on cdktf 0.21 with the user's
# own @cdktf/provider-azurerm 14.23.1 (entry `cdktf-azureml-compute`), one on CDK Terrain (cdktn 0.24, entry
# `cdktf-azureml-compute/cdktn`, constructs in cdktn's peer range) where npm must install no @cdktf package: the
# library's azurerm resources are its own bindings. In each, with a plain `npm install`: synthesizes a compute
# instance (with its access grant) and a ShutdownPolicy and checks the output; shows that an instance over a
# Deny cap fails synth with the policy's message; and type-checks a TypeScript use of the entry (the types must
# name that framework's App and stacks) under both of TypeScript's CommonJS module resolutions. In each, and in a
# third project with no framework at all (`none`: the package alone), runs every verb of the aml-compute command
# (lint, preview, audit, import, review, --help, --version), which must need no framework.
# Needs the npm registry; prints "pack smoke: ok" on success. Usage: pack-smoke.sh [cdktf|cdktn|none]... (cdktf
# and cdktn by default)
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
frameworks=("$@")
[ ${#frameworks[@]} -gt 0 ] || frameworks=(cdktf cdktn)
cd "$root"
# prepack builds.
tarball=$(npm pack --silent --pack-destination "$work" | tail -n 1)

exits() { # exits CODE DESCRIPTION COMMAND...: runs it; its exit code must be CODE (its output is in $out)
  local code=$1 what=$2; shift 2
  local rc=0
  out=$("$@" 2>&1) || rc=$?
  if [ "$rc" -ne "$code" ]; then echo "aml-compute $what: exit $rc, expected $code" >&2; echo "$out" >&2; exit 1; fi
}

contains() { # contains DESCRIPTION TEXT: $out must hold TEXT
  case $out in *"$2"*) ;; *) echo "aml-compute $1: no \"$2\" in its output" >&2; echo "$out" >&2; exit 1 ;; esac
}

cli_smoke() { # every verb of the installed bin, on the repository's fixtures, in the current project
  local fixtures="$root/test/fixtures/cli" version
  version=$(node -p 'require("'"$root"'/package.json").version')
  exits 0 --version npx --no-install aml-compute --version
  [ "$out" = "aml-compute $version" ] || { echo "aml-compute --version: $out" >&2; exit 1; }
  exits 0 --help npx --no-install aml-compute --help
  contains --help 'aml-compute import FILE...'
  for verb in lint preview audit import review; do
    exits 0 "$verb --help" npx --no-install aml-compute "$verb" --help
    contains "$verb --help" "usage: aml-compute $verb"
  done
  exits 1 lint npx --no-install aml-compute lint "$fixtures/rest-get-compute-instance.json"
  contains lint 'subnet.id: compute123: received "test-subnet-resource-id"'
  exits 0 lint npx --no-install aml-compute lint "$fixtures/quickstart.azuredeploy.parameters.json"
  contains lint 'no problems in 1 instance'
  exits 0 preview npx --no-install aml-compute preview --cron 'Start 0 8 * * 1-5' --cron 'Stop 0 18 * * 1-5' --from 2026-03-23
  contains preview 'runs 50.0 h of 168 h in the week of 2026-03-23'
  exits 0 audit npx --no-install aml-compute audit --policy "$fixtures/docs-default-schedule-policy.json" "$fixtures/rest-get-compute-instance.json"
  contains audit 'appended docs-default-schedule-policy: adds schedules = '
  # One of the listed instances breaks a rule of the library: written, marked, exit 1.
  exits 1 import npx --no-install aml-compute import "$fixtures/az-ml-compute-list.json"
  contains import 'new ComputeInstance('
  exits 0 review npx --no-install aml-compute review "$root/test/fixtures/review/team-a.plan.json" --format text
  contains review '1 replaced (disk wiped)'
  echo "pack smoke: aml-compute, every verb, ok"
}

smoke() { # smoke FRAMEWORK ENTRY PACKAGES...
  local framework=$1 entry=$2; shift 2
  local project="$work/$framework"
  mkdir "$project" && cd "$project"
  npm init -y >/dev/null
  npm install --no-audit --no-fund --silent "$work/$tarball" "$@" >/dev/null
  if [ "$framework" = cdktn ] && { [ -e node_modules/cdktf ] || [ -e node_modules/@cdktf ]; }; then
    echo "npm installed cdktf or a @cdktf package next to cdktn" >&2; exit 1
  fi
  FRAMEWORK=$framework ENTRY=$entry node "$root/scripts/pack-smoke/synth.js"
  # The command line, as an installed package's bin: a clean stack lints clean (exit 0), a bad name fails (exit 1).
  if [ "$framework" = cdktf ]; then
    npx --no-install aml-compute lint cdktf.out/stacks/smoke/cdk.tf.json
    node -e '
const fs = require("fs");
const tf = JSON.parse(fs.readFileSync("cdktf.out/stacks/smoke/cdk.tf.json", "utf8"));
Object.values(tf.resource.azapi_resource)[0].name = "ci-1";
fs.writeFileSync("bad.tf.json", JSON.stringify({ resource: tf.resource }));
'
    local rc=0
    npx --no-install aml-compute lint bad.tf.json || rc=$?
    if [ "$rc" -ne 1 ]; then echo "aml-compute lint of a bad name: exit $rc, expected 1"; exit 1; fi
  fi
  sed -e "s#'cdktf'#'$framework'#; s#'cdktf-azureml-compute'#'$entry'#" "$root/scripts/pack-smoke/types.ts" > types.ts
  # node10 (a CommonJS project's default) reads typesVersions; node16 reads the exports map. No skipLibCheck:
  # with it, a .d.ts naming the other (absent) framework would silently turn its types into any.
  for module in commonjs node16; do
    local resolution=node10
    [ $module = commonjs ] || resolution=node16
    printf '{"compilerOptions":{"strict":true,"noEmit":true,"target":"ES2022","types":[],"module":"%s","moduleResolution":"%s"},"files":["types.ts"]}\n' \
      $module $resolution > tsconfig.json
    node "$root/node_modules/typescript/bin/tsc" -p tsconfig.json
  done
  cli_smoke
  echo "pack smoke: $framework ok ($(node -p 'require("constructs/package.json").version' | sed 's/^/constructs /'))"
}

smoke_none() { # the package alone: no cdktf, no cdktn; the command must still answer every verb
  local project="$work/none"
  mkdir "$project" && cd "$project"
  npm init -y >/dev/null
  npm install --no-audit --no-fund --silent "$work/$tarball" >/dev/null
  if [ -e node_modules/cdktf ] || [ -e node_modules/cdktn ] || [ -e node_modules/@cdktf ]; then
    echo "npm installed a framework with the package alone" >&2; exit 1
  fi
  cli_smoke
  echo "pack smoke: none ok"
}

for framework in "${frameworks[@]}"; do
  case $framework in
    cdktf) smoke cdktf cdktf-azureml-compute cdktf@0.21.0 constructs@10.4.2 @cdktf/provider-azurerm@14.23.1 ;;
    # No constructs named: npm must find one in cdktn's peer range by itself.
    cdktn) smoke cdktn cdktf-azureml-compute/cdktn cdktn@0.24.0 ;;
    none) smoke_none ;;
    *) echo "unknown framework: $framework" >&2; exit 2 ;;
  esac
done
echo "pack smoke: ok ($tarball)"
