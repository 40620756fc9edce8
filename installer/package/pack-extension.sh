#!/bin/sh
# Packages the extension for the stores (docs/packaging.md):
#   OUTDIR/chrome/                        the Chrome Web Store layout (manifest without "key": the
#                                         store assigns its own key and id)
#   OUTDIR/streamdoctor-chrome-V.zip      upload this to the Chrome Web Store
#   OUTDIR/firefox/                       the .xpi layout (Firefox manifest)
#   OUTDIR/streamdoctor-firefox-V.xpi     unsigned; addons.mozilla.org signs it
# The Firefox build comes from extension/tools/build-firefox.mjs when it exists (it writes
# EXTENSION_DIR/dist/firefox/), else from installer/package/firefox-manifest.mjs.
# usage: installer/package/pack-extension.sh [EXTENSION_DIR] [OUTDIR] [--lint]
#   --lint  also run Mozilla's addons-linter on OUTDIR/firefox (ADDONS_LINTER=path, else npx).
set -eu

here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/../.." && pwd)
lint=no
ext_arg=""
out_arg=""
for a in "$@"; do
  case "$a" in
    --lint) lint=yes ;;
    *) if [ -z "$ext_arg" ]; then ext_arg=$a; else out_arg=$a; fi ;;
  esac
done
ext=$(cd "${ext_arg:-$root/extension}" && pwd)
out=${out_arg:-$root/installer/target/extension}

[ -f "$ext/manifest.json" ] || { echo "pack-extension: no manifest.json in $ext" >&2; exit 2; }
command -v node >/dev/null 2>&1 || { echo "pack-extension: node is required" >&2; exit 2; }
version=$(node -e "process.stdout.write(JSON.parse(require('fs').readFileSync(process.argv[1],'utf8')).version)" "$ext/manifest.json")

# Only what the browser loads: sources and development files stay out.
stage() {
  rm -rf "$1" && mkdir -p "$1"
  tar -C "$ext" \
    --exclude=./node_modules --exclude=./test --exclude=./test-support --exclude=./tools \
    --exclude=./package.json --exclude=./package-lock.json --exclude=./pom.xml --exclude=./target \
    --exclude='./.*' --exclude='*.test.js' --exclude='*.test.mjs' --exclude='*.md' --exclude=./dist --exclude=./build \
    -cf - . | tar -C "$1" -xf -
}

archive() { # archive DIR FILE: a zip with manifest.json at its root
  rm -f "$2"
  if command -v zip >/dev/null 2>&1; then
    (cd "$1" && zip -qrX "$2" .)
  else
    (cd "$1" && jar --create --no-manifest --file "$2" .)
  fi
}

mkdir -p "$out"
out=$(cd "$out" && pwd)

stage "$out/chrome"
node -e "const f=process.argv[1],fs=require('fs');const m=JSON.parse(fs.readFileSync(f,'utf8'));delete m.key;fs.writeFileSync(f,JSON.stringify(m,null,2)+'\n')" "$out/chrome/manifest.json"
archive "$out/chrome" "$out/streamdoctor-chrome-$version.zip"

stage "$out/firefox"
if [ -f "$ext/tools/build-firefox.mjs" ]; then
  # The extension's own build writes EXTENSION_DIR/dist/firefox/ (tools/build-firefox.mjs).
  rm -rf "$out/firefox"
  (cd "$ext" && node tools/build-firefox.mjs)
  [ -f "$ext/dist/firefox/manifest.json" ] || { echo "pack-extension: build-firefox.mjs left no $ext/dist/firefox/manifest.json" >&2; exit 1; }
  cp -R "$ext/dist/firefox" "$out/firefox"
else
  node "$here/firefox-manifest.mjs" "$ext/manifest.json" "$out/firefox/manifest.json"
fi
archive "$out/firefox" "$out/streamdoctor-firefox-$version.xpi"

ls -l "$out"/streamdoctor-*
if [ "$lint" = yes ]; then
  if [ -n "${ADDONS_LINTER:-}" ]; then
    "$ADDONS_LINTER" "$out/firefox"
  else
    npx --yes addons-linter "$out/firefox"
  fi
fi
