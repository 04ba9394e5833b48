"""The upload page in a real headless Chromium: choose a workbook, see the outcome and the report, and see a
``<script>`` typed into a name shown as text, never run."""

from __future__ import annotations

import os
import shutil
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

pytest.importorskip("fastapi")
webdriver = pytest.importorskip("selenium.webdriver")

from selenium.webdriver.common.by import By  # noqa: E402
from selenium.webdriver.support import expected_conditions as ready  # noqa: E402
from selenium.webdriver.support.ui import WebDriverWait  # noqa: E402

from cluster_criteria.jsonio import parse_json  # noqa: E402
from excel_support import filled_workbook  # noqa: E402
from service_support import served_in_thread  # noqa: E402

EXAMPLES = Path(__file__).resolve().parent.parent / "examples"
CHROMIUM = shutil.which("chromium") or "/usr/bin/chromium"
DRIVER = shutil.which("chromedriver") or "/usr/bin/chromedriver"
INJECTED = "<script>document.title='injected'</script>"


def _browser_present() -> bool:
    return Path(CHROMIUM).exists() and Path(DRIVER).exists()


if not _browser_present() and not os.environ.get("CI"):
    # Only outside CI: there, .ci/run installs Chromium, and a missing browser must fail the run.
    pytest.skip("Chromium and chromedriver are not installed", allow_module_level=True)


@pytest.fixture(scope="module")
def browser(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Any]:
    options = webdriver.ChromeOptions()
    options.binary_location = CHROMIUM
    profile = tmp_path_factory.mktemp("chromium-profile")
    for flag in (
        "--headless",
        "--no-sandbox",
        "--disable-gpu",
        "--disable-quic",
        "--no-first-run",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
        f"--user-data-dir={profile}",
    ):
        options.add_argument(flag)
    driver = webdriver.Chrome(options=options, service=webdriver.ChromeService(executable_path=DRIVER))
    driver.set_page_load_timeout(30)
    try:
        yield driver
    finally:
        driver.quit()


@pytest.fixture(scope="module")
def page(browser: Any) -> Iterator[tuple[Any, str]]:
    with served_in_thread() as base:
        yield browser, base


def _upload(driver: Any, base: str, path: Path, lang: str = "zh") -> str:
    driver.get(base + "/")
    driver.find_element(By.ID, "file").send_keys(str(path))
    driver.execute_script("document.getElementById('as-of').value = '2025-04-15';")
    driver.find_element(By.CSS_SELECTOR, f"#lang option[value='{lang}']").click()
    driver.find_element(By.ID, "submit").click()
    WebDriverWait(driver, 30).until(
        lambda d: (
            d.find_element(By.ID, "outcome").get_attribute("data-outcome") or d.find_element(By.ID, "problems").text
        )
    )
    outcome: str = driver.find_element(By.ID, "outcome").get_attribute("data-outcome") or ""
    return outcome


def test_a_workbook_gives_the_outcome_and_the_report(page: tuple[Any, str], tmp_path: Path) -> None:
    driver, base = page
    workbook = tmp_path / "申报表.xlsx"
    workbook.write_bytes(
        filled_workbook(parse_json((EXAMPLES / "eligible-panshi-metal-products.json").read_bytes()), 2025)
    )
    assert _upload(driver, base, workbook, lang="en") == "eligible"
    assert driver.find_element(By.ID, "outcome").text == "Outcome: eligible"
    assert driver.find_element(By.ID, "sentence").text.endswith("the cluster is eligible.")
    download = driver.find_element(By.ID, "download")
    assert download.is_displayed() and download.get_attribute("href").startswith("blob:")
    driver.switch_to.frame(driver.find_element(By.ID, "report"))
    try:
        assert "磐石市金属制品特色产业集群" in driver.find_element(By.TAG_NAME, "body").text
    finally:
        driver.switch_to.default_content()


def test_an_injected_script_in_a_name_is_shown_as_text_and_never_runs(page: tuple[Any, str], tmp_path: Path) -> None:
    driver, base = page
    data = parse_json((EXAMPLES / "eligible-panshi-metal-products.json").read_bytes())
    data["cluster"]["name"] = "磐石" + INJECTED
    workbook = tmp_path / "injected.xlsx"
    workbook.write_bytes(filled_workbook(data, 2025))
    assert _upload(driver, base, workbook) == "eligible"
    title = driver.title
    driver.switch_to.frame(driver.find_element(By.ID, "report"))
    try:
        assert INJECTED in driver.find_element(By.TAG_NAME, "body").text
        assert driver.find_elements(By.TAG_NAME, "script") == []
        assert driver.title != "injected"
    finally:
        driver.switch_to.default_content()
    assert driver.title == title != "injected"


def test_a_bad_file_shows_its_problems_naming_the_cell(page: tuple[Any, str], tmp_path: Path) -> None:
    driver, base = page
    data = parse_json((EXAMPLES / "eligible-panshi-metal-products.json").read_bytes())
    data["metrics"][1]["total_output"] = -1
    workbook = tmp_path / "bad.xlsx"
    workbook.write_bytes(filled_workbook(data, 2025))
    assert _upload(driver, base, workbook, lang="en") == ""
    problems = driver.find_element(By.ID, "problems").text
    assert "Cannot evaluate:" in problems and "年度数据!D2" in problems
    assert not driver.find_element(By.ID, "report").is_displayed()


def test_a_json_application_works_too(page: tuple[Any, str]) -> None:
    driver, base = page
    assert _upload(driver, base, EXAMPLES / "ineligible-wangqing-edible-fungi.json") == "ineligible"
    assert driver.find_element(By.ID, "outcome").text == "结论：不符合基本条件"
    assert "不符合" in driver.find_element(By.ID, "sentence").text


def test_the_blank_template_can_be_downloaded(page: tuple[Any, str]) -> None:
    driver, base = page
    driver.get(base + "/")
    driver.find_element(By.ID, "template").click()
    link = WebDriverWait(driver, 30).until(ready.visibility_of_element_located((By.ID, "template-link")))
    assert link.get_attribute("href").startswith("blob:")
    assert link.get_attribute("download") == "application-template.xlsx"
    assert int(link.get_attribute("data-bytes")) > 10_000
