"""Applications per department: open tasks by the progress wing's traffic light, finished and refused ones."""

from datetime import date, datetime
from zoneinfo import ZoneInfo

from bundle_service.api.deps import Services
from bundle_service.insights.applications import department_figures
from bundle_service.insights.period import period_of
from tests.service.insights.seed import TaskSeed, add_application

TZ = ZoneInfo("Asia/Shanghai")
TODAY = date(2026, 9, 28)  # a Monday; the National Day holiday starts on Thursday 1 October
IN_PERIOD = datetime(2026, 9, 21, 9, 0, tzinfo=TZ)
BEFORE = datetime(2026, 8, 1, 9, 0, tzinfo=TZ)


def test_each_department_counts_its_tasks_by_light(services: Services) -> None:
    with services.sessions.begin() as session:
        add_application(
            session,
            "CY20260921000001",
            [
                TaskSeed("market_regulation", "reviewing", date(2026, 9, 25), IN_PERIOD),  # overdue: red
                TaskSeed("tax", "received", date(2026, 9, 29), IN_PERIOD),  # 1 working day left: yellow
                TaskSeed("public_employment", "needs_material", date(2026, 10, 20), IN_PERIOD),  # green
            ],
        )
        add_application(
            session,
            "CY20260921000002",
            [
                TaskSeed("market_regulation", "finished", date(2026, 9, 25), IN_PERIOD),
                TaskSeed("tax", "refused", date(2026, 9, 29), IN_PERIOD),
                TaskSeed("public_employment", "reviewing", date(2026, 10, 20), IN_PERIOD),
            ],
        )
        add_application(
            session, "CY20260801000001", [TaskSeed("market_regulation", "reviewing", date(2026, 8, 7), BEFORE)]
        )
    with services.sessions() as session:
        rows = {row.code: row for row in department_figures(session, period_of(None, None, TODAY, TZ), TODAY)}
    assert len(rows) == 8 and rows["market_regulation"].name  # every department of the catalogue, named
    market, tax, employment = rows["market_regulation"], rows["tax"], rows["public_employment"]
    assert (market.received, market.red, market.yellow, market.green, market.finished) == (2, 1, 0, 0, 1)
    assert (tax.received, tax.yellow, tax.refused, tax.red) == (2, 1, 1, 0)
    assert (employment.received, employment.green) == (2, 2)
    assert rows["loan_review"].received == 0

    with services.sessions() as session:  # the older application counts in a period that holds it
        august = {
            r.code: r
            for r in department_figures(session, period_of(date(2026, 8, 1), date(2026, 8, 31), TODAY, TZ), TODAY)
        }
    assert (august["market_regulation"].received, august["market_regulation"].red) == (1, 1)
