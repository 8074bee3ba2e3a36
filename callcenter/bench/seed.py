"""Fast, realistic bulk data for benchmarks: N existing tickets in a migrated store.

The rows are written with raw ``executemany`` on a plain sqlite3 connection in
big transactions, in exactly the formats SQLAlchemy stores (UUIDs as 32 hex
digits, UTC datetimes as ``YYYY-MM-DD HH:MM:SS.ffffff``, booleans as 0/1, JSON
as text), with the tables' indexes in place; the full-text index is brought up
to date at the end, as the app's search indexer would, so a benchmark starts
with nothing left for it to do. Only this connection runs with
``synchronous=OFF``; it sets FULL back before it closes, and the file stays in
WAL mode.

Tickets are spread over the last 90 days in time order, from 20 desks and 40
agents, for a pool of customers a quarter the size of N (so callers repeat,
as on a real hotline), with mobile and landline numbers, 10-digit accounts
and a mix of categories, priorities and dispatched tickets. Each ticket has
its "saved" event, and dispatched ones a "dispatched" event too.
"""

from __future__ import annotations

import json
import random
import sqlite3
import time
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from pathlib import Path
from zoneinfo import ZoneInfo

from callcenter.domain.site_profile import SiteProfile
from callcenter.domain.ticket import TicketDraft, ticket_number
from callcenter.services.customers.phone import phone_key
from callcenter.services.tickets.indexer import catch_up

SEED_DESKS = tuple(f"S{i:02d}" for i in range(1, 21))  # never the desk a benchmark saves from
SEED_AGENTS = tuple(str(1001 + i) for i in range(40))
SEED_DAYS = 90

_MOBILE_PREFIXES = (
    "130", "131", "132", "133", "135", "136", "137", "138", "139", "150", "151", "152",
    "155", "156", "157", "158", "159", "166", "176", "177", "180", "181", "182", "183",
    "185", "186", "187", "188", "189", "191", "198", "199",
)
_LANDLINE_AREAS = ("0730", "0734", "0736", "0739", "0745")  # 7-digit local numbers
_SURNAMES = (
    "王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐"
    "许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程苏魏吕丁任沈"
)
_GIVEN = (
    "伟", "芳", "娜", "秀英", "敏", "静", "丽", "强", "磊", "军", "洋", "勇", "艳", "杰", "娟",
    "涛", "明", "超", "秀兰", "霞", "平", "刚", "桂英", "建华", "志强", "海燕", "小红", "国庆",
)
_DISTRICTS = ("河西区", "河东区", "临江新区", "高新区", "城南区", "青山县", "白沙镇", "石门乡")
_ROADS = (
    "建设路", "人民路", "解放路", "中山路", "滨江路", "五一路", "芙蓉路", "韶山路", "劳动路",
    "新民街", "朝阳街", "光明巷", "桃园村", "杨柳村",
)
_CONTENT = (
    "客户来电反映家中突然停电，邻居家也没有电，请尽快派人查看处理。",
    "客户反映家里电压不稳，灯光忽明忽暗，空调无法启动，要求上门检查线路。",
    "客户咨询本月电费为何比上月高出很多，已向客户解释阶梯电价政策，客户表示理解。",
    "客户申请新装一户居民生活用电，需要了解办理流程和所需材料，已告知并预约上门勘查。",
    "客户投诉抢修人员到达现场时间过长，超过承诺时限，要求给予答复并说明原因。",
    "客户反映小区门口电线杆倾斜，线路下垂距地面较低，存在安全隐患，请尽快处理。",
    "客户咨询如何办理电费代扣业务，已告知可通过网上国网App办理。",
    "客户反映电能表走字异常快，怀疑计量不准，申请校验电能表。",
    "客户举报有人私拉乱接电线窃电，地点在附近菜市场后面。",
    "客户表扬抢修班组服务态度好、处理及时，雨夜仍坚持抢修恢复送电。",
    "客户建议在停电前通过短信提前通知，方便安排生产生活。",
    "客户来电询问计划停电的具体时间和恢复供电时间，已查询告知。",
)
# a second sentence on most seeded tickets, so a text search can hit a few
# hundred tickets as well as a tenth of them (the drafts for saves don't use it)
_DETAILS = (
    "", "", "", "现场闻到焦糊味，客户担心发生火灾。", "影响整栋楼约二十户居民用电。",
    "附近变压器有嗡嗡异响。", "已停电约两小时，家中有老人和婴儿。", "客户家中冰箱内食物可能变质。",
    "客户情绪激动，要求尽快答复。", "客户称上周已反映过同样问题。", "现场有树枝压在电线上。",
    "暴雨后配电箱进水。", "客户为养殖户，停电影响增氧机运行。", "客户为小商铺经营者，影响营业。",
    "客户要求抢修人员到达前电话联系。", "已告知客户注意安全，不要靠近断落的电线。",
    "客户家中漏电保护器频繁跳闸。", "路灯白天常亮，浪费电能。", "客户反映电费账单地址有误。",
    "客户要求开具增值税专用发票。", "客户询问光伏发电并网补贴政策。", "客户申请电动汽车充电桩报装。",
    "客户反映智能电能表显示屏不亮。", "客户对预付费余额提醒短信有疑问。", "客户希望在周末安排上门服务。",
    "施工挖断地下电缆导致停电。", "客户反映邻居私自改动表箱接线。", "客户表示营业厅排队时间过长。",
)
_CATEGORY_WEIGHTS = {
    "fault_repair": 40, "inquiry": 30, "service_request": 10, "complaint": 6, "report": 2,
    "opinion": 5, "suggestion": 4, "praise": 3,
}
_PRIORITY_WEIGHTS = {"waiting": 30, "as_agreed": 30, "soon": 30, "urgent": 10}
_AREA_WEIGHTS = {"urban": 70, "rural": 25, "remote": 5}
DISPATCHED_SHARE = 0.35

