"""Story grouping speed on a synthetic corpus made from the dev texts (no translations).

Each synthetic story is eight sentences drawn from the English dev texts under a new headline,
with its digits permuted and its capitalised words replaced by pseudo-words drawn from the story
(so stories have their own numbers and names, as real ones do: a cipher key per story, as used
before, repeats among 20,000 stories and gives unrelated stories the same names); its members
are copies with a few words swapped or deleted. Articles are made on demand from their index,
so the corpus is streamed and never held in memory, and grouping runs directly over the stream
(no ingest). NEWSLEDGER_BENCH_FULL=1 adds the 100,000 run and
the 10k vs 100k time ratio (near 10 means linear).
"""

from __future__ import annotations

import hashlib
import os
import random
import re
import resource
import time
from collections.abc import Iterator
from functools import cache
from pathlib import Path

from newsledger.base.sentences import sentence_spans
from newsledger.evaluation.gold import iter_corpus_articles
from newsledger.models import Article
from newsledger.stories.grouping import group_articles

CORPUS = Path(__file__).resolve().parents[1] / ".." / "shared" / "corpus" / "dev"
COPIES = 5  # articles per synthetic story


@cache
def _sentences() -> tuple[str, ...]:
    return tuple(article.text[start:end].strip() for article in iter_corpus_articles(CORPUS)
                 if article.language == "en"
                 for start, end in sentence_spans(article.text) if end - start > 40)


def _disguised(text: str, rng: random.Random, story: int) -> str:
    """The text with its digits permuted and each capitalised word replaced by a pseudo-word
    of its length drawn from the story and the word (so names are the story's own)."""
    digits = list("0123456789")
    rng.shuffle(digits)
    text = text.translate(str.maketrans("0123456789", "".join(digits)))
    return re.sub(r"\b[A-Z][a-z]+", lambda m: m.group()[0] + "".join(
        chr(97 + byte % 26) for byte in hashlib.blake2b(
            f"{story}:{m.group()}".encode(), digest_size=32).digest()[:len(m.group()) - 1]),
        text)


def _edited(words: list[str], rng: random.Random, rate: float = 0.04) -> list[str]:
    words = list(words)
    for _ in range(int(len(words) * rate)):
        i = rng.randrange(len(words))
        if rng.random() < 0.5 and len(words) > 2:
            del words[i]
        else:
            j = rng.randrange(len(words))
            words[i], words[j] = words[j], words[i]
    return words


def synthetic_article(index: int) -> Article:
    """The ``index``-th synthetic article (deterministic)."""
    story = index // COPIES
    pick = random.Random(story)
    body = _disguised(" ".join(pick.sample(_sentences(), 8)), pick, story)
    rng = random.Random(index)
    headline = f"Report {story}: " + " ".join(rng.sample(body.split()[:40], 6))
    words = body.split() if index % COPIES == 0 else _edited(body.split(), rng)
    return Article(f"synthetic-{index}", headline + "\n\n" + " ".join(words), language="en",
                   outlet=f"outlet{index % 997}.example")


def _stream(count: int) -> Iterator[Article]:
    return (synthetic_article(index) for index in range(count))


def _fetch(ids: list[str]) -> Iterator[Article]:
    return (synthetic_article(int(article_id.rsplit("-", 1)[1])) for article_id in ids)


def _peak_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def measure(count: int) -> dict:
    """Group ``count`` synthetic articles; articles per second and the process's peak memory."""
    started = time.perf_counter()
    stories = group_articles(_stream(count), _fetch)
    seconds = time.perf_counter() - started
    return {"articles": count, "seconds": round(seconds, 2),
            "articles_per_second": round(count / seconds), "stories": len(stories),
            "peak_memory_mb": round(_peak_mb())}


def run(scale: int | None = None) -> dict:
    """10,000 articles by default; 100,000 too (and the time ratio) with NEWSLEDGER_BENCH_FULL=1."""
    synthetic_article(0)  # tables and the corpus loaded outside the timing
    if scale is not None:
        return measure(scale)
    small = measure(10_000)
    if os.environ.get("NEWSLEDGER_BENCH_FULL") != "1":
        return {"10k": small}
    large = measure(100_000)
    return {"10k": small, "100k": large, "ratio_100k_10k": round(large["seconds"]
                                                                 / small["seconds"], 2)}


if __name__ == "__main__":
    print(run())
