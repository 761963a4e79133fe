#!/bin/sh
# Renders tamga.svg into the PNGs (Linux, the window, the README), tamga.ico (Windows) and, on macOS,
# tamga.icns. Needs rsvg-convert (Debian: librsvg2-bin) and ImageMagick's convert for the .ico.
set -eu
cd "$(dirname "$0")"
for size in 16 24 32 48 64 128 256 512; do
    rsvg-convert -w "$size" -h "$size" tamga.svg -o "tamga-$size.png"
done
convert tamga-16.png tamga-24.png tamga-32.png tamga-48.png tamga-64.png tamga-128.png tamga-256.png tamga.ico
if command -v iconutil >/dev/null 2>&1; then
    set=$(mktemp -d)/tamga.iconset
    mkdir -p "$set"
    for size in 16 32 128 256; do
        cp "tamga-$size.png" "$set/icon_${size}x${size}.png"
        double=$((size * 2))
        rsvg-convert -w "$double" -h "$double" tamga.svg -o "$set/icon_${size}x${size}@2x.png"
    done
    cp tamga-512.png "$set/icon_512x512.png"
    iconutil -c icns -o tamga.icns "$set"
fi
