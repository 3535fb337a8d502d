"""The README shows on a fresh clone as it does here: every image it shows is committed."""

import re
import subprocess
from pathlib import Path

from django.conf import settings

ROOT = Path(settings.BASE_DIR)
# ![alt](path) in Markdown, <img src="path"> in HTML.
IMAGE = re.compile(r"!\[[^\]]*\]\(([^)\s]+)[^)]*\)|<img\b[^>]*\bsrc=\"([^\"]+)\"")
MAX_BYTES = 150 * 1024  # small enough for every clone to carry


def _readme_images() -> list[str]:
    text = (ROOT / "README.md").read_text(encoding="utf-8")
    return [markdown or html for markdown, html in IMAGE.findall(text)]


def _tracked(path: str) -> bool:
    """Whether git keeps ``path`` (committed or staged), so a fresh clone has it."""
    result = subprocess.run(  # noqa: S603
        ["git", "ls-files", "--error-unmatch", "--", path],  # noqa: S607
        cwd=ROOT,
        capture_output=True,
        check=False,
    )
    return result.returncode == 0


def test_every_image_the_readme_shows_is_in_the_repository_and_small():
    images = _readme_images()

    assert images, "the README shows no image; this test would check nothing"
    for image in images:
        assert not image.startswith(("http://", "https://", "//")), image  # works offline
        path = ROOT / image
        assert path.is_file(), f"{image} is missing"
        assert _tracked(image), f"{image} is not committed (ignored by .gitignore?)"
        assert path.stat().st_size < MAX_BYTES, f"{image} is {path.stat().st_size} bytes"
