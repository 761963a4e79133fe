#!/bin/bash
# The installed Tamga, tested as a researcher gets it (docs/releasing.md). Not part of ./mvnw verify.
#
#   src/dist/test-installer.sh [SCREENSHOT.png]      (default docs/img/installed-1366x768.png)
#
# Builds the .deb (./mvnw -Pdist package; SKIP_BUILD=1 takes the one in target/dist), installs it
# with apt-get (so: root, on a machine you can throw away), then, with JAVA_HOME unset and no java
# on the PATH: makes the sample project with `tamga sample --no-window`, opens it the way a
# double-click does (`Tamga FILE.tamga`) in an Xvfb screen of 1366x768, times the start until the
# project's window is there, takes a screenshot once the window has stopped changing, and runs
# `tamga info` and `tamga diagnostics`. Prints the package's and the installed size.
# Needs: xvfb-run, ImageMagick's import, xwininfo (apt-get install -y xvfb imagemagick x11-utils).
set -euo pipefail
cd "$(dirname "$0")/../.."
shot=${1:-docs/img/installed-1366x768.png}

if [ "${SKIP_BUILD:-}" != 1 ]; then
    ./mvnw -q -Pdist -DskipTests -Djacoco.skip=true package
fi
deb=$(ls target/dist/tamga_*.deb)
echo "package: $deb, $(du -m "$deb" | cut -f1) MB"

# the folders a desktop system has for menu entries (a bare container lacks them; without them the
# package installs, but with no menu entry)
mkdir -p /usr/share/applications /usr/share/desktop-directories
# as the README says: apt installs the package and what it depends on (xdg-utils, the X libraries)
apt-get install -y -q --reinstall "$PWD/$deb" >/dev/null
echo "installed: $(dpkg-query -W -f='${Installed-Size}' tamga) KiB (dpkg), $(du -sm /opt/tamga | cut -f1) MB in /opt/tamga"
test -x /usr/bin/tamga || { echo "FAIL: no tamga on the PATH"; exit 1; }
if [ -f /opt/tamga/lib/app/tamga.aot ]; then echo "AOT cache recorded at installation: $(du -m /opt/tamga/lib/app/tamga.aot | cut -f1) MB"; else echo "no AOT cache"; fi
echo "desktop entry: $(grep '^Exec=' /usr/share/applications/tamga-Tamga.desktop)"
echo "mime type of a project: $(grep -o 'application/x-tamga' /usr/share/mime/packages/tamga-Tamga-MimeInfo.xml 2>/dev/null || echo 'not registered')"

# a researcher's account: no Java anywhere; the first-run question already answered (Java takes
# user.home from the system's user table, not $HOME: the settings are found through XDG_CONFIG_HOME)
work=$(mktemp -d)
mkdir -p "$work/bin" "$work/home/.config/tamga"
ln -s /usr/bin/tamga "$work/bin/tamga"
printf 'coder=Saran\ncoder.confirmed=true\n' > "$work/home/.config/tamga/settings.properties"
as_researcher() { env -i HOME="$work/home" XDG_CONFIG_HOME="$work/home/.config" XDG_CACHE_HOME="$work/home/.cache" PATH="$work/bin" LANG=C.UTF-8 ${DISPLAY:+DISPLAY=$DISPLAY} "$@"; }
if as_researcher sh -c 'command -v java' >/dev/null 2>&1; then echo "FAIL: java is on the researcher's PATH"; exit 1; fi

sample="$work/home/Tamga/tamga-sample.tamga"
mkdir -p "$(dirname "$sample")"
as_researcher tamga sample --no-window "$sample" | head -1
echo "--- tamga info"
as_researcher tamga info "$sample"
echo "--- tamga diagnostics (Java)"
as_researcher tamga diagnostics | grep "^Java"
start=$(date +%s.%N)
as_researcher tamga info "$sample" >/dev/null
echo "tamga info took $(echo "$(date +%s.%N) - $start" | bc) s"

# the window, opened as a double-click opens it, on a 1366x768 screen
export work sample shot
export -f as_researcher
xvfb-run -a -s "-screen 0 1366x768x24" bash -c '
    set -euo pipefail
    start=$(date +%s.%N)
    env -i HOME="$work/home" XDG_CONFIG_HOME="$work/home/.config" XDG_CACHE_HOME="$work/home/.cache" PATH="$work/bin" LANG=C.UTF-8 DISPLAY="$DISPLAY" XAUTHORITY="$XAUTHORITY" /opt/tamga/bin/Tamga "$sample" > "$work/window.log" 2>&1 &
    app=$!
    deadline=$(( $(date +%s) + 120 ))
    until xwininfo -root -tree 2>/dev/null | grep -q "Tamga"; do
        if ! kill -0 $app 2>/dev/null; then echo "FAIL: Tamga ended before its window showed"; cat "$work/window.log"; exit 1; fi
        if [ $(date +%s) -gt $deadline ]; then echo "FAIL: no window after 120 s"; cat "$work/window.log"; exit 1; fi
        sleep 0.1
    done
    echo "start to window: $(echo "$(date +%s.%N) - $start" | bc) s"
    # the project is shown when the title names it (the welcome screen is there while the index is made)
    until xwininfo -root -tree 2>/dev/null | grep -q "tamga-sample"; do
        if [ $(date +%s) -gt $deadline ]; then echo "FAIL: the project was not shown after 120 s"; cat "$work/window.log"; exit 1; fi
        sleep 0.1
    done
    echo "start to the project in the window: $(echo "$(date +%s.%N) - $start" | bc) s"
    # the screenshot once three in a row are the same (the transcript and counts loaded); 1.3 s apart,
    # not 1 s, so that a spinner turning once a second does not look still
    previous=""
    same=0
    deadline=$(( $(date +%s) + 60 ))
    while :; do
        sleep 1.3
        import -window root "$work/shot.png"
        sum=$(md5sum < "$work/shot.png")
        if [ "$sum" = "$previous" ]; then same=$((same + 1)); else same=0; fi
        [ $same -ge 2 ] && break
        previous=$sum
        [ $(date +%s) -gt $deadline ] && { echo "the window kept changing for 60 s; the last screenshot is kept"; break; }
    done
    echo "settled: $(echo "$(date +%s.%N) - $start" | bc) s"
    cp "$work/shot.png" "$shot"
    kill $app
    wait $app || true
    if grep -q "Exception\|unnamed module" "$work/window.log"; then echo "FAIL: the window printed:"; cat "$work/window.log"; exit 1; fi
'
echo "screenshot: $shot"
rm -rf "$work"
