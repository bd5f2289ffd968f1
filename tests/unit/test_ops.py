import json
import logging

from bot.app.logs import JsonFormatter, setup_logging


def test_json_lines_when_not_on_a_terminal():
    record = logging.LogRecord(
        "bot.chat.router", logging.INFO, __file__, 1, "matched %s", ("deadline",), None
    )
    entry = json.loads(JsonFormatter().format(record))
    assert (
        entry["message"] == "matched deadline"
        and entry["level"] == "INFO"
        and entry["logger"] == "bot.chat.router"
    )


def test_libraries_that_log_urls_with_tokens_stay_quiet_at_info():
    setup_logging("INFO", json_logs=True)
    assert logging.getLogger("httpx").getEffectiveLevel() == logging.WARNING
    assert logging.getLogger("bot").getEffectiveLevel() == logging.INFO
    setup_logging("WARNING", json_logs=False)
