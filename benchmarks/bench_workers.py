"""Every core: ingest with 1 and with 2 worker processes on dev texts with small edits, the
CPU of a whole ingest against one regex pass for numbers, article-stage articles/s per core,
and what lingua, the sentence encoder and the gazetteer cost at load (peak RSS, seconds)."""

from __future__ import annotations

import json
import re
import resource
import subprocess
import sys
import tempfile
import time
from itertools import cycle, islice
from pathlib import Path

from newsledger import pipeline
from newsledger.settings import Settings
from newsledger.store import Ledger

CORPUS = Path(__file__).resolve().parents[1] / ".." / "shared" / "corpus"
# One regex pass for numbers: the cheapest scan an ingest could be compared with.
NUMBER = re.compile(r"\d+(?:[.,\s]\d{3})*(?:[.,]\d+)?")
# What each fixed load is, as code run in a fresh interpreter after the package is imported.
LINGUA = ("from newsledger.ingest.language import detect_language\n"
          "from newsledger.settings import Settings\n"
          "detect_language({!r}, Settings().languages)")
LONG = "Some people crossed the border on Monday morning, officials said. " * 3
LOADS = {
    # lingua reads texts over 120 characters by trigrams only, shorter ones by 1- to 5-grams
    "lingua, texts over 120 characters": LINGUA.format(LONG),
    "lingua, a text under 120 characters": LINGUA.format(LONG[:100]),
    "sentence encoder": "from newsledger.base.vectors import encoder\n"
                        "encoder().encode(['Some people crossed the border.'])",
    "gazetteer": "from newsledger.base.places import gazetteer\ngazetteer()",
    "figure stages": "from newsledger.models import Article\nfrom newsledger import pipeline\n"
                     "pipeline.analyze_article(Article(id='a', text='Some 500 people crossed "
                     "the border into Georgia.', language='en'))",
}


def edited_texts(count: int) -> list[dict]:
    """``count`` dev and pool articles, cycling, each with a small edit (a numbered closing
    sentence) so that no two are identical; ids suffixed."""
    paths = sorted((CORPUS / "dev" / "articles").glob("*.json"))
    paths += sorted((CORPUS / "pool" / "articles").glob("*.json"))
    records = []
    for number, path in enumerate(islice(cycle(paths), count)):
        record = json.loads(path.read_text(encoding="utf-8"))
        if not isinstance(record, dict) or not isinstance(record.get("text"), str):
            continue
        record["id"] = f"{record.get('id', path.stem)}-{number:06d}"
        record["text"] += f"\n\nUpdate {number}."
        records.append(record)
    return records


def _cpu() -> float:
    own, children = (resource.getrusage(who) for who in
                     (resource.RUSAGE_SELF, resource.RUSAGE_CHILDREN))
    return own.ru_utime + own.ru_stime + children.ru_utime + children.ru_stime


def _ingest(source: Path, folder: str, workers: int) -> dict:
    """One ingest in a fresh interpreter (so the loads and the peak RSS are its own)."""
    code = (f"import json, sys; sys.path.insert(0, {str(Path(__file__).parents[1])!r})\n"
            f"from benchmarks.bench_workers import timed_ingest\n"
            f"print(json.dumps(timed_ingest({str(source)!r}, {folder!r}, {workers})))")
    output = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                            check=True).stdout
    return json.loads(output.splitlines()[-1])


def timed_ingest(source: str, folder: str, workers: int) -> dict:
    """Wall and CPU seconds of one ingest, of its article part (to the last stored article)
    and the peak RSS of this process and of its largest worker."""
    settings = Settings(db=str(Path(folder, f"workers-{workers}.db")), workers=workers,
                        max_input_bytes=Path(source).stat().st_size + 1)
    started, cpu = time.perf_counter(), _cpu()
    first: list[float] = []
    last = [started, cpu]

    def mark(_status: str, _label: str) -> None:
        last[:] = [time.perf_counter(), _cpu()]
        first[:] = first or last

    with Ledger(settings.db) as ledger:
        report = pipeline.ingest([source], ledger, settings, on_item=mark)
    return {
        "articles": report.new, "seconds": time.perf_counter() - started,
        "cpu": _cpu() - cpu, "article_seconds": last[0] - started,
        "article_cpu": last[1] - cpu,
        # after the first stored article, every model and table is loaded: the steady state
        "steady_seconds": last[0] - first[0], "steady_cpu": last[1] - first[1],
        "stage_seconds": report.article_seconds,
        "peak_rss_mb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024,
        "worker_peak_rss_mb": resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024,
    }


