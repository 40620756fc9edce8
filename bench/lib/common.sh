# Shared by the bench scripts: paths, a sandboxed StreamDoctor home, the installed launcher.
# Every host these benches start runs with STREAMDOCTOR_LOOPBACK_ONLY=1 and a temp
# STREAMDOCTOR_HOME whose targets.json points every resolver, DoH and status page at 127.0.0.1
# port 9 (discard: nothing answers), so no bench sends a packet off this machine.
set -eu
BENCH_DIR=$(cd "$(dirname "$0")" && pwd)
ROOT=$(cd "$BENCH_DIR/.." && pwd)
JAR=${STREAMDOCTOR_JAR:-$ROOT/host/target/streamdoctor.jar}
JDK17=${JDK17:-/usr/lib/jvm/java-17-openjdk-amd64/bin/java}
JDK25=${JDK25:-/usr/lib/jvm/temurin-25-jdk-amd64/bin/java}
CALLER=chrome-extension://omagcholnfmppnbeobpckdaifhiiilgi/
export STREAMDOCTOR_LOOPBACK_ONLY=1

need_jar() {
  if [ ! -f "$JAR" ]; then
    echo "building $JAR" >&2
    (cd "$ROOT" && mvn -B -q -o -pl host -am package -DskipTests) >&2
  fi
}

# sandbox DIR: a StreamDoctor home whose every external target is a closed 127.0.0.1 port, the
# same file the e2e tests write (e2e/lib/safety.mjs): dead resolvers, no DoH, no identity queries,
# no status pages, every chat host connected to 127.0.0.1:9.
sandbox() {
  mkdir -p "$1/home/config" "$1/profile"
  node --input-type=module -e '
    import { writeLoopbackTargets } from "'"$ROOT"'/e2e/lib/safety.mjs";
    writeLoopbackTargets(process.argv[1]);' "$1/home"
}

# install_host DIR JAVA [OPTION...]: installs into sandbox DIR with that Java the way a user would
# ('streamdoctor install --browser chromium --profile-dir', plus the options), prints the launcher path read from
# the manifest the installer wrote.
install_host() {
  d=$1 j=$2
  shift 2
  sandbox "$d"
  STREAMDOCTOR_HOME="$d/home" HOME="$d" "$j" -jar "$JAR" install --browser chromium \
    --profile-dir "$d/profile" --java "$j" "$@" >"$d/install.log" 2>&1 || { cat "$d/install.log" >&2; return 1; }
  node -e 'console.log(JSON.parse(require("fs").readFileSync(process.argv[1],"utf8")).path)' \
    "$d/profile/NativeMessagingHosts/io.streamdoctor.host.json"
}

machine() {
  echo "machine: nproc=$(nproc) cpu=\"$(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | sed 's/^ //')\" ram_mib=$(free -m | awk '/Mem:/{print $2}') load=\"$(cut -d' ' -f1-3 /proc/loadavg)\""
}
