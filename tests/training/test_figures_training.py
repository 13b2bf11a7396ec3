"""Training the judge is reproducible: the same labels give the same weights."""

from __future__ import annotations

import numpy as np

from newsledger.base.vectors import Vectors
from newsledger.models import Article
from newsledger.training.figures import Source, fit

TEXTS = [
    ("Officials said 12,400 Russians entered Georgia last week.", "12,400", "entered_country"),
    ("At least 350 protesters were detained in Moscow.", "At least 350", "arrested"),
    ("Some 2,000 Russians crossed into Kazakhstan.", "Some 2,000", "crossed_border"),
    ("The ministry said 40 asylum applications were approved.", "40", "asylum_seekers"),
]


def _source() -> Source:
    articles, gold = [], []
    for index, (text, number, counted) in enumerate(TEXTS):
        articles.append(Article(id=f"t{index}", text=text, language="en"))
        gold.append({"article": f"t{index}", "number_text": number, "counted": counted,
                     "number_start": text.index(number)})
    return Source("written", tuple(articles), tuple(gold))


def test_two_fits_give_the_same_weights():
    first, meta = fit([_source()], Vectors())
    again, _ = fit([_source()], Vectors())
    assert np.array_equal(first.weights, again.weights)
    assert meta["training_data_sha256"] == _["training_data_sha256"]
    assert set(meta["label_counts"]) >= {"entered_country", "arrested"}
