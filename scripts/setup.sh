#!/usr/bin/env bash
# Sets up everything `make demo` and `make test` need, idempotently:
#   1. the Finnish morphology (libvoikko + the voikko-fi dictionary) from the OS,
#   2. a virtual environment in .venv with this package installed editable (+ dev extras).
# A second run only checks and returns in seconds.
set -euo pipefail
cd "$(dirname "$0")/.."

VENV=.venv
STAMP="$VENV/.installed"
say() { printf 'setup: %s\n' "$*" >&2; }

have_voikko() {
    # libvoikko can analyse Finnish only when both the shared library and the
    # Finnish dictionary (voikko-fi) are present.
    local py=${1:-python3}
    "$py" - <<'PY' >/dev/null 2>&1
import ctypes, ctypes.util, sys
name = ctypes.util.find_library("voikko")
if not name:
    sys.exit(1)
lib = ctypes.CDLL(name)
lib.voikkoInit.restype = ctypes.c_void_p
lib.voikkoInit.argtypes = [ctypes.POINTER(ctypes.c_char_p), ctypes.c_char_p, ctypes.c_char_p]
err = ctypes.c_char_p()
handle = lib.voikkoInit(ctypes.byref(err), b"fi", None)
sys.exit(0 if handle else 1)
PY
}

apt_install() {
    if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1; then
        say "installing OS packages: $*"
        export DEBIAN_FRONTEND=noninteractive
        apt-get update -qq >&2
        apt-get install -y -qq "$@" >&2
        return 0
    fi
    return 1
}

explain_and_exit() {
    cat >&2 <<MSG
setup: $1
  Debian/Ubuntu: sudo apt-get install libvoikko1 voikko-fi python3 python3-venv
  Fedora:        sudo dnf install libvoikko malaga-suomi-voikko python3
  macOS:         brew install libvoikko   (it includes the Finnish dictionary)
  Windows:       use WSL with the Debian/Ubuntu line above.
Then run the same make command again.
MSG
    exit 1
}

# --- Python 3.11+ with venv -------------------------------------------------
PYTHON=${PYTHON:-python3}
if ! command -v "$PYTHON" >/dev/null 2>&1 || ! "$PYTHON" -c 'import sys, venv; sys.exit(sys.version_info < (3, 11))' 2>/dev/null; then
    apt_install python3 python3-venv python3-pip || explain_and_exit "Python 3.11 or newer with the venv module is needed."
    PYTHON=python3
fi

# --- Finnish morphology -------------------------------------------------------
if ! have_voikko "$PYTHON"; then
    apt_install libvoikko1 voikko-fi || explain_and_exit "libvoikko and its Finnish dictionary (voikko-fi) are not installed."
    have_voikko "$PYTHON" || explain_and_exit "libvoikko was installed but cannot load the Finnish dictionary."
fi

# --- virtual environment ------------------------------------------------------
if [ ! -x "$VENV/bin/python" ]; then
    say "creating $VENV"
    if ! "$PYTHON" -m venv "$VENV" 2>/dev/null; then
        rm -rf "$VENV"
        apt_install python3-venv || explain_and_exit "the Python venv module (python3-venv) is missing."
        "$PYTHON" -m venv "$VENV"
    fi
fi
if [ ! -f "$STAMP" ] || [ pyproject.toml -nt "$STAMP" ]; then
    say "installing the package and its dependencies into $VENV (first run takes a few minutes)"
    log="$VENV/pip.log"
    if ! { "$VENV/bin/python" -m pip install --upgrade pip \
           && "$VENV/bin/python" -m pip install -e '.[dev]'; } >"$log" 2>&1; then
        tail -n 25 "$log" >&2
        explain_and_exit "installing the Python dependencies failed (full log: $log)."
    fi
    touch "$STAMP"
fi

# --- a headless browser for the report tests (optional) ---------------------
# Debian's chromium and its chromedriver; tests/test_report_browser.py skips with
# one line saying what to install where they are missing.
if [ ! -x /usr/bin/chromium ] || [ ! -x /usr/bin/chromedriver ]; then
    # Debian only: elsewhere (Ubuntu ships chromium as a snap) nothing is tried
    if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1 \
        && grep -qs '^ID=debian' /etc/os-release; then
        apt_install chromium chromium-driver || say "chromium could not be installed: the browser tests will be skipped"
    fi
fi

"$VENV/bin/python" -c "import libvoikko; libvoikko.Voikko('fi')" \
    || explain_and_exit "the Python binding cannot open the Finnish dictionary."
