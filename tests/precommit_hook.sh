#!/bin/sh
# Runs the repository's .pre-commit-hooks.yaml through the real pre-commit, as
# a user's git commit would, in scratch repositories: committing an insecure
# manifest is refused and shows the finding; committing a clean one passes.
#
# Usage: precommit_hook.sh KUBE_HARDEN_BINARY REPO_DIR
#
# Offline: the hooks come from a local git repository holding a copy of our
# .pre-commit-hooks.yaml (pre-commit clones local paths with git), and
# language: system installs nothing. Exits 77 (skip) without pre-commit or git.

set -u

if [ "$#" -ne 2 ]; then
  echo "usage: $0 KUBE_HARDEN_BINARY REPO_DIR" >&2
  exit 2
fi
binary=$1
repo=$2
case "$binary" in
  /*) ;;
  *) binary="$(pwd)/$binary" ;;
esac
if [ ! -x "$binary" ]; then
  echo "FAIL: kube-harden binary not found or not executable: $binary"
  exit 1
fi
for tool in pre-commit git; do
  if ! command -v "$tool" >/dev/null 2>&1; then
    echo "SKIP: $tool not found (Debian: apt-get install pre-commit)"
    exit 77
  fi
done

work=$(mktemp -d "${TMPDIR:-/tmp}/kh-precommit.XXXXXX") || exit 1
trap 'rm -rf "$work"' EXIT

# Nothing from the user's environment: own HOME, git config and pre-commit cache.
export HOME="$work/home"
export PRE_COMMIT_HOME="$work/pre-commit-cache"
export XDG_CACHE_HOME="$work/cache"
export GIT_CONFIG_NOSYSTEM=1
export PRE_COMMIT_COLOR=never
unset GIT_DIR GIT_WORK_TREE GIT_INDEX_FILE PRE_COMMIT_ALLOW_NO_CONFIG SKIP
mkdir -p "$HOME"
git config --global user.name "kube-harden test"
git config --global user.email "kube-harden-test@localhost"
git config --global init.defaultBranch main
git config --global commit.gpgsign false

# The hook must run the kube-harden under test, whatever else is installed.
mkdir -p "$work/bin"
ln -s "$binary" "$work/bin/kube-harden"
export PATH="$work/bin:$PATH"

fail() {
  echo "FAIL: $*"
  exit 1
}

hooks="$work/hooks"
git init -q "$hooks" || fail "git init"
cp "$repo/.pre-commit-hooks.yaml" "$hooks/" || fail "no .pre-commit-hooks.yaml in $repo"
if ! { git -C "$hooks" add .pre-commit-hooks.yaml && git -C "$hooks" commit -q -m hooks; }; then
  fail "could not commit the hook definitions"
fi
rev=$(git -C "$hooks" rev-parse HEAD)

project="$work/project"
git init -q "$project" || fail "git init"
cd "$project" || exit 1
cat >.pre-commit-config.yaml <<EOF
repos:
  - repo: $hooks
    rev: $rev
    hooks:
      - id: kube-harden
EOF
if ! { git add .pre-commit-config.yaml && git commit -q -m config; }; then
  fail "could not commit the config"
fi
pre-commit install >"$work/install.out" 2>&1 || { cat "$work/install.out"; fail "pre-commit install"; }
base=$(git rev-parse HEAD)

# 1. An insecure manifest: the commit is refused and the finding is shown.
cp "$repo/testdata/examples/insecure-pod.yaml" insecure-pod.yaml
git add insecure-pod.yaml
if git commit -m insecure >"$work/insecure.out" 2>&1; then
  cat "$work/insecure.out"
  fail "committing testdata/examples/insecure-pod.yaml succeeded; the hook should refuse it"
fi
cat "$work/insecure.out"
grep -q '^kube-harden\.*Failed' "$work/insecure.out" ||
  fail "pre-commit did not report the kube-harden hook as Failed"
grep -q '^insecure-pod\.yaml:[0-9]*:[0-9]*: critical: .*\[privileged-container\]' "$work/insecure.out" ||
  fail "the privileged-container finding is not in the hook output"
[ "$(git rev-parse HEAD)" = "$base" ] || fail "a commit was created despite the failing hook"

# 2. A clean manifest (and a file the hook must ignore): the commit passes.
git rm -q --cached insecure-pod.yaml && rm insecure-pod.yaml
cat >clean-pod.yaml <<'EOF'
apiVersion: v1
kind: Pod
metadata:
  name: web
spec:
  automountServiceAccountToken: false
  securityContext:
    runAsNonRoot: true
    runAsUser: 10001
    runAsGroup: 10001
    seccompProfile:
      type: RuntimeDefault
  containers:
    - name: web
      image: registry.example/web@sha256:0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef
      securityContext:
        allowPrivilegeEscalation: false
        readOnlyRootFilesystem: true
        capabilities:
          drop: [ALL]
EOF
echo 'not a manifest' >notes.txt
git add clean-pod.yaml notes.txt
if ! git commit -m clean >"$work/clean.out" 2>&1; then
  cat "$work/clean.out"
  fail "committing a clean manifest was refused"
fi
cat "$work/clean.out"
grep -q '^kube-harden\.*Passed' "$work/clean.out" ||
  fail "pre-commit did not run the kube-harden hook on the clean manifest"
[ "$(git rev-parse HEAD)" != "$base" ] || fail "no commit was created"

# 3. Only non-manifest files: types_or keeps the hook from running at all.
echo 'more notes' >>notes.txt
git add notes.txt
git commit -m notes >"$work/notes.out" 2>&1 || { cat "$work/notes.out"; fail "committing a text file"; }
grep -q '^kube-harden\.*(no files to check)Skipped' "$work/notes.out" || {
  cat "$work/notes.out"
  fail "the hook was not skipped for a commit without YAML or JSON"
}

echo "OK: pre-commit refuses the insecure manifest, passes the clean one, skips other files"
