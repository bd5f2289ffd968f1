"""IMBOT_PUBLIC_URL: the address calendar apps fetch the feeds from."""

import pytest

from bot.app.config import ConfigError, Settings
from bot.app.doctor import checks


def test_the_public_url_is_read_without_its_trailing_slash():
    env = {"IMBOT_PUBLIC_URL": " https://example.org/imbot/ "}
    assert Settings.from_env(env).public_url == "https://example.org/imbot"
    assert Settings.from_env({}).public_url is None


@pytest.mark.parametrize(
    "bad",
    ["bot.example.org", "ftp://bot.example.org", "https://", "https://x.org/?a=1", "webcal://x"],
)
def test_a_public_url_that_is_no_web_address_is_refused_with_its_name(bad):
    with pytest.raises(ConfigError, match="IMBOT_PUBLIC_URL"):
        Settings.from_env({"IMBOT_PUBLIC_URL": bad})


def test_doctor_says_where_the_calendar_links_point(tmp_path):
    db = {"IMBOT_DATABASE_URL": f"sqlite:///{tmp_path / 'x.db'}"}
    [unset] = [c for c in checks(db) if c.name == "calendar feeds"]
    assert unset.ok and "IMBOT_PUBLIC_URL is not set" in unset.message
    [good] = [
        c
        for c in checks({**db, "IMBOT_PUBLIC_URL": "https://b.example.org"})
        if c.name == "calendar feeds"
    ]
    assert good.ok and "https://b.example.org/calendar/" in good.message