TICKET_COLUMNS = (
    "id", "number", "call_id", "category", "content", "caller_name", "caller_phone",
    "account_no", "meter_no", "address", "area_type", "priority", "status", "department",
    "deadline_days", "deadline_at", "backfilled", "call_time", "created_by", "created_at",
    "version", "updated_at", "deleted_at", "origin_workstation", "subtype",
)
EVENT_COLUMNS = (
    "id", "ticket_id", "kind", "actor", "at", "data", "version", "updated_at", "deleted_at",
    "origin_workstation",
)


def _insert_sql(table: str, columns: tuple[str, ...]) -> str:
    return f"INSERT INTO {table} ({', '.join(columns)}) VALUES ({', '.join('?' * len(columns))})"


@dataclass(frozen=True)
class Caller:
    name: str
    phone: str  # as an agent types it
    account_no: str
    meter_no: str
    address: str
    area_type: str


def make_callers(rng: random.Random, n: int) -> list[Caller]:
    accounts = rng.sample(range(1_000_000_000, 10_000_000_000), n)  # unique 10-digit 户号
    out: list[Caller] = []
    areas, area_w = list(_AREA_WEIGHTS), list(_AREA_WEIGHTS.values())
    for acct in accounts:
        if rng.random() < 0.85:
            phone = f"{rng.choice(_MOBILE_PREFIXES)}{rng.randrange(100_000_000):08d}"
        else:
            phone = f"{rng.choice(_LANDLINE_AREAS)}-{rng.choice('2345678')}{rng.randrange(1_000_000):06d}"
        name = rng.choice(_SURNAMES) + rng.choice(_GIVEN)
        address = (f"临江市{rng.choice(_DISTRICTS)}{rng.choice(_ROADS)}{rng.randrange(1, 300)}号"
                   f"{rng.randrange(1, 30)}栋{rng.randrange(1, 6)}单元{rng.randrange(101, 2805)}室")
        meter = f"333{rng.randrange(10**19):019d}"
        out.append(Caller(name, phone, str(acct), meter, address,
                          rng.choices(areas, area_w)[0]))
    return out


def draft_for(rng: random.Random, caller: Caller) -> TicketDraft:
    """A complete fault-repair draft from one caller (passes every category's rules)."""
    return TicketDraft(
        category="fault_repair",
        content=rng.choice(_CONTENT),
        caller_name=caller.name,
        caller_phone=caller.phone,
        account_no=caller.account_no,
        meter_no=caller.meter_no,
        address=caller.address,
        area_type=caller.area_type,
        priority=rng.choice(tuple(_PRIORITY_WEIGHTS)),
    )


def sample_drafts(count: int, seed: int = 10_24) -> list[TicketDraft]:
    rng = random.Random(seed)
    return [draft_for(rng, c) for c in make_callers(rng, count)]


def _uuid7_hex(rng: random.Random, ms: int) -> str:
    """A UUIDv7 for a given Unix millisecond, as SQLAlchemy stores a Uuid on SQLite."""
    return f"{ms:012x}7{rng.getrandbits(12):03x}{(0x8 << 60) | rng.getrandbits(62):016x}"


def _stamp(dt: datetime) -> str:
    return dt.isoformat(sep=" ", timespec="microseconds")  # naive UTC, as UTCDateTime stores


