"""Which script applies: phase, category, conditions; one per role, the most specific."""

from __future__ import annotations

from callcenter.domain.scripts.selection import CallContext

from .helpers import lib, shipped

LATE = frozenset({"late_answer"})


def ids(scripts: list) -> list[str]:  # type: ignore[type-arg]
    return [s.id for s in scripts]


def test_answer_in_time_greets_late_answer_apologises_first() -> None:
    library = shipped()
    assert ids(library.choose(CallContext("answer"))) == ["greeting"]
    assert ids(library.choose(CallContext("answer", "", LATE))) == ["late_answer_apology", "greeting"]


def test_outbound_call_opens_with_the_outbound_script_instead_of_the_greeting() -> None:
    library = shipped()
    chosen = library.choose(CallContext("answer", "", frozenset({"outbound"})))
    assert ids(chosen) == ["outbound_opening"]
    assert ids(library.choose(CallContext("outbound", "", frozenset({"outbound"})))) == ["outbound_opening"]


def test_phases_during_the_call() -> None:
    library = shipped()
    assert ids(library.choose(CallContext("hold"))) == ["hold"]
    assert ids(library.choose(CallContext("resume"))) == ["resume"]
    assert ids(library.choose(CallContext("cannot_answer"))) == ["cannot_answer_now"]
    assert ids(library.choose(CallContext("transfer"))) == ["pass_to_department"]
    assert ids(library.choose(CallContext("closing"))) == ["closing"]
    assert ids(library.choose(CallContext("complaint"))) == ["complaint_opening"]
    assert ids(library.choose(CallContext("complaint", "", frozenset({"repeat_complaint"})))) == [
        "complaint_opening", "repeat_complaint"]


def test_category_restricted_script_needs_that_category() -> None:
    library = shipped()
    assert ids(library.choose(CallContext("triage", "fault_repair"))) == ["fault_repair_triage"]
    assert library.choose(CallContext("triage", "inquiry")) == []
    assert library.choose(CallContext("triage")) == []


def test_most_specific_script_of_a_role_wins_and_exclusions_hold() -> None:
    general = 'id = "g"\ntitle = "一般"\nrole = "greeting"\nphase = "answer"\ntext = "一般"\n'
    rural = ('id = "r"\ntitle = "农村"\nrole = "greeting"\nphase = "answer"\ncategories = ["fault_repair"]\n'
             'conditions = ["known_customer"]\ntext = "专门"\n')
    not_out = ('id = "n"\ntitle = "非外拨"\nrole = "note"\nphase = "answer"\nconditions = ["!outbound"]\n'
               'text = "提示"\n')
    library = lib(general, rural, not_out)
    assert not library.problems
    assert ids(library.choose(CallContext("answer"))) == ["g", "n"]
    assert ids(library.choose(CallContext("answer", "fault_repair", frozenset({"known_customer"})))) == [
        "n", "r"]
    assert ids(library.choose(CallContext("answer", "", frozenset({"outbound"})))) == ["g"]
