"""The benchmark's pure helpers: percentiles, the load search's verdict, and reading frames."""

import math

from streamlit.proto.ForwardMsg_pb2 import ForwardMsg

from bench.breakdown import classify, frame_kind, summarize_frames
from bench.protocol_load import largest_passing, percentile, widget_key


def test_percentile_interpolates_between_ranks():
    values = [10, 20, 30, 40, 50]
    assert percentile(values, 50) == 30
    assert percentile(values, 0) == 10 and percentile(values, 100) == 50
    assert percentile(values, 95) == 48  # 4 * 0.95 = 3.8 -> 40 + 0.8 * 10
    assert percentile([7], 95) == 7
    assert percentile([3, 1, 2], 50) == 2  # order does not matter
    assert math.isnan(percentile([], 50))


def test_largest_passing_stops_at_the_first_failure():
    steps = [
        {"sessions": 50, "p95_ms": 120.0, "errors": 0},
        {"sessions": 100, "p95_ms": 250.0, "errors": 0},
        {"sessions": 200, "p95_ms": 420.0, "errors": 0},
        {"sessions": 300, "p95_ms": 290.0, "errors": 0},  # a lucky pass after a failure does not count
    ]
    assert largest_passing(steps) == 100
    assert largest_passing([{"sessions": 25, "p95_ms": 100.0, "errors": 2}]) is None
    assert largest_passing([{"sessions": 25, "p95_ms": float("nan"), "errors": 0}]) is None
    assert largest_passing(list(reversed(steps[:2]))) == 100


def test_widget_key_reads_the_user_key_from_a_widget_id():
    assert widget_key("$$ID-0f3a9c-preset_Lung NET") == "preset_Lung NET"
    assert widget_key("$$ID-0f3a9c-answer_12-q-1") == "answer_12-q-1"
    assert widget_key("$$ID-0f3a9c-None") is None
    assert widget_key("plain") is None


def test_frames_are_named_and_counted_by_kind():
    delta = ForwardMsg()
    delta.delta.new_element.markdown.body = "Hello"
    finished = ForwardMsg()
    finished.script_finished = ForwardMsg.FINISHED_SUCCESSFULLY
    assert frame_kind(delta.SerializeToString()) == "delta:markdown"
    assert frame_kind(finished.SerializeToString()) == "script_finished"
    frames = [(1.0, delta.SerializeToString()), (1.5, delta.SerializeToString()), (2.0, finished.SerializeToString())]
    summary = summarize_frames(frames)
    assert summary["frames"] == 3
    assert summary["frames_by_kind"] == {"delta:markdown": 2, "script_finished": 1}
    assert summary["bytes"] == sum(len(p) for _, p in frames)
    assert summary["first_to_last_ms"] == 1000.0
    assert summarize_frames([])["frames"] == 0


def test_downloaded_files_name_the_icon_font_and_plotly_apart():
    files = [
        {"name": "index.abc.js", "start": 0.0, "end": 50.0, "bytes": 1000},
        {"name": "MaterialSymbols-Rounded.x1.woff2", "start": 40.0, "end": 90.0, "bytes": 300},
        {"name": "SourceSans.woff2", "start": 40.0, "end": 60.0, "bytes": 100},
        {"name": "plotly.min.def.js", "start": 100.0, "end": 400.0, "bytes": 5000},
    ]
    out = classify(files)
    assert out["all"]["bytes"] == 6400 and out["js"]["files"] == 2
    assert out["icon_font"] == {
        "files": 1,
        "bytes": 300,
        "last_end_ms": 90.0,
        "load_ms": 50.0,
        "names": ["MaterialSymbols-Rounded.x1.woff2"],
    }
    assert out["fonts"]["files"] == 2
    assert out["plotly"]["bytes"] == 5000 and out["plotly"]["load_ms"] == 300.0


def test_save_results_writes_json_and_the_printed_table(tmp_path, monkeypatch, capsys):
    import json

    from bench import common

    monkeypatch.setattr(common, "RESULTS", tmp_path / "results")
    common.save_results("demo", {"p95_ms": 12.5}, "| a | b |", indent=1)
    common.save_results("plain", [1, 2])
    assert json.loads((tmp_path / "results" / "demo.json").read_text()) == {"p95_ms": 12.5}
    assert (tmp_path / "results" / "demo.md").read_text() == "| a | b |\n"
    assert not (tmp_path / "results" / "plain.md").exists() and (tmp_path / "results" / "plain.json").exists()
    assert capsys.readouterr().out == "| a | b |\n"
