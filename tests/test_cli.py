"""The command line as a user runs it: in a subprocess."""

from __future__ import annotations

import analyzer


def test_version(cli):
    res = cli("--version")
    assert res.returncode == 0
    assert res.stdout.strip() == f"analyzer {analyzer.__version__}"


def test_help_lists_commands(cli):
    res = cli("--help")
    assert res.returncode == 0
    for name in ("score", "train", "doctor"):
        assert name in res.stdout


def test_no_command_prints_help_and_fails(cli):
    res = cli()
    assert res.returncode == 2
    assert "usage: analyzer" in res.stdout


def test_doctor_reports_working_voikko(cli):
    res = cli("doctor")
    assert "voikko backend: native" in res.stdout
    assert "sample analysis: kylpylään → kylpylä" in res.stdout
    assert "voikko library:" in res.stdout and "libvoikko" in res.stdout


def test_doctor_with_forced_python_backend(cli):
    res = cli("doctor", env={"ANALYZER_VOIKKO": "python"})
    assert "voikko backend: python" in res.stdout
    assert "kylpylään → kylpylä" in res.stdout
    # not the native library: doctor must say so and fail
    assert res.returncode == 1
    assert "native libvoikko not in use" in res.stderr


def test_unknown_backend_is_one_line_error(cli):
    res = cli("doctor", env={"ANALYZER_VOIKKO": "java"})
    assert res.returncode in (1, 2)
    assert "Traceback" not in res.stderr
    assert "ANALYZER_VOIKKO must be 'native' or 'python'" in res.stderr


def test_python_m_and_console_script_agree():
    import subprocess
    import sys
    from pathlib import Path

    exe = Path(sys.executable).with_name("analyzer")
    assert exe.exists(), "console script `analyzer` is not installed"
    res = subprocess.run([str(exe), "--version"], capture_output=True, text=True)
    assert res.stdout.strip() == f"analyzer {analyzer.__version__}"


def test_voikko_really_analyses_finnish():
    from analyzer.text import get_morphology

    m = get_morphology()
    assert {a["BASEFORM"] for a in m.analyze("kylpylässä")} == {"kylpylä"}
    assert "hävetä" in {a["BASEFORM"] for a in m.analyze("Hävetkää")}
    assert m.analyze("xqzvbnm") == []
