"""A hand-made report with round numbers, for the file writers' tests."""

from __future__ import annotations

from datetime import UTC, datetime

from callcenter.domain.report.period import Month
from callcenter.services.report.monthly import (
    DESK,
    SITE,
    Callbacks,
    CategoryRow,
    MonthlyReport,
    Quality,
    Sla,
)


def sample(scope: str = SITE) -> MonthlyReport:
    return MonthlyReport(
        month=Month(2026, 3), scope=scope, unit_name="国网临江供电公司", timezone="Asia/Shanghai",
        generated_at=datetime(2026, 4, 2, 1, 30, tzinfo=UTC),
        as_of=datetime(2026, 4, 2, 1, 30, tzinfo=UTC),
        categories=(CategoryRow("inquiry_suggestion", 120, 100, 80),
                    CategoryRow("fault_repair", 60, 80, 60),
                    CategoryRow("complaint", 9, 0, 12),
                    CategoryRow("report", 3, 2, 3),
                    CategoryRow("other", 8, 10, 5)),
        quality=Quality(tickets=200, empty_reply=4, handled_late=10, backfilled=2),
        callbacks=Callbacks(dispatched=80, called=60, reached=50, reached_calls=50,
                            satisfied_calls=45),
        sla=Sla(offered=1000, answered=950, answered_in_limit=900, talk_avg_s=132.5,
                wrapups=940, wrapups_on_time=893),
        top_subtypes=(("服务申请", "供电方案答复（居民）", 7), ("服务申请", "其他服务申请", 3)),
        top_addresses=(("临江路1号", 12), ("滨江大道88号", 5)),
    )


__all__ = ["DESK", "SITE", "sample"]
