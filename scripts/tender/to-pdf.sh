#!/bin/sh
# Converts every OpenDocument file of a tender package folder to PDF with LibreOffice (headless), then
# checks that each PDF was written and that no spreadsheet formula shows an error (Err:, #REF!, #NAME?,
# #VALUE!) once LibreOffice has recalculated it. Installs LibreOffice (Debian: writer and calc without
# GUI) and poppler-utils if missing: heavy, so kept out of `make test` and CI.
#
# usage: scripts/tender/to-pdf.sh OUT_DIR        (OUT_DIR as given to `parcours tender --out`)
#        then look at pages: pdftoppm -png -r 60 -f 1 -l 2 OUT_DIR/BE-namur/pdf/inventaire.pdf /tmp/page
set -eu
out="${1:?usage: scripts/tender/to-pdf.sh OUT_DIR}"
if ! command -v soffice >/dev/null 2>&1 || ! command -v pdftotext >/dev/null 2>&1; then
    apt-get update -qq
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends \
        libreoffice-writer-nogui libreoffice-calc-nogui poppler-utils fonts-liberation >/dev/null
fi
profile=$(mktemp -d)
trap 'rm -rf "$profile"' EXIT
status=0
for folder in "$out"/*/; do
    mkdir -p "$folder/pdf"
    soffice -env:UserInstallation="file://$profile" --headless --convert-to pdf --outdir "$folder/pdf" \
        "$folder"/*.odt "$folder"/*.ods >/dev/null 2>&1
    for file in "$folder"/*.odt "$folder"/*.ods; do
        name=$(basename "$file"); pdf="$folder/pdf/${name%.*}.pdf"
        if [ ! -s "$pdf" ]; then echo "MISSING $pdf"; status=1; continue; fi
        pages=$(pdfinfo "$pdf" | awk '/^Pages:/ {print $2}')
        if pdftotext "$pdf" - | grep -Eq 'Err:[0-9]|#REF!|#NAME\?|#VALUE!|#DIV/0!'; then
            echo "FORMULA ERROR $pdf"; status=1
        else
            echo "ok $pdf ($pages pages)"
        fi
    done
done
exit $status
