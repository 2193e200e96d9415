#!/bin/sh
# Renders a migsim HTML report to a PNG with headless Chromium, so that
# what people will see can be looked at, not assumed.
#
# usage: scripts/render-report.sh REPORT.html [OUT.png] [WIDTHxHEIGHT]
#        scripts/render-report.sh --sample [OUT.png] [WIDTHxHEIGHT]
#        scripts/render-report.sh --compare SCENARIO [OUT.png] [WIDTHxHEIGHT]
#
# --sample writes the report tests' sample comparison to
# .build/sample-report.html first (it runs one test) and renders that.
# --compare runs `migsim compare SCENARIO --report` (release build, every
# strategy, 10 seeds) into .build/compare-report.html, prints the table,
# and renders the page (1400x3900 by default, the whole report).
# OUT.png defaults to the report's path with .png; the window defaults to
# 1280x2400. Needs Debian's `chromium` package (installed with apt-get when
# run as root). When `xmllint` is available the page is first checked to be
# well-formed XML (the report is written so; `--html` would only complain
# that HTML 4 knows no SVG).
set -eu

if [ $# -lt 1 ]; then
  sed -n '5,7p' "$0" | sed 's/^# //' >&2
  exit 2
fi

default_size=1280x2400
if [ "$1" = "--sample" ]; then
  report="$(pwd)/.build/sample-report.html"
  mkdir -p .build
  MIGSIM_SAMPLE_REPORT="$report" swift test \
    --filter writesTheSampleReportWhenAsked >/dev/null
elif [ "$1" = "--compare" ]; then
  [ $# -ge 2 ] || { echo "--compare needs a scenario file" >&2; exit 2; }
  report="$(pwd)/.build/compare-report.html"
  mkdir -p .build
  swift build -c release --product migsim >/dev/null
  .build/release/migsim compare "$2" --report "$report"
  default_size=1400x3900
  shift
else
  report="$1"
fi
[ -f "$report" ] || { echo "no such report: $report" >&2; exit 1; }
out="${2:-${report%.html}.png}"
size="${3:-$default_size}"

if ! command -v chromium >/dev/null 2>&1; then
  if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1; then
    echo "installing chromium" >&2
    apt-get update -qq >&2
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >&2
  else
    echo "chromium is missing: sudo apt-get install chromium" >&2
    exit 1
  fi
fi

if command -v xmllint >/dev/null 2>&1; then
  xmllint --noout "$report"
fi

case "$report" in
  /*) url="file://$report" ;;
  *) url="file://$(pwd)/$report" ;;
esac
case "$out" in
  /*) target="$out" ;;
  *) target="$(pwd)/$out" ;;
esac

chromium --headless --no-sandbox --disable-gpu --hide-scrollbars \
  --screenshot="$target" --window-size="$(echo "$size" | tr x ,)" \
  "$url" 2>/dev/null
echo "$target"
