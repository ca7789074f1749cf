"""docgen's output does not depend on which black (24.1 or later) is installed.

``specs/`` and, where ../shared is present, the speakeasy-v1 corpus are built under three
other releases of black and compared byte for byte with the build under the installed
one (for ``specs/``: with the committed ``generated/``).  Each release's wheel is
downloaded once into a cache folder (``$DOCGEN_WHEEL_CACHE``, else
``~/.cache/docgen/test-wheels``) and unpacked in front of the installed packages; the
test is skipped when neither the cache nor the package index has it.
"""

from __future__ import annotations

import os
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest

from tests.conftest import GENERATED, REPO, SPECS, shared_path

#: The oldest release docgen supports, the last of 2024's style and the last of 2025's.
VERSIONS = ("24.1.0", "24.10.0", "25.12.0")

pytestmark = pytest.mark.black_versions


def _cache() -> Path:
    folder = os.environ.get("DOCGEN_WHEEL_CACHE")
    return Path(folder) if folder else Path.home() / ".cache" / "docgen" / "test-wheels"


def _wheel(version: str) -> Path | None:
    """black's wheel of *version* for this Python, from the cache or the package index."""
    folder = _cache() / version
    found = sorted(folder.glob("black-*.whl"))
    if not found:
        folder.mkdir(parents=True, exist_ok=True)
        try:
            subprocess.run(
                [sys.executable, "-m", "pip", "download", "--quiet", "--no-deps", "--only-binary=:all:"]
                + ["--timeout", "15", "--retries", "1", "-d", str(folder), f"black=={version}"],
                check=True,
                capture_output=True,
                timeout=180,
            )
        except (subprocess.CalledProcessError, subprocess.TimeoutExpired):
            return None
        found = sorted(folder.glob("black-*.whl"))
    return found[0] if found else None


@pytest.fixture(scope="session")
def black_sites(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    """Each version's black unpacked into a folder of its own: version -> folder."""
    sites = {}
    for version in VERSIONS:
        wheel = _wheel(version)
        if wheel is None:
            pytest.skip(f"black {version} is neither in {_cache()} nor reachable on the package index")
        site = tmp_path_factory.mktemp(f"black-{version}")
        zipfile.ZipFile(wheel).extractall(site)
        sites[version] = site
    return sites


def _build(specs: Path, out: Path, version: str | None, sites: dict[str, Path], tmp: Path) -> dict[str, bytes]:
    """The files of ``docgen build SPECS -o OUT`` with black *version* (None: the installed one)."""
    path = [str(sites[version])] if version is not None else []
    env = {**os.environ, "PYTHONPATH": os.pathsep.join([*path, str(REPO)]), "DOCGEN_CACHE_DIR": str(tmp / "cache")}
    command = [sys.executable, "-m", "docgen", "build", str(specs), "-o", str(out), "--no-cache", "--no-config", "-q"]
    result = subprocess.run(command, env=env, capture_output=True, text=True, timeout=900)
    assert result.returncode == 0, result.stderr
    if version is not None:
        shown = subprocess.run(
            [sys.executable, "-m", "docgen", "--version"], env=env, capture_output=True, text=True, timeout=60
        )
        assert f"black {version}," in shown.stdout, shown.stdout  # the build used that black
    return _tree(out)


def _tree(folder: Path) -> dict[str, bytes]:
    return {
        p.relative_to(folder).as_posix(): p.read_bytes()
        for p in sorted(folder.rglob("*"))
        if p.is_file() and "__pycache__" not in p.parts
    }


def _differing(expected: dict[str, bytes], built: dict[str, bytes]) -> list[str]:
    return sorted(path for path in set(expected) | set(built) if expected.get(path) != built.get(path))


@pytest.mark.parametrize("version", VERSIONS)
def test_specs_build_the_same_under_each_black(version: str, black_sites: dict[str, Path], tmp_path: Path) -> None:
    built = _build(SPECS, tmp_path / "out", version, black_sites, tmp_path)
    assert _differing(_tree(GENERATED), built) == []


def test_corpus_builds_the_same_under_each_black(black_sites: dict[str, Path], tmp_path: Path) -> None:
    docs = shared_path("corpus", "speakeasy-v1", "docs")
    expected = _build(docs, tmp_path / "installed", None, black_sites, tmp_path)
    for version in VERSIONS:
        built = _build(docs, tmp_path / version, version, black_sites, tmp_path)
        assert (version, _differing(expected, built)) == (version, [])
