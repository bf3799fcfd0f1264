#!/usr/bin/env bash
# Renders a personalised template (sample plan 003, unit 东湖区人民医院) to docs/template.png: the CLI writes the copy,
# LibreOffice prints it to PDF, pdftoppm turns the first page of 填报表 (page 2, after 填报说明) into a PNG.
# Needs libreoffice-calc-nogui, poppler-utils and fonts-noto-cjk.
set -euo pipefail
cd "$(dirname "$0")/.."
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
node scripts/build-cli.mjs
printf '单位名称\n东湖区人民医院\n' >"$work/units.csv"
node bin/report-kit.js template test/fixtures/tasklists/003_b1280b1a44e49c58.json --units "$work/units.csv" \
  --period 2023年上半年 --deadline 2023-07-10 --contact "医政科 0791-86000000" -o "$work/out" >/dev/null
copy="$(ls "$work"/out/*东湖区人民医院.xlsx)"
soffice --headless "-env:UserInstallation=file://$work/profile" --convert-to pdf --outdir "$work" "$copy" >/dev/null 2>&1
pdftoppm -r 110 -png -f 2 -l 2 -singlefile "$work"/*.pdf "$work/page"
mkdir -p docs
cp "$work/page.png" docs/template.png
echo "docs/template.png"
