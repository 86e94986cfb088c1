#!/bin/sh
# `cmake --install` into a scratch DESTDIR: exactly the binary, the man page,
# the bash completion and the docs land where distributions expect them, and
# the installed binary runs.
#
# Usage: install_layout.sh CMAKE BUILD_DIR SOURCE_DIR VERSION

set -u

if [ "$#" -ne 4 ]; then
  echo "usage: $0 CMAKE BUILD_DIR SOURCE_DIR VERSION" >&2
  exit 2
fi
cmake=$1
build=$2
source=$3
version=$4

work=$(mktemp -d "${TMPDIR:-/tmp}/kh-install.XXXXXX") || exit 1
trap 'rm -rf "$work"' EXIT
failed=0
fail() {
  echo "FAIL: $*"
  failed=1
}

if ! DESTDIR="$work/root" "$cmake" --install "$build" --prefix /usr >"$work/install.log" 2>&1; then
  cat "$work/install.log"
  echo "FAIL: cmake --install $build failed"
  exit 1
fi
cat "$work/install.log"

(cd "$work/root" && find . -type f -o -type l | sort) >"$work/files"
cat >"$work/expected" <<'EOF'
./usr/bin/kube-harden
./usr/share/bash-completion/completions/kube-harden
./usr/share/doc/kube-harden/LICENSE
./usr/share/doc/kube-harden/README.md
./usr/share/man/man1/kube-harden.1
EOF
if ! cmp -s "$work/expected" "$work/files"; then
  fail "installed files differ from the expected layout (- expected, + installed):"
  diff -u "$work/expected" "$work/files" | sed -n '3,$p'
fi

root="$work/root/usr"
cmp -s "$source/docs/kube-harden.1" "$root/share/man/man1/kube-harden.1" ||
  fail "the installed man page is not docs/kube-harden.1"
cmp -s "$source/docs/completion/kube-harden.bash" "$root/share/bash-completion/completions/kube-harden" ||
  fail "the installed completion is not docs/completion/kube-harden.bash"

installed="$root/bin/kube-harden"
if [ ! -x "$installed" ]; then
  fail "$installed is not executable"
else
  got=$("$installed" --version 2>&1)
  [ "$got" = "kube-harden $version" ] ||
    fail "installed kube-harden --version printed '$got', expected 'kube-harden $version'"
  "$installed" lint "$source/testdata/examples/insecure-pod.yaml" >"$work/lint.out" 2>&1
  status=$?
  if [ "$status" -ne 1 ] || ! grep -q '\[privileged-container\]' "$work/lint.out"; then
    cat "$work/lint.out"
    fail "installed kube-harden lint of insecure-pod.yaml exited $status (expected 1 with findings)"
  fi
fi

[ "$failed" -eq 0 ] && echo "OK: cmake --install installs $(wc -l <"$work/files") files; the binary runs"
exit "$failed"
