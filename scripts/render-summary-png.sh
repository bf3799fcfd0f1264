#!/usr/bin/env bash
# Renders the printed page of the 汇总 sheet that has 汇总是否达标 (its colours, and the name columns repeated on every
# page) to docs/consolidate-summary.png, cut to the printed table so that it can be read: LibreOffice prints the
# workbook to PDF, pdftotext finds that page and where its words end, and pdftoppm renders that part at 200 dpi. The summary is the demo's first one
# (out/demo/000/汇总.xlsx, made by `npm run demo` when it is missing), or the workbook given as the argument.
# Needs libreoffice-calc-nogui, poppler-utils and fonts-noto-cjk.
set -euo pipefail
cd "$(dirname "$0")/.."
summary="${1:-out/demo/000/汇总.xlsx}"
if [ ! -e "$summary" ]; then npm run demo >/dev/null; fi
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
cp "$summary" "$work/summary.xlsx"
soffice --headless "-env:UserInstallation=file://$work/profile" --convert-to pdf --outdir "$work" "$work/summary.xlsx" >/dev/null 2>&1
pages="$(pdfinfo "$work/summary.pdf" | sed -n 's/^Pages: *//p')"
page=""
for p in $(seq 1 "$pages"); do
  if pdftotext -f "$p" -l "$p" "$work/summary.pdf" - | grep -q '^汇总是否达标$'; then page="$p" && break; fi
done
[ -n "$page" ] || { echo "no page of 汇总 in $summary" >&2; exit 1; }
pdftotext -f "$page" -l "$page" -bbox "$work/summary.pdf" "$work/words.html"
# The box of the page's words above its footer (page number), in points, with a margin; then in pixels at 200 dpi.
read -r x y w h < <(python3 - "$work/words.html" <<'PY'
import re, sys
html = open(sys.argv[1], encoding="utf8").read()
height = float(re.search(r'<page width="[\d.]+" height="([\d.]+)"', html).group(1))
boxes = [tuple(map(float, m)) for m in re.findall(r'xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="([\d.]+)"', html)]
body = [b for b in boxes if b[3] < height * 0.92]
x0, y0 = min(b[0] for b in body) - 6, min(b[1] for b in body) - 6
x1, y1 = max(b[2] for b in body) + 6, max(b[3] for b in body) + 6
scale = 200 / 72
print(round(x0 * scale), round(y0 * scale), round((x1 - x0) * scale), round((y1 - y0) * scale))
PY
)
pdftoppm -r 200 -png -f "$page" -l "$page" -singlefile -x "$x" -y "$y" -W "$w" -H "$h" "$work/summary.pdf" "$work/page"
mkdir -p docs
cp "$work/page.png" docs/consolidate-summary.png
echo "docs/consolidate-summary.png (page $page of $summary, ${w}×${h})"
