import numpy as np

from faq import semantic


def test_vectors_are_kept_on_disk_between_runs(tmp_path, monkeypatch):
    monkeypatch.setattr(semantic.platformdirs, "user_cache_dir", lambda app: str(tmp_path))
    texts = ["Ein Satz nur für diesen Test.", "A sentence only for this test."]
    first = semantic.embed_cached(texts)
    (saved,) = tmp_path.glob("faq-vectors-*.npy")
    for text in texts:  # a new process: nothing in memory
        semantic._cache.pop(text)
    monkeypatch.setattr(semantic, "_model", lambda: (_ for _ in ()).throw(AssertionError))
    again = semantic.embed_cached(texts)
    assert np.allclose(first, again) and np.load(saved).shape == (2, 512)


def test_an_unwritable_cache_is_skipped(tmp_path, monkeypatch):
    blocked = tmp_path / "file"
    blocked.write_text("not a folder")
    monkeypatch.setattr(semantic.platformdirs, "user_cache_dir", lambda app: str(blocked))
    vectors = semantic.embed_cached(["Noch ein Satz, den sonst niemand einbettet."])
    assert vectors.shape == (1, 512)


def test_paraphrases_across_languages_are_close():
    de, en, other = semantic.embed(
        [
            "Bis wann kann man sich bewerben?",
            "What is the application deadline?",
            "Wie spät ist es?",
        ]
    )
    assert de @ en > de @ other
