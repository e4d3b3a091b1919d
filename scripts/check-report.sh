#!/usr/bin/env bash
# Renders a compete report in headless Chromium and checks that its charts are present and non-empty in the
# rendered DOM, and that the headline table has rows. Writes a screenshot next to the report (or to $2).
#   scripts/check-report.sh [REPORT_HTML] [SCREENSHOT_PNG]      (default out/wmca-2021/report.html)
# Exit 0 when the report renders with every chart drawn; 1 when a check fails; 3 when Chromium is missing
# and cannot be installed (apt-get install -y chromium, as root).
set -euo pipefail

report="${1:-out/wmca-2021/report.html}"
shot="${2:-${report%.html}.png}"
min_charts="${MIN_CHARTS:-3}"  # specialisation × growth, relatedness × complexity, rank bands; + technology heat map with firm data
min_shapes="${MIN_SHAPES:-5}"
chromium="${CHROMIUM:-/usr/bin/chromium}"

[[ -f "$report" ]] || { echo "check-report: $report not found; run 'compete run' first" >&2; exit 1; }
if [[ ! -x "$chromium" ]]; then
  if [[ $(id -u) -eq 0 ]] && command -v apt-get >/dev/null; then
    echo "check-report: installing chromium" >&2
    apt-get install -y chromium >/dev/null
  fi
  [[ -x "$chromium" ]] || { echo "check-report: $chromium not found (apt-get install -y chromium)" >&2; exit 3; }
fi

url="file://$(cd "$(dirname "$report")" && pwd)/$(basename "$report")"
profile="$(mktemp -d)"
dom="$(mktemp)"
trap 'rm -rf "$profile" "$dom"' EXIT
flags=(--headless --no-sandbox --disable-gpu --disable-background-networking --disable-component-update
       --disable-sync --no-first-run --user-data-dir="$profile")

"$chromium" "${flags[@]}" --dump-dom "$url" > "$dom" 2>/dev/null
"$chromium" "${flags[@]}" --screenshot="$shot" --window-size=1200,3000 "$url" >/dev/null 2>&1

fail=0
# one line per chart figure: its id and the number of drawn SVG shapes inside it
counts="$(tr '\n' ' ' < "$dom" | grep -o '<figure class="chart"[^>]*>.*</figure>' | sed 's#</figure>#</figure>\n#g' |
  awk 'match($0, /<figure class="chart" id="[^"]*"/) {
         id = substr($0, RSTART + 26, RLENGTH - 27)
         n = gsub(/<(circle|rect|path|line|polyline|polygon)[ >]/, "&")
         svg = gsub(/<svg[ >]/, "&")
         print id, svg, n
       }')"
charts=$(grep -c . <<< "$counts" || true)
echo "charts rendered: $charts"
while read -r id svg n; do
  [[ -z "$id" ]] && continue
  printf '  %-28s svg=%s shapes=%s\n' "$id" "$svg" "$n"
  if [[ "$svg" -lt 1 || "$n" -lt "$min_shapes" ]]; then echo "check-report: chart $id is empty" >&2; fail=1; fi
done <<< "$counts"
if [[ "$charts" -lt "$min_charts" ]]; then echo "check-report: $charts charts, expected at least $min_charts" >&2; fail=1; fi

rows=$(grep -o '<tr data-sector=' "$dom" | wc -l)
echo "headline rows: $rows"
[[ "$rows" -ge 1 ]] || { echo "check-report: the headline table has no rows" >&2; fail=1; }

size=$(stat -c %s "$shot" 2>/dev/null || echo 0)
echo "screenshot: $shot ($size bytes)"
[[ "$size" -gt 10000 ]] || { echo "check-report: screenshot missing or blank" >&2; fail=1; }
exit $fail
