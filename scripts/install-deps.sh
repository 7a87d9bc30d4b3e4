#!/bin/sh
# Install the Debian packages the build and the tests need, only those that
# are missing, with sudo when not root. Quiet and quick when nothing is.
set -e

PACKAGES="gcc make pkg-config libelf-dev libdw-dev libtraceevent-dev
libunwind-dev python3-dev libslang2-dev libzstd-dev linux-perf
chromium"

missing=
for p in $PACKAGES; do
	if ! dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q 'ok installed'; then
		missing="$missing $p"
	fi
done
[ -z "$missing" ] && exit 0

if ! command -v apt-get >/dev/null 2>&1; then
	echo "deps: missing packages:$missing (no apt-get here: install them by hand)" >&2
	exit 1
fi

SUDO=
if [ "$(id -u)" != 0 ]; then
	if command -v sudo >/dev/null 2>&1; then
		SUDO=sudo
	else
		echo "deps: missing packages:$missing; run as root or install sudo" >&2
		exit 1
	fi
fi

echo "deps: installing$missing"
export DEBIAN_FRONTEND=noninteractive
# A fresh machine has no package lists yet; update once, then install.
$SUDO apt-get update -qq
# shellcheck disable=SC2086
$SUDO apt-get install -y -qq --no-install-recommends $missing
