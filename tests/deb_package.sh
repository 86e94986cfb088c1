#!/bin/sh
# Builds the Debian package with CPack and checks it without installing it:
# control fields, Depends covering every library the binary links, file list,
# and the unpacked binary runs. With `--install` (and only as root), also
# installs it with dpkg, runs /usr/bin/kube-harden and removes it again.
#
# Usage: deb_package.sh [--install] CPACK BUILD_DIR SOURCE_DIR VERSION
#
# Exits 77 (skip) without dpkg-deb; with --install, also when not root, when a
# kube-harden package or /usr/bin/kube-harden is already there (it is not
# ours to replace), or for a sanitizer build.

set -u

install=0
if [ "${1:-}" = "--install" ]; then
  install=1
  shift
fi
if [ "$#" -ne 4 ]; then
  echo "usage: $0 [--install] CPACK BUILD_DIR SOURCE_DIR VERSION" >&2
  exit 2
fi
cpack=$1
build=$2
source=$3
version=$4

for tool in dpkg dpkg-deb; do
  if ! command -v "$tool" >/dev/null 2>&1; then
    echo "SKIP: $tool not found; the Debian package is built and checked on Debian and Ubuntu"
    exit 77
  fi
done
if [ "$install" -eq 1 ]; then
  if [ "$(id -u)" -ne 0 ]; then
    echo "SKIP: installing the .deb with dpkg -i needs root (the checks without installing run in packaging_deb)"
    exit 77
  fi
  if dpkg-query -W -f '${Status}' kube-harden 2>/dev/null | grep -q 'installed'; then
    echo "SKIP: a kube-harden package is already installed; not replacing it"
    exit 77
  fi
  if [ -e /usr/bin/kube-harden ]; then
    echo "SKIP: /usr/bin/kube-harden exists; not replacing it"
    exit 77
  fi
  if ldd "$build/kube-harden" 2>/dev/null | grep -q -e libasan -e libubsan -e libtsan; then
    echo "SKIP: this is a sanitizer build; not installing it system-wide"
    exit 77
  fi
fi

work=$(mktemp -d "${TMPDIR:-/tmp}/kh-deb.XXXXXX") || exit 1
trap 'rm -rf "$work"' EXIT
failed=0
fail() {
  echo "FAIL: $*"
  failed=1
}

if ! "$cpack" -G DEB --config "$build/CPackConfig.cmake" -B "$work/out" >"$work/cpack.log" 2>&1; then
  cat "$work/cpack.log"
  echo "FAIL: cpack -G DEB failed"
  exit 1
fi
arch=$(dpkg --print-architecture)
deb="$work/out/kube-harden_${version}_$arch.deb"
if [ ! -f "$deb" ]; then
  cat "$work/cpack.log"
  ls "$work/out"
  echo "FAIL: cpack made no $(basename "$deb")"
  exit 1
fi
dpkg-deb --info "$deb"

field() {
  dpkg-deb --field "$deb" "$1"
}
[ "$(field Package)" = kube-harden ] || fail "Package is '$(field Package)'"
[ "$(field Version)" = "$version" ] || fail "Version is '$(field Version)', expected $version"
[ "$(field Architecture)" = "$arch" ] || fail "Architecture is '$(field Architecture)'"
field Maintainer | grep -q '^[^<]*[^ <] <[^@>]*@[^>]*>$' ||
  fail "Maintainer '$(field Maintainer)' is not 'Name <email>'"
field Description | head -n 1 | grep -q 'Kubernetes' || fail "Description does not mention Kubernetes"
[ "$(field Description | wc -l)" -gt 1 ] || fail "Description has no extended description"

dpkg-deb --contents "$deb" | awk '{ print $NF }' | sort >"$work/contents"
for file in ./usr/bin/kube-harden ./usr/share/man/man1/kube-harden.1 \
  ./usr/share/bash-completion/completions/kube-harden ./usr/share/doc/kube-harden/LICENSE; do
  grep -qxF "$file" "$work/contents" || fail "the package does not contain $file"
done

dpkg-deb --extract "$deb" "$work/root" || fail "dpkg-deb --extract"
binary="$work/root/usr/bin/kube-harden"
got=$("$binary" --version 2>&1)
[ "$got" = "kube-harden $version" ] || fail "unpacked kube-harden --version printed '$got'"
"$binary" lint "$source/testdata/examples/insecure-pod.yaml" >"$work/lint.out" 2>&1
status=$?
if [ "$status" -ne 1 ] || ! grep -q '\[privileged-container\]' "$work/lint.out"; then
  fail "unpacked kube-harden lint of insecure-pod.yaml exited $status (expected 1 with findings)"
fi

# Depends must name the package of every shared library the binary needs.
depends=$(field Depends)
echo "Depends: $depends"
if command -v ldd >/dev/null 2>&1; then
  ldd "$binary" | awk '$2 == "=>" && $3 ~ /^\// { print $3 }' >"$work/libraries"
  while read -r library; do
    package=$(dpkg -S "$(readlink -f "$library")" 2>/dev/null | head -n 1 | sed 's/[:,].*//')
    if [ -z "$package" ]; then
      package=$(dpkg -S "$library" 2>/dev/null | head -n 1 | sed 's/[:,].*//')
    fi
    if [ -z "$package" ]; then
      echo "note: $library belongs to no Debian package; not checked"
      continue
    fi
    echo "$depends" | tr ',' '\n' | sed 's/^ *//; s/[ (].*//' | grep -qxF "$package" ||
      fail "Depends lacks $package, which provides $library"
  done <"$work/libraries"
else
  echo "note: ldd not found; Depends not checked against the linked libraries"
fi

if [ "$install" -eq 1 ]; then
  if ! dpkg -i "$deb" >"$work/dpkg-i.log" 2>&1; then
    cat "$work/dpkg-i.log"
    if grep -qi 'lock' "$work/dpkg-i.log"; then
      echo "SKIP: the dpkg database is locked by another process"
      exit 77
    fi
    dpkg -r kube-harden >/dev/null 2>&1
    echo "FAIL: dpkg -i $(basename "$deb") failed"
    exit 1
  fi
  trap 'dpkg -r kube-harden >/dev/null 2>&1; rm -rf "$work"' EXIT
  got=$(/usr/bin/kube-harden --version 2>&1)
  [ "$got" = "kube-harden $version" ] || fail "/usr/bin/kube-harden --version printed '$got'"
  [ -f /usr/share/man/man1/kube-harden.1 ] || fail "no /usr/share/man/man1/kube-harden.1 after dpkg -i"
  [ -f /usr/share/bash-completion/completions/kube-harden ] ||
    fail "no /usr/share/bash-completion/completions/kube-harden after dpkg -i"
  if dpkg -r kube-harden >"$work/dpkg-r.log" 2>&1; then
    [ ! -e /usr/bin/kube-harden ] || fail "/usr/bin/kube-harden is still there after dpkg -r"
  else
    cat "$work/dpkg-r.log"
    fail "dpkg -r kube-harden failed"
  fi
  trap 'rm -rf "$work"' EXIT
fi

if [ "$failed" -eq 0 ]; then
  if [ "$install" -eq 1 ]; then
    echo "OK: $(basename "$deb") installs with dpkg -i, runs and is removed with dpkg -r"
  else
    echo "OK: $(basename "$deb") has the right fields, Depends and files, and its binary runs"
  fi
fi
exit "$failed"
