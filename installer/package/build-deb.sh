#!/bin/sh
# Builds streamdoctor_<version>_<arch>.deb with the JDK's jpackage: a bundled Java runtime under
# /opt/streamdoctor (no system Java needed), and maintainer scripts that register the host
# machine-wide for Chromium, Google Chrome and Firefox on install and remove the registration on
# remove/purge (see deb/postinst, deb/prerm, deb/postrm and docs/packaging.md).
#
# usage: installer/package/build-deb.sh [JAR] [OUTDIR]
#   JAR     default host/target/streamdoctor.jar (run 'mvn -pl host -am package' first)
#   OUTDIR  default installer/target/deb
# env: JAVA_HOME picks the JDK whose jpackage, jlink and jdeps are used (default: the ones on PATH).
# Needs (Debian): fakeroot, binutils (objcopy, used by jlink --strip-debug) and dpkg-dev tools.
set -eu

here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/../.." && pwd)
jar=${1:-$root/host/target/streamdoctor.jar}
out=${2:-$root/installer/target/deb}
bin=${JAVA_HOME:+$JAVA_HOME/bin/}

[ -f "$jar" ] || { echo "build-deb: no jar at $jar; build it with 'mvn -pl host -am package'" >&2; exit 2; }
for tool in jpackage jdeps; do
  command -v "${bin}$tool" >/dev/null 2>&1 || { echo "build-deb: ${bin}$tool not found (need a full JDK 17+)" >&2; exit 2; }
done
command -v fakeroot >/dev/null 2>&1 || { echo "build-deb: fakeroot not found (apt-get install fakeroot)" >&2; exit 2; }

# "streamdoctor 0.1.0 (protocol 1)" -> 0.1.0; Debian versions must start with a digit.
version=$("${bin}java" -jar "$jar" --version | awk '{print $2}')
case "$version" in [0-9]*) ;; *) echo "build-deb: cannot read a version from $jar ($version)" >&2; exit 2 ;; esac

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
mkdir -p "$work/input" "$out"
cp "$jar" "$work/input/streamdoctor.jar"
cp "$here/deb/postinst" "$here/deb/prerm" "$here/deb/postrm" "$work/"
chmod 755 "$work/postinst" "$work/prerm" "$work/postrm"

# Modules the jar uses (jdeps), plus TLS elliptic curves and sun.misc.Unsafe (JNA) that jdeps cannot see.
modules=$("${bin}jdeps" --print-module-deps --ignore-missing-deps --multi-release 17 "$jar")
modules="$modules,java.logging,jdk.crypto.ec,jdk.unsupported"

# The runtime keeps bin/java: jlink needs it to generate the default CDS archive.
# Same JVM options as the per-user launcher (installer/JavaRuntime.java): small heap, class-data
# sharing, JVM logging on stderr because stdout carries native-messaging frames only.
rm -f "$out"/streamdoctor_*.deb
"${bin}jpackage" --type deb \
  --name streamdoctor --app-version "$version" \
  --vendor "StreamDoctor" --description "Explains why AI-chat answer streams break (native-messaging host and CLI)" \
  --input "$work/input" --main-jar streamdoctor.jar --main-class io.streamdoctor.Main \
  --add-modules "$modules" \
  --jlink-options "--strip-debug --no-man-pages --no-header-files --generate-cds-archive" \
  --java-options "-Xms8m -Xmx128m -XX:+UseSerialGC -Xss512k -Xshare:auto -Xlog:disable -Xlog:all=warning:stderr" \
  --linux-package-name streamdoctor --linux-app-category utils \
  --linux-deb-maintainer "maintainers@streamdoctor.dev" \
  --license-file "$root/LICENSE" \
  --install-dir /opt \
  --resource-dir "$work" \
  --dest "$out"

ls "$out"/streamdoctor_*.deb
