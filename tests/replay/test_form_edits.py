"""The form's edits become debounced FORM_EDITED call events."""

from __future__ import annotations

from callcenter.domain.clock import FakeClock, ManualScheduler
from callcenter.services.replay.form_edits import FormEditRecorder


class Sink:
    def __init__(self, accept: bool = True) -> None:
        self.accept = accept
        self.got: list[tuple[str, str, float]] = []
        self.clock: FakeClock | None = None

    def record_form_edit(self, field: str, value: str) -> bool:
        if self.accept:
            assert self.clock is not None
            self.got.append((field, value, self.clock.monotonic_ns() / 1e9))
        return self.accept


def make(accept: bool = True) -> tuple[FormEditRecorder, Sink, ManualScheduler]:
    clock = FakeClock()
    sched = ManualScheduler(clock)
    sink = Sink(accept)
    sink.clock = clock
    return FormEditRecorder(sink, sched, debounce_s=1.0), sink, sched


def test_a_burst_of_typing_is_one_event_with_the_last_value() -> None:
    rec, sink, sched = make()
    t0 = sched.clock.monotonic_ns() / 1e9
    for i, _ch in enumerate("家里没电了"):
        rec.edited("content", "家里没电了"[: i + 1])
        sched.advance(0.3)
    assert sink.got == []
    sched.advance(1.0)
    assert [(f, v) for f, v, _ in sink.got] == [("content", "家里没电了")]
    assert abs(sink.got[0][2] - (t0 + 4 * 0.3 + 1.0)) < 1e-6  # 1 s after the last key
    assert rec.waiting == 0


def test_fields_debounce_separately_and_pauses_make_separate_events() -> None:
    rec, sink, sched = make()
    rec.edited("caller_name", "张")
    sched.advance(0.5)
    rec.edited("address", "幸福路")
    sched.advance(0.6)  # caller_name quiet for 1.1 s, address for 0.6 s
    assert [(f, v) for f, v, _ in sink.got] == [("caller_name", "张")]
    rec.edited("caller_name", "张三")
    sched.advance(2.0)
    assert [(f, v) for f, v, _ in sink.got] == [
        ("caller_name", "张"), ("address", "幸福路"), ("caller_name", "张三")]


def test_flush_records_what_waits_and_an_unchanged_value_is_not_repeated() -> None:
    rec, sink, sched = make()
    rec.edited("category", "fault_repair")
    rec.edited("priority", "soon")
    rec.flush()
    assert [(f, v) for f, v, _ in sink.got] == [("category", "fault_repair"), ("priority", "soon")]
    sched.advance(5.0)  # the cancelled timers do not fire again
    rec.edited("priority", "urgent")
    rec.edited("priority", "soon")  # typed back to what was recorded
    rec.edited("content", "")  # empty, as every field starts
    sched.advance(2.0)
    assert len(sink.got) == 2


def test_refused_edits_are_not_remembered_and_reset_forgets_everything() -> None:
    rec, sink, sched = make(accept=False)  # no answered call yet
    rec.edited("caller_phone", "13800138001")
    sched.advance(2.0)
    assert sink.got == []
    sink.accept = True
    rec.edited("caller_phone", "13800138001")
    sched.advance(2.0)
    assert [(f, v) for f, v, _ in sink.got] == [("caller_phone", "13800138001")]
    rec.edited("address", "x")
    rec.reset()
    sched.advance(2.0)
    assert len(sink.got) == 1 and rec.waiting == 0
    rec.edited("caller_phone", "13800138001")  # a new call starts from empty fields
    sched.advance(2.0)
    assert len(sink.got) == 2
