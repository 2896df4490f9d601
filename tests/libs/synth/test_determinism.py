import pytest

from cypheredge.synth import LAYOUTS, corpus, generate


@pytest.mark.parametrize("layout", list(LAYOUTS))
def test_same_seed_gives_identical_bytes_and_truth(layout: str) -> None:
    first, second = generate(layout, 7), generate(layout, 7)
    assert first.pdf == second.pdf
    assert first.truth == second.truth


@pytest.mark.parametrize("layout", list(LAYOUTS))
def test_different_seeds_differ(layout: str) -> None:
    first, second = generate(layout, 1), generate(layout, 2)
    assert first.pdf != second.pdf
    if first.truth["transactions"] or second.truth["transactions"]:
        assert first.truth["transactions"] != second.truth["transactions"]
    else:  # valuations print no transaction list: their accounts' values still differ
        assert first.truth["accounts"] != second.truth["accounts"]


def test_encrypted_output_is_deterministic_too() -> None:
    assert generate("uk_ruled", 3, password="pw").pdf == generate("uk_ruled", 3, password="pw").pdf


def test_corpus_walks_every_layout_and_seed() -> None:
    seen = [(s.layout, s.seed) for s in corpus(2)]
    assert seen == [(name, seed) for name in LAYOUTS for seed in range(2)]


def test_unknown_layout_is_a_key_error() -> None:
    with pytest.raises(KeyError):
        generate("no_such_layout", 0)
