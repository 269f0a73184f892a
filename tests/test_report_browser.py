"""The demo report in a real browser: headless Chromium at phone and desktop widths.

Uses Debian's ``chromium`` and ``chromium-driver`` (``scripts/setup.sh`` installs
them when run as root on Debian) through selenium, pointed at
``/usr/bin/chromedriver`` so that selenium-manager never downloads a browser.
Where they are missing, the tests skip with one line saying what to install.

``ANALYZER_SCREENSHOTS=docs/`` also writes ``docs/report-390.png`` and
``docs/report-1280.png``.
"""

from __future__ import annotations

import os
import shutil
from pathlib import Path

import pytest

CHROMIUM = Path(os.environ.get("ANALYZER_CHROMIUM", "/usr/bin/chromium"))
CHROMEDRIVER = Path(os.environ.get("ANALYZER_CHROMEDRIVER", "/usr/bin/chromedriver"))
#: viewport widths and heights: a phone (iPhone 12-15) and a laptop
SIZES = {390: 844, 1280: 800}
WIDTHS = tuple(SIZES)
#: CSS selector of the report's headline: the paragraph that answers the question
HEADLINE = ("#headline",)


def _missing() -> str | None:
    try:
        import selenium  # noqa: F401
    except ImportError:
        return "pip install selenium (the dev extras: pip install -e '.[dev]')"
    if not (CHROMIUM.is_file() and CHROMEDRIVER.is_file()):
        return "apt-get install chromium chromium-driver (or run scripts/setup.sh as root)"
    return None


if _missing():  # one line in the test summary, not one per test
    pytest.skip(f"browser tests need headless Chromium: {_missing()}", allow_module_level=True)


@pytest.fixture(scope="module")
def report(tmp_path_factory) -> Path:
    """The demo report, written by the real CLI in a subprocess."""
    from conftest import run_cli

    out = tmp_path_factory.mktemp("demo")
    res = run_cli("demo", "-o", str(out))
    assert res.returncode == 0, res.stderr
    path = out / "demo_report.html"
    assert path.is_file()
    return path


@pytest.fixture(scope="module")
def browser():
    from selenium import webdriver
    from selenium.webdriver.chrome.service import Service

    options = webdriver.ChromeOptions()
    options.binary_location = str(CHROMIUM)
    for arg in ("--headless=new", "--no-sandbox", "--disable-dev-shm-usage", "--disable-gpu"):
        options.add_argument(arg)
    options.add_argument("--hide-scrollbars")
    driver = webdriver.Chrome(service=Service(executable_path=str(CHROMEDRIVER)), options=options)
    try:
        yield driver
    finally:
        driver.quit()


@pytest.fixture(scope="module", params=WIDTHS, ids=[f"{w}px" for w in WIDTHS])
def page(request, report, browser, tmp_path_factory):
    """The report opened at one viewport width; a screenshot saved for people to look at."""
    width = request.param
    height = SIZES[width]
    browser.set_window_size(width, height)
    # the window's outer size may include a frame: grow it until the viewport is right
    inner_w, inner_h = browser.execute_script("return [window.innerWidth, window.innerHeight]")
    if (inner_w, inner_h) != (width, height):
        browser.set_window_size(2 * width - inner_w, 2 * height - inner_h)
    browser.get(report.resolve().as_uri())
    browser.execute_script(
        "return Promise.all(Array.from(document.images).map(i => i.decode().catch(() => null)))"
    )
    shots = tmp_path_factory.mktemp("screenshots")
    browser.save_screenshot(str(shots / f"report-{width}.png"))
    target = os.environ.get("ANALYZER_SCREENSHOTS")
    if target:
        Path(target).mkdir(parents=True, exist_ok=True)
        shutil.copyfile(shots / f"report-{width}.png", Path(target) / f"report-{width}.png")
    return width, browser


def test_viewport_is_the_asked_width(page):
    width, driver = page
    assert driver.execute_script("return window.innerWidth") == width


def test_no_horizontal_overflow(page):
    width, driver = page
    scroll, inner = driver.execute_script(
        "return [document.documentElement.scrollWidth, window.innerWidth]"
    )
    assert scroll <= inner, f"page is {scroll} px wide in a {inner} px window at {width} px"


def test_tables_scroll_inside_their_box_and_images_fit(page):
    width, driver = page
    wide = driver.execute_script(
        "return Array.from(document.querySelectorAll('table'))"
        ".filter(t => !t.parentElement.classList.contains('scroll')).length"
    )
    assert wide == 0, "a table outside its scrolling box"
    too_wide = driver.execute_script(
        "return Array.from(document.images).filter(i => i.getBoundingClientRect().width > "
        "window.innerWidth).length"
    )
    assert too_wide == 0
    # the narrow figures are used on a phone, so chart text stays readable
    shown = driver.execute_script(
        "return Array.from(document.images).map(i => [i.currentSrc.length, i.src.length])"
    )
    uses_narrow = [cur != full for cur, full in shown]
    assert any(uses_narrow) == (width < 640)


def test_alt_text_on_every_figure(page):
    _, driver = page
    alts = driver.execute_script("return Array.from(document.images).map(i => i.alt)")
    assert alts and all(len(a) > 20 for a in alts), alts


def test_all_images_loaded(page):
    _, driver = page
    images = driver.execute_script(
        "return Array.from(document.images).map(i => [i.alt, i.complete && i.naturalWidth > 0])"
    )
    assert images, "the report has no images"
    broken = [alt for alt, ok in images if not ok]
    assert not broken, f"images not loaded: {broken}"


def test_headline_present(page):
    from selenium.webdriver.common.by import By

    _, driver = page
    found = [e for sel in HEADLINE for e in driver.find_elements(By.CSS_SELECTOR, sel)]
    assert found, f"no headline ({', '.join(HEADLINE)})"
    head = found[0]
    assert head.is_displayed()
    assert len(head.text.strip()) >= 10, f"headline too short: {head.text!r}"
    # it answers the question in Finnish, with the language's number format
    assert "Johdon anteeksipyyntö" in head.text and "%-yks." in head.text
    # the headline is on the first screen
    top = driver.execute_script("return arguments[0].getBoundingClientRect().top", head)
    assert 0 <= top < driver.execute_script("return window.innerHeight")
