#!/usr/bin/env bash
# Builds the .deb packages from a build tree with cpack, into a temporary
# directory, and checks that each one holds what a user needs.
#   check-debs.sh <build dir> <version> <app|-> <server|->
# A component whose BIZY_BUILD_* option is off is passed as "-" and skipped; a
# missing file of a built component is a failure.
set -euo pipefail

build_dir=$1
version=$2
want_app=$3
want_server=$4
metainfo_id=org.bizy.Bizy

failures=0
fail() {
    echo "FAIL: $*" >&2
    failures=$((failures + 1))
}
pass() { echo "ok: $*"; }

for tool in cpack dpkg-deb dpkg-shlibdeps desktop-file-validate appstreamcli systemd-analyze; do
    command -v "$tool" >/dev/null || { echo "FAIL: $tool is not installed" >&2; exit 1; }
done

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

if [[ $want_app == - && $want_server == - ]]; then
    echo "neither the app nor the server is built: nothing to package"
    exit 0
fi

echo "cpack into $work"
if ! cpack -G DEB --config "$build_dir/CPackConfig.cmake" -B "$work" >"$work/cpack.log" 2>&1; then
    cat "$work/cpack.log" >&2
    fail "cpack failed"
    exit 1
fi

# The package file of one package name, or nothing.
deb_of() {
    find "$work" -maxdepth 1 -name "$1_${version}-*.deb" | head -n 1
}

# Checks that `deb` lists `path` among its files, as a regular file or link.
# The file list of a package, read once (grep -q on a pipe would cut it short).
contents_of() {
    dpkg-deb --contents "$1"
}

has_file() {
    local deb=$1 path=$2
    if grep -Eq "^[-l][^ ]* \.${path}$" <<<"$(awk '{print $1, $NF}' <<<"$(contents_of "$deb")")"; then
        pass "$(basename "$deb") has $path"
    else
        fail "$(basename "$deb") lacks $path"
    fi
}

has_executable() {
    local deb=$1 path=$2
    if grep -Eq "^-rwxr-xr-x .* \.${path}$" <<<"$(contents_of "$deb")"; then
        pass "$(basename "$deb") has $path, executable"
    else
        fail "$(basename "$deb") lacks the executable $path"
    fi
}

# Checks the control fields every package needs.
check_control() {
    local deb=$1 name=$2
    shift 2
    local field
    [[ $(dpkg-deb --field "$deb" Package) == "$name" ]] && pass "$name: Package" ||
        fail "$name: Package is $(dpkg-deb --field "$deb" Package)"
    [[ $(dpkg-deb --field "$deb" Version) == "$version"-* ]] && pass "$name: Version" ||
        fail "$name: Version is $(dpkg-deb --field "$deb" Version), want $version-*"
    for field in Maintainer Section Description Architecture; do
        [[ -n $(dpkg-deb --field "$deb" "$field") ]] && pass "$name: $field" ||
            fail "$name: no $field"
    done
    local depends
    depends=$(dpkg-deb --field "$deb" Depends)
    echo "$name Depends: $depends"
    local library
    for library in "$@"; do
        if grep -Eq "(^|, )${library}( |,|$)" <<<"$depends"; then
            pass "$name depends on $library"
        else
            fail "$name: Depends does not name $library"
        fi
    done
}

