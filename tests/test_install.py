"""docgen as installed from a wheel built with ``python -m build``: the distribution is
named docgen-models, the templates ship inside it and it runs from anywhere."""

from __future__ import annotations

import os
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest

from tests.conftest import GENERATED, REPO, SPECS


@pytest.fixture(scope="module")
def wheel(tmp_path_factory: pytest.TempPathFactory) -> Path:
    dist = tmp_path_factory.mktemp("dist")
    subprocess.run(
        [sys.executable, "-m", "build", "--wheel", "--outdir", str(dist), str(REPO)],  # as README.md says
        check=True,
        timeout=600,
    )
    (found,) = dist.glob("docgen_models-*.whl")
    return found


def test_wheel_ships_the_templates(wheel: Path) -> None:
    names = zipfile.ZipFile(wheel).namelist()
    templates = sorted(n for n in names if n.startswith("docgen/templates/"))
    assert "docgen/templates/module.py.jinja" in templates
    assert {Path(n).name for n in templates} == {p.name for p in (REPO / "templates").glob("*.jinja")}


def test_installed_docgen_builds_from_another_directory(wheel: Path, tmp_path: Path) -> None:
    site = tmp_path / "site"
    subprocess.run(
        [sys.executable, "-m", "pip", "install", "--no-deps", "--quiet", "--target", str(site), str(wheel)],
        check=True,
        timeout=600,
    )
    workdir = tmp_path / "work"
    workdir.mkdir()
    env = {**os.environ, "PYTHONPATH": str(site)}
    where = subprocess.run(
        [sys.executable, "-c", "import docgen; print(docgen.__file__)"],
        cwd=workdir,
        env=env,
        capture_output=True,
        text=True,
    )
    assert Path(where.stdout.strip()).is_relative_to(site)
    result = subprocess.run(
        [str(site / "bin" / "docgen"), "build", str(SPECS), "-o", "models"],
        cwd=workdir,
        env=env,
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert result.returncode == 0, result.stderr
    built = {
        p.relative_to(workdir / "models").as_posix(): p.read_bytes()
        for p in (workdir / "models").rglob("*")
        if p.is_file()
    }
    committed = {
        p.relative_to(GENERATED).as_posix(): p.read_bytes()
        for p in GENERATED.rglob("*")
        if p.is_file() and "__pycache__" not in p.parts
    }
    assert built == committed


def test_wheel_is_docgen_models_with_the_docgen_command_and_any_black(wheel: Path) -> None:
    archive = zipfile.ZipFile(wheel)
    info = next(n for n in archive.namelist() if n.endswith(".dist-info/METADATA"))
    metadata = archive.read(info).decode("utf-8").splitlines()
    assert "Name: docgen-models" in metadata
    assert "Requires-Dist: black>=24.1" in metadata
    entry_points = archive.read(info.replace("METADATA", "entry_points.txt")).decode("utf-8")
    assert "docgen = docgen.cli:main" in entry_points
    assert "docgen/__main__.py" in archive.namelist()
