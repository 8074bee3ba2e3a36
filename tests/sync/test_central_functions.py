"""central_functions.sql, the readable copy of central's current functions, is
what a central brought to head really has, and the frozen revisions still load
on their own (a downgrade reuses an earlier revision's SQL)."""

from __future__ import annotations

import psycopg

from callcenter.sync.central_functions import FUNCTIONS_FILE, dump_functions
from callcenter.sync.central_revisions import frozen_revision


def test_the_functions_file_matches_a_central_at_head(central_url: str) -> None:
    with psycopg.connect(central_url) as conn:
        current = dump_functions(conn)
    assert "CREATE OR REPLACE FUNCTION sync.push(" in current
    assert FUNCTIONS_FILE.read_text(encoding="utf-8") == current, (
        "callcenter/sync/central_functions.sql is out of date; regenerate it with "
        "python -m callcenter.sync.central_functions --url ADMIN_URL"
    )


def test_a_revision_reuses_the_frozen_sql_of_an_earlier_one() -> None:
    c0001, c0002 = frozen_revision("c0001"), frozen_revision("c0002")
    assert c0002.FUNCTIONS_V1 is c0001.FUNCTIONS_V1
    assert c0002.replaced_v1("pull").startswith("CREATE OR REPLACE FUNCTION sync.pull(")
    assert frozen_revision("c0007").SUBSET_SQL_V2 is c0002.SUBSET_SQL_V2
    assert frozen_revision("c0008").SUBSET_SQL_V6 is frozen_revision("c0007").SUBSET_SQL_V6
    assert frozen_revision("c0009").SUBSET_SQL_V8 is frozen_revision("c0008").SUBSET_SQL_V8
