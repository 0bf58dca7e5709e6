"""Publishing with GitHub Actions: the Pages workflow's triggers, permissions and steps, in order; CI checks content."""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml

ROOT = Path(__file__).resolve().parent.parent
WORKFLOW = ROOT / ".github" / "workflows" / "pages.yml"


@pytest.fixture(scope="module")
def workflow() -> dict:
    data = yaml.safe_load(WORKFLOW.read_text(encoding="utf-8"))
    # YAML 1.1 reads the key `on` as true.
    data["on"] = data.pop(True, data.get("on"))
    return data


def uses(step: dict) -> str:
    return step.get("uses", "").split("@")[0]


def test_runs_on_push_to_main_and_by_hand(workflow: dict) -> None:
    assert workflow["on"]["push"]["branches"] == ["main"]
    assert "workflow_dispatch" in workflow["on"]


def test_permissions_and_one_deployment_at_a_time(workflow: dict) -> None:
    assert workflow["permissions"] == {"contents": "read", "pages": "write", "id-token": "write"}
    assert workflow["concurrency"]["group"] == "pages"


def test_build_job_steps_in_order(workflow: dict) -> None:
    steps = workflow["jobs"]["build"]["steps"]
    kinds = [uses(s) or s["run"] for s in steps]
    assert kinds == ["actions/checkout", "actions/setup-python", "make test", ".venv/bin/site-builder check",
                     "actions/configure-pages", steps[5]["run"], "actions/upload-pages-artifact"]
    assert str(steps[1]["with"]["python-version"]) == "3.11"
    configure = steps[4]
    assert configure["id"] == "pages"
    build = steps[5]["run"]
    # configure-pages gives the URL without a trailing slash; site-builder's base URL ends with one.
    assert build == '.venv/bin/site-builder build --base-url "${{ steps.pages.outputs.base_url }}/"'
    assert steps[6]["with"]["path"] == "output"
    for step in steps:
        if "uses" in step:
            assert "@v" in step["uses"], f"{step['uses']} is not pinned to a major version"


def test_deploy_job(workflow: dict) -> None:
    job = workflow["jobs"]["deploy"]
    assert job["needs"] == "build"
    assert job["environment"]["name"] == "github-pages"
    [step] = job["steps"]
    assert uses(step) == "actions/deploy-pages"
    assert job["environment"]["url"] == "${{ steps.%s.outputs.page_url }}" % step["id"]


def test_build_command_accepts_the_pages_url(tmp_path: Path, run_cli, fresh_content: Path) -> None:
    """The workflow's build line, with the URL configure-pages gives a project site."""
    code, _, err = run_cli(["build", "--content", str(fresh_content), "--seeds", str(fresh_content.parent / "seeds"),
                            "--templates", str(ROOT / "templates"), "--static", str(ROOT / "static"),
                            "--config", str(ROOT / "site.yaml"), "--base-url", "https://editor.github.io/record/"],
                           tmp_path)
    assert code == 0, err
    assert "<loc>https://editor.github.io/record/en/</loc>" in (tmp_path / "output/sitemap.xml").read_text()


def test_ci_script_checks_content_after_the_tests() -> None:
    lines = [line.strip() for line in (ROOT / ".ci" / "run").read_text(encoding="utf-8").splitlines()]
    assert lines.index(".venv/bin/site-builder check") > lines.index("make test")
