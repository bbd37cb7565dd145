#!/usr/bin/env bash
# System packages the test suite needs: Maven (fetches the Elasticsearch node), a JDK ≥ 21 for
# Elasticsearch 9, Debian's Chromium for the browser and render_js tests, and redis-server for the
# distributed-crawl test. Installs only what is missing.
set -euo pipefail

missing=()
command -v mvn >/dev/null || missing+=(maven)
command -v chromium >/dev/null || missing+=(chromium)
command -v redis-server >/dev/null || missing+=(redis-server)
has_jdk21=no
for release in /usr/lib/jvm/*/release; do
  [ -f "$release" ] || continue
  major=$(sed -n 's/^JAVA_VERSION="\([0-9]*\).*/\1/p' "$release")
  if [ -n "$major" ] && [ "$major" -ge 21 ]; then has_jdk21=yes; fi
done
[ "$has_jdk21" = yes ] || [ -n "${ES_JAVA_HOME:-}" ] || missing+=(openjdk-21-jdk-headless)

if [ ${#missing[@]} -eq 0 ]; then
  exit 0
fi
if [ "$(id -u)" -ne 0 ]; then
  echo "Missing system packages: ${missing[*]}. Install them with: sudo apt-get install ${missing[*]}" >&2
  exit 1
fi
echo "Installing system packages: ${missing[*]}"
apt-get update -qq
DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
