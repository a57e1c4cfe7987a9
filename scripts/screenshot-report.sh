#!/usr/bin/env bash
# screenshot-report.sh REPORT.html OUT.png [WIDTH,HEIGHT]
#
# Renders an HTML report of mission-eval in headless Chromium and saves a PNG of it, to check in a real browser that
# the page draws its charts offline. Chromium gets no network use of its own (no sync, updates or background
# requests); the report must not need any. The default window is 1400x3000 pixels (the top of a long report).
#
# Needs Chromium: Debian's package `chromium` (apt-get install -y chromium); set CHROMIUM to use another binary.
# Exit codes: 0 done, 2 wrong usage or missing input, 3 no Chromium or no PNG written.
set -euo pipefail

usage() {
  echo "usage: $(basename "$0") REPORT.html OUT.png [WIDTH,HEIGHT]" >&2
  exit 2
}

[ $# -ge 2 ] && [ $# -le 3 ] || usage
report="$1"
out="$2"
size="${3:-1400,3000}"
[[ "$size" =~ ^[0-9]+,[0-9]+$ ]] || { echo "screenshot-report.sh: WIDTH,HEIGHT must be two numbers, e.g. 1400,3000" >&2; exit 2; }
[ -f "$report" ] || { echo "screenshot-report.sh: no such file: $report" >&2; exit 2; }

chromium="${CHROMIUM:-}"
if [ -z "$chromium" ]; then
  for candidate in chromium chromium-browser google-chrome; do
    if command -v "$candidate" >/dev/null 2>&1; then
      chromium="$(command -v "$candidate")"
      break
    fi
  done
fi
if [ -z "$chromium" ]; then
  echo "screenshot-report.sh: Chromium is not installed. On Debian: apt-get install -y chromium" >&2
  exit 3
fi

# absolute paths: Chromium resolves the screenshot path against its own working directory
report_abs="$(cd "$(dirname "$report")" && pwd)/$(basename "$report")"
out_dir="$(dirname "$out")"
mkdir -p "$out_dir"
out_abs="$(cd "$out_dir" && pwd)/$(basename "$out")"
profile="$(mktemp -d)"
trap 'rm -rf "$profile"' EXIT
rm -f "$out_abs"

# --virtual-time-budget lets the page's scripts run (charts drawn) before the picture is taken.
"$chromium" --headless --no-sandbox --disable-gpu --disable-quic --no-first-run \
  --disable-background-networking --disable-component-update --disable-sync \
  --user-data-dir="$profile" --screenshot="$out_abs" --window-size="$size" \
  --virtual-time-budget=5000 "file://$report_abs" >"$profile/chromium.log" 2>&1 || true

if [ ! -s "$out_abs" ]; then
  echo "screenshot-report.sh: Chromium wrote no picture; its log:" >&2
  cat "$profile/chromium.log" >&2
  exit 3
fi
echo "Wrote $out ($(wc -c <"$out_abs") bytes) from $report"