if [[ $want_app != - ]]; then
    deb=$(deb_of bizy)
    if [[ -z $deb ]]; then
        fail "no bizy_${version}-*.deb was built"
    else
        has_executable "$deb" /usr/bin/bizy
        has_file "$deb" /usr/share/applications/bizy.desktop
        has_file "$deb" /usr/share/icons/hicolor/scalable/apps/bizy.svg
        has_file "$deb" "/usr/share/metainfo/${metainfo_id}.metainfo.xml"
        check_control "$deb" bizy libqt6core6 libqt6gui6 libqt6widgets6 libqt6sql6 \
            libqt6sql6-sqlite libqt6svg6
        if grep -q "bizy-server" <<<"$(contents_of "$deb")"; then
            fail "bizy carries server files"
        fi

        root="$work/bizy-root"
        dpkg-deb --extract "$deb" "$root"
        if [[ -f $root/usr/share/applications/bizy.desktop ]]; then
            desktop-file-validate "$root/usr/share/applications/bizy.desktop" &&
                pass "bizy.desktop is valid" || fail "desktop-file-validate refuses bizy.desktop"
            grep -qx "Exec=bizy.*" "$root/usr/share/applications/bizy.desktop" &&
                pass "bizy.desktop starts bizy" || fail "bizy.desktop does not start bizy"
            grep -qx "Icon=bizy" "$root/usr/share/applications/bizy.desktop" &&
                pass "bizy.desktop uses the bizy icon" || fail "bizy.desktop does not use Icon=bizy"
        fi
        metainfo="$root/usr/share/metainfo/${metainfo_id}.metainfo.xml"
        if [[ -f $metainfo ]]; then
            appstreamcli validate --no-net "$metainfo" >"$work/appstream.log" 2>&1 &&
                pass "metainfo is valid" || { cat "$work/appstream.log" >&2; fail "appstreamcli refuses the metainfo"; }
            grep -q "<launchable type=\"desktop-id\">bizy.desktop</launchable>" "$metainfo" &&
                pass "metainfo launches bizy.desktop" || fail "metainfo does not name bizy.desktop"
            grep -q "<release version=\"${version}\"" "$metainfo" &&
                pass "metainfo lists release $version" ||
                fail "metainfo has no <release version=\"${version}\">: software centres would show an old version"
        fi
        svg="$root/usr/share/icons/hicolor/scalable/apps/bizy.svg"
        if [[ -f $svg ]]; then
            grep -q "<svg" "$svg" && pass "the icon is an SVG" || fail "the icon is not an SVG"
        fi
        if [[ -f $root/usr/bin/bizy ]]; then
            [[ $(file "$root/usr/bin/bizy") == *ELF* ]] && pass "bizy is an ELF executable" ||
                fail "bizy is not an ELF executable"
        fi
    fi
fi

if [[ $want_server != - ]]; then
    deb=$(deb_of bizy-server)
    if [[ -z $deb ]]; then
        fail "no bizy-server_${version}-*.deb was built"
    else
        has_executable "$deb" /usr/bin/bizy-server
        has_file "$deb" /lib/systemd/system/bizy-server.service
        has_file "$deb" /etc/bizy/server.env.example
        check_control "$deb" bizy-server libqt6core6 libqt6httpserver6 libqt6sql6 \
            libqt6sql6-psql adduser

        control="$work/server-control"
        dpkg-deb --control "$deb" "$control"
        for script in postinst prerm postrm; do
            if [[ -x $control/$script ]] && sh -n "$control/$script"; then
                pass "bizy-server has an executable, well-formed $script"
            else
                fail "bizy-server lacks a working $script"
            fi
        done
        grep -q "adduser --system" "$control/postinst" && pass "postinst creates the system user" ||
            fail "postinst does not create the system user"
        grep -qx "/etc/bizy/server.env.example" "$control/conffiles" 2>/dev/null &&
            pass "server.env.example is a conffile" || fail "server.env.example is not a conffile"

        root="$work/server-root"
        dpkg-deb --extract "$deb" "$root"
        unit="$root/lib/systemd/system/bizy-server.service"
        if [[ -f $unit ]]; then
            for line in "User=bizy" "EnvironmentFile=/etc/bizy/server.env" \
                "ExecStart=/usr/bin/bizy-server" "Restart=on-failure" "NoNewPrivileges=yes" \
                "ProtectSystem=strict" "PrivateTmp=yes" "WantedBy=multi-user.target"; do
                grep -qx "$line" "$unit" && pass "unit: $line" || fail "unit lacks $line"
            done
            # systemd-analyze checks the unit against the extracted binary. It
            # exits 0 even for unknown keys, so any complaint counts.
            sed "s|/usr/bin/bizy-server|$root/usr/bin/bizy-server|" "$unit" >"$work/bizy-server.service"
            if systemd-analyze verify "$work/bizy-server.service" >"$work/verify.log" 2>&1 &&
                [[ ! -s $work/verify.log ]]; then
                pass "systemd-analyze accepts the unit"
            else
                cat "$work/verify.log" >&2
                fail "systemd-analyze verify complains about the unit"
            fi
        fi
        example="$root/etc/bizy/server.env.example"
        if [[ -f $example ]]; then
            for variable in DATABASE_URL JWT_SECRET BIZY_HOST BIZY_PORT BIZY_WORKERS \
                BIZY_AUTH_RATE_LIMIT; do
                grep -Eq "^#?${variable}=" "$example" && pass "env example documents $variable" ||
                    fail "env example lacks $variable"
            done
        fi
        if [[ -f $root/usr/bin/bizy-server ]]; then
            [[ $(file "$root/usr/bin/bizy-server") == *ELF* ]] &&
                pass "bizy-server is an ELF executable" || fail "bizy-server is not an ELF executable"
        fi
    fi
fi

if ((failures > 0)); then
    echo "$failures check(s) failed" >&2
    exit 1
fi
echo "all package checks passed"
