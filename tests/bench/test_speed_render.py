"""The speed section is rendered from recorded rows: older rows without a figure say so."""

from bench.speed import previous_rows, render

ROW = {
    "employees": 10000, "seed": 42, "date": "2026-11-23", "load_avg_start": 1.0, "load_avg_end": 1.5,
    "generate_s": 5.0, "load_s": 6.0, "loaded": 10000, "raw_sample": "random", "ingest_s": 160.0,
    "ingest_cpu_s": 310.0, "ingest_encode_s": 155.0, "texts_embedded": 7000, "raw_rate_before": 44.0,
    "raw_rate_after": 46.0, "raw_rate": 45.0, "raw_cpu_rate": 23.0, "reingest_s": 1.2, "queries": 122,
    "p50_ms": 43.0, "p95_ms": 54.0, "over_1s": 0, "model": "m", "machine": "x",
}  # fmt: skip


def test_rows_render_with_and_without_the_first_search(tmp_path):
    old = dict(ROW)
    new = {**ROW, "employees": 2000, "loaded": 2000, "first_search_s": 1.46}
    text = render([old, new])
    assert "| 1.5 s | 43 / 54 ms" in text and "| not measured | 43 / 54 ms" in text
    assert "measured 54 ms: met" in text and "10,000: wall 97% (met)" in text
    (tmp_path / "B.md").write_text("# x\n\n" + text, encoding="utf-8")
    assert [r["employees"] for r in previous_rows(tmp_path / "B.md")] == [2000, 10000]