def regex_cpu(texts: list[str], repeat: int = 5) -> float:
    """CPU seconds of one pass of ``NUMBER`` over ``texts`` (best of ``repeat``)."""
    best = float("inf")
    for _ in range(repeat):
        started = time.process_time()
        for text in texts:
            NUMBER.findall(text)
        best = min(best, time.process_time() - started)
    return best


def load_costs() -> dict[str, dict[str, float]]:
    """Each fixed load in a fresh interpreter: peak RSS above the imported package, seconds."""
    base = "import time, resource, newsledger.pipeline\n"
    measure = ("\nrss = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024\n"
               "print(rss, time.perf_counter() - started)")
    costs = {}
    imported = _python(base + "started = time.perf_counter()" + measure)
    costs["python and the package, imported"] = {"peak_rss_mb": round(imported[0])}
    for name, code in LOADS.items():
        rss, seconds = _python(base + "started = time.perf_counter()\n" + code + measure)
        costs[name] = {"rss_mb_above_import": round(rss - imported[0]),
                       "seconds": round(seconds, 1)}
    return costs


def _python(code: str) -> tuple[float, float]:
    output = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                            check=True, cwd=Path(__file__).parents[1]).stdout
    rss, seconds = output.split()[-2:]
    return float(rss), float(seconds)


def run(scale: int = 1000) -> dict:
    """The ratios the scale targets are stated in, measured in this run."""
    if not (CORPUS / "dev" / "articles").is_dir():
        return {"name": "workers", "skipped": "dev corpus not found"}
    records = edited_texts(scale)
    with tempfile.TemporaryDirectory(prefix="newsledger-bench-") as folder:
        source = Path(folder, "edited.jsonl")
        source.write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in records),
                          encoding="utf-8")
        one, two = (_ingest(source, folder, workers) for workers in (1, 2))
    regex = regex_cpu([record["text"] for record in records])
    stages = one["stage_seconds"]
    return {
        "name": "workers", "articles": one["articles"],
        "1 worker": _summary(one), "2 workers": _summary(two),
        "2 workers vs 1, article part after the first article (target >= 1.7)":
            round(one["steady_seconds"] / two["steady_seconds"], 2),
        "2 workers vs 1, article part": round(one["article_seconds"] / two["article_seconds"], 2),
        "2 workers vs 1, whole ingest": round(one["seconds"] / two["seconds"], 2),
        "whole ingest CPU / one regex pass (target <= 40)": round(one["cpu"] / regex, 1),
        "article stages (language id, figures, events, store) articles/s per core, after the "
        "first article (target >= 500)": round((one["articles"] - 1) / one["steady_cpu"], 1),
        "article stage articles/s": {name: round(one["articles"] / max(spent, 1e-6), 1)
                                     for name, spent in stages.items()},
        "load costs": load_costs(),
    }


def _summary(result: dict) -> dict:
    return {
        "seconds": round(result["seconds"], 1),
        "article part seconds": round(result["article_seconds"], 1),
        "articles/s": round(result["articles"] / result["seconds"], 1),
        "CPU seconds": round(result["cpu"], 1),
        "peak RSS MB, storing process": round(result["peak_rss_mb"]),
        "peak RSS MB, largest worker": round(result["worker_peak_rss_mb"]),
    }


if __name__ == "__main__":
    print(json.dumps(run(int(sys.argv[1]) if len(sys.argv) > 1 else 1000), indent=2))
