#!/bin/sh
# macOS: builds StreamDoctor-<version>.pkg with jpackage (bundled runtime) whose postinstall
# registers the host machine-wide (pkg/postinstall). Run on macOS with a JDK 17+; sign with
# --mac-sign/--mac-signing-key-user-name and notarize for distribution (docs/packaging.md).
# usage: installer/package/build-pkg.sh [JAR] [OUTDIR]
set -eu
here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/../.." && pwd)
jar=${1:-$root/host/target/streamdoctor.jar}
out=${2:-$root/installer/target/pkg}
bin=${JAVA_HOME:+$JAVA_HOME/bin/}
[ "$(uname -s)" = Darwin ] || { echo "build-pkg: run this on macOS" >&2; exit 2; }
version=$("${bin}java" -jar "$jar" --version | awk '{print $2}')
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
mkdir -p "$work/input" "$out"
cp "$jar" "$work/input/streamdoctor.jar"
cp "$here/pkg/postinstall" "$work/postinstall"
modules=$("${bin}jdeps" --print-module-deps --ignore-missing-deps --multi-release 17 "$jar"),java.logging,jdk.crypto.ec,jdk.unsupported
"${bin}jpackage" --type pkg --name StreamDoctor --app-version "$version" --vendor StreamDoctor \
  --input "$work/input" --main-jar streamdoctor.jar --main-class io.streamdoctor.Main \
  --add-modules "$modules" \
  --java-options "-Xms8m -Xmx128m -XX:+UseSerialGC -Xss512k -Xshare:auto -Xlog:disable -Xlog:all=warning:stderr" \
  --mac-package-identifier dev.streamdoctor.host \
  --resource-dir "$work" --license-file "$root/LICENSE" --dest "$out"
ls "$out"
