"""Central SQL of revision c0007: site documents are reference data.

Frozen: executed by migrations/central/versions/c0007_site_documents.py.

``site_documents`` (the published site profile and calendar,
store/site_models.py) reaches every desk, like customers and outages: the
subset rules of c0002 (``sync.subset_sql``) with the table added to the
reference data, the rest unchanged. Both texts are derived from the frozen
SUBSET_SQL_V2, so they cannot drift from it.
"""

from __future__ import annotations

from .central_sql_v2 import SUBSET_SQL_V2

_REFERENCE_V2 = "'script_versions') THEN"


def _subset_sql_v2_only() -> str:
    """The ``sync.subset_sql`` definition of SUBSET_SQL_V2 (without team_desks)."""
    start = SUBSET_SQL_V2.index("CREATE FUNCTION sync.subset_sql(")
    end = SUBSET_SQL_V2.index("$$;", start) + len("$$;")
    return SUBSET_SQL_V2[start:end]


# c0002's rules as CREATE OR REPLACE (the downgrade)
SUBSET_SQL_V2_REPLACED = "CREATE OR REPLACE" + _subset_sql_v2_only()[len("CREATE"):]

assert _REFERENCE_V2 in SUBSET_SQL_V2_REPLACED
SUBSET_SQL_V6 = SUBSET_SQL_V2_REPLACED.replace(
    _REFERENCE_V2, "'script_versions', 'site_documents') THEN")