def _rows(
    n: int, profile: SiteProfile, now: datetime, days: int, rng: random.Random,
    seqs: dict[tuple[str, str], int],
) -> Iterator[tuple[tuple[object, ...], list[tuple[object, ...]]]]:
    """Ticket rows with their event rows, oldest first; ``seqs`` collects the last
    number used per (desk, local day)."""
    tz = ZoneInfo(profile.timezone)
    callers = make_callers(rng, max(100, n // 4))
    categories, cat_w = list(_CATEGORY_WEIGHTS), list(_CATEGORY_WEIGHTS.values())
    priorities, pri_w = list(_PRIORITY_WEIGHTS), list(_PRIORITY_WEIGHTS.values())
    departments = [d.code for d in profile.departments] or ["repair"]
    deadlines = {c.code: c.default_deadline_days for c in profile.categories}
    start = now - timedelta(days=days)
    step_us = days * 86_400 * 1_000_000 // max(n, 1)
    for i in range(n):
        created = start + timedelta(microseconds=i * step_us + rng.randrange(max(step_us, 1)))
        ms = int(created.timestamp() * 1000)
        stamp = _stamp(created.replace(tzinfo=None))
        day = created.astimezone(tz).date()
        desk = rng.choice(SEED_DESKS)
        agent = rng.choice(SEED_AGENTS)
        key = (desk, f"{day:%Y%m%d}")
        seq = seqs[key] = seqs.get(key, 0) + 1
        c = callers[rng.randrange(len(callers))]
        category = rng.choices(categories, cat_w)[0]
        tid = _uuid7_hex(rng, ms)
        dispatched = rng.random() < DISPATCHED_SHARE
        dept = rng.choice(departments) if dispatched else None
        dl_days = deadlines.get(category, 1) if dispatched else None
        dl_at = _stamp((created + timedelta(days=dl_days)).replace(tzinfo=None)) if dl_days else None
        ticket = (
            tid, ticket_number(profile.site_code, desk, day, seq), None, category,
            rng.choice(_CONTENT) + rng.choice(_DETAILS), c.name, phone_key(c.phone), c.account_no,
            c.meter_no, c.address, c.area_type, rng.choices(priorities, pri_w)[0],
            "dispatched" if dispatched else "accepted", dept, dl_days, dl_at, 0, stamp, agent,
            stamp, 1, stamp, None, desk, None,
        )
        events = [(_uuid7_hex(rng, ms), tid, "saved", agent, stamp, '{"backfilled": false}', 1,
                   stamp, None, desk)]
        if dispatched:
            data = json.dumps({"department": dept, "deadline_days": dl_days})
            events.append((_uuid7_hex(rng, ms), tid, "dispatched", agent, stamp, data, 1, stamp,
                           None, desk))
        yield ticket, events


def seed_tickets(
    path: Path,
    n: int,
    profile: SiteProfile,
    *,
    days: int = SEED_DAYS,
    now: datetime | None = None,
    batch: int = 50_000,
    rng_seed: int = 95598,
    progress: Callable[[str], None] = lambda _msg: None,
) -> float:
    """Add ``n`` tickets (and their events) to the migrated store at ``path``.

    Returns the seconds it took, generation included.
    """
    t0 = time.perf_counter()
    rng = random.Random(rng_seed)
    now = now or datetime.now(UTC)
    conn = sqlite3.connect(path, isolation_level=None)
    try:
        conn.execute("PRAGMA journal_mode=WAL")
        conn.execute("PRAGMA synchronous=OFF")  # this connection only; restored below
        conn.execute("PRAGMA cache_size=-262144")  # 256 MiB so the index pages stay hot
        conn.execute("PRAGMA temp_store=MEMORY")
        conn.execute("PRAGMA busy_timeout=10000")
        ins_ticket = _insert_sql("tickets", TICKET_COLUMNS)
        ins_event = _insert_sql("ticket_events", EVENT_COLUMNS)
        tickets: list[tuple[object, ...]] = []
        events: list[tuple[object, ...]] = []
        done = 0

        def flush() -> None:
            nonlocal done
            conn.execute("BEGIN IMMEDIATE")
            conn.executemany(ins_ticket, tickets)
            conn.executemany(ins_event, events)
            conn.execute("COMMIT")
            done += len(tickets)
            tickets.clear()
            events.clear()
            progress(f"seeded {done:,}/{n:,} tickets ({time.perf_counter() - t0:.1f} s)")

        seqs: dict[tuple[str, str], int] = {}
        for ticket, evs in _rows(n, profile, now, days, rng, seqs):
            tickets.append(ticket)
            events.extend(evs)
            if len(tickets) >= batch:
                flush()
        if tickets:
            flush()
        progress(f"indexed the text of {catch_up(conn):,} tickets ({time.perf_counter() - t0:.1f} s)")
        if seqs:
            conn.execute("BEGIN IMMEDIATE")
            conn.executemany(
                "INSERT INTO ticket_sequences (workstation, day, last_seq) VALUES (?, ?, ?) "
                "ON CONFLICT (workstation, day) DO UPDATE SET "
                "last_seq = max(last_seq, excluded.last_seq)",
                [(desk, day, last) for (desk, day), last in seqs.items()],
            )
            conn.execute("COMMIT")
        conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
        conn.execute("PRAGMA synchronous=FULL")
    finally:
        conn.close()
    return time.perf_counter() - t0
