#!/bin/sh
# Validates config files against docs/config.schema.json with ajv-cli: the
# default `kube-harden config init` writes and testdata/config/full.yaml must
# pass, testdata/config/invalid.yaml must fail, so the schema and the reader
# cannot drift apart unnoticed.
#
# Usage: config_schema.sh KUBE_HARDEN_BINARY CACHE_DIR REPO_DIR
# ajv-cli is installed with npm into CACHE_DIR on first use; exits 77 (skip)
# when npm is missing or the install fails, e.g. offline.

set -u

if [ "$#" -ne 3 ]; then
  echo "usage: $0 KUBE_HARDEN_BINARY CACHE_DIR REPO_DIR" >&2
  exit 2
fi
binary=$1
cache=$2
repo=$3

if ! command -v npm >/dev/null 2>&1; then
  echo "SKIP: npm not found"
  exit 77
fi
ajv="$cache/node_modules/.bin/ajv"
if [ ! -x "$ajv" ]; then
  mkdir -p "$cache"
  if ! npm install --silent --no-audit --no-fund --prefix "$cache" ajv-cli@5 >/dev/null 2>&1; then
    echo "SKIP: could not install ajv-cli with npm (offline?)"
    exit 77
  fi
fi

scratch=$(mktemp -d)
trap 'rm -rf "$scratch"' EXIT
"$binary" config init "$scratch/default.yaml" 2>/dev/null || {
  echo "FAIL: kube-harden config init failed"
  exit 1
}

schema="$repo/docs/config.schema.json"
status=0
for valid in "$scratch/default.yaml" "$repo/testdata/config/full.yaml"; do
  if ! "$ajv" validate --spec=draft7 --strict=false -s "$schema" -d "$valid"; then
    echo "FAIL: $valid should satisfy the schema"
    status=1
  fi
done
if "$ajv" validate --spec=draft7 --strict=false -s "$schema" -d "$repo/testdata/config/invalid.yaml" \
    >/dev/null 2>&1; then
  echo "FAIL: testdata/config/invalid.yaml should not satisfy the schema"
  status=1
fi
exit $status
