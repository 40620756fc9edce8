# Windows: builds StreamDoctor-<version>.msi with jpackage (bundled runtime; needs WiX 3 on PATH).
# --win-console: the launcher must be a console program, or it has no stdin/stdout for the
# browser's pipes. --win-per-user-install: no admin rights; the host is then registered per user
# (HKCU) by running 'StreamDoctor.exe install' once (docs/packaging.md). Untested in CI here.
# usage: powershell -File installer/package/build-msi.ps1 [-Jar host\target\streamdoctor.jar] [-Out installer\target\msi]
param(
  [string]$Jar = "host\target\streamdoctor.jar",
  [string]$Out = "installer\target\msi"
)
$ErrorActionPreference = "Stop"
$version = (& java -jar $Jar --version).Split(" ")[1]
$work = New-Item -ItemType Directory -Path (Join-Path $env:TEMP ("sd-msi-" + [guid]::NewGuid()))
New-Item -ItemType Directory -Force -Path (Join-Path $work "input"), $Out | Out-Null
Copy-Item $Jar (Join-Path $work "input\streamdoctor.jar")
$modules = (& jdeps --print-module-deps --ignore-missing-deps --multi-release 17 $Jar) + ",java.logging,jdk.crypto.ec,jdk.unsupported"
& jpackage --type msi --name StreamDoctor --app-version $version --vendor StreamDoctor `
  --input (Join-Path $work "input") --main-jar streamdoctor.jar --main-class io.streamdoctor.Main `
  --add-modules $modules --win-console --win-per-user-install --win-upgrade-uuid 6f1c3a52-6d1e-4a39-9a43-5d2f0e7b8c11 `
  --java-options "-Xms8m -Xmx128m -XX:+UseSerialGC -Xss512k -Xshare:auto -Xlog:disable -Xlog:all=warning:stderr" `
  --license-file LICENSE --dest $Out
Remove-Item -Recurse -Force $work
Get-ChildItem $Out
