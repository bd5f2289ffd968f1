"""/faq lists the knowledge base's topics by group, each group a choice that opens its
topics, in the reader's language."""

from datetime import UTC, datetime

from bot.chat.faq_replies import FaqReplies

NOW = datetime(2023, 4, 20, 9, 0, tzinfo=UTC)


def test_topics_come_as_groups_and_every_entry_is_in_one(matcher, kb):
    faq = FaqReplies(matcher)
    groups = faq.topics_reply("de")
    assert 4 <= len(groups.buttons) <= 8
    assert [b.label for b in groups.buttons][:2] == [
        "Bewerbung und Fristen",
        "Förderung und Kosten",
    ]
    listed = []
    for button in groups.buttons:
        opened = faq.choice_reply(button.data, NOW)
        assert opened.text.startswith(button.label)
        listed += [b.data.rsplit(":", 1)[1] for b in opened.buttons]
    assert sorted(listed) == sorted(e.id for e in kb.entries)
    # a topic of a group answers as before
    first = faq.choice_reply(opened.buttons[0].data, NOW)
    assert first is not None and "Quelle" in first.text


def test_groups_in_english_and_forged_group_numbers(matcher):
    faq = FaqReplies(matcher)
    groups = faq.topics_reply("en")
    assert groups.buttons[0].label == "Applying and deadlines"
    assert faq.choice_reply(groups.buttons[1].data, NOW).text.startswith("Funding and costs")
    for forged in ("faq:en:group99", "faq:en:group-1", "faq:en:group", "faq:en:group²"):
        assert faq.choice_reply(forged, NOW) is None
