"""What the README promises is what CI runs."""

import re

from tests.conftest import REPO


def _commands(text: str) -> list[str]:
    return [
        line.strip() for line in text.splitlines() if line.strip().startswith("python3 -m venv")
    ]


def test_ci_runs_the_readme_test_command():
    readme = _commands((REPO / "README.md").read_text(encoding="utf-8"))
    ci = _commands((REPO / ".ci" / "run").read_text(encoding="utf-8"))
    assert len(ci) == 1 and ci[0] in readme
    assert re.search(r"pip install \.? *&& .*imbot chat", " ".join(readme))
