"""Chat-window texts built from the form and the service's answers (personal data always masked)."""

from collections.abc import Mapping
from datetime import date
from typing import Any

from actions.application.form_fields import FIELDS, display
from contract.labels import ITEM_NAMES

LIGHTS = {"green": "🟢", "yellow": "🟡", "red": "🔴"}
LIGHT_WORDS = {"green": "时限内", "yellow": "临近时限", "red": "已超期"}


def _filled_lines(slots: dict[str, Any], departments: Mapping[str, str] | None = None) -> list[str]:
    return [
        f"• {f.label}：{_shown(f.slot, slots[f.slot], departments)}"
        for f in FIELDS
        if slots.get(f.slot) not in (None, "")
    ]


def _shown(slot: str, value: Any, departments: Mapping[str, str] | None) -> str:
    if slot == "application_items" and departments and isinstance(value, list):
        return _items_with_departments(value, departments)
    return display(slot, value)


def _items_with_departments(codes: list[str], departments: Mapping[str, str]) -> str:
    """Each item with the department that handles it: "纳税人信息确认（税务部门）"."""
    return "、".join(
        f"{ITEM_NAMES.get(code, code)}（{departments[code]}）" if code in departments else ITEM_NAMES.get(code, code)
        for code in codes
    )


def filled_so_far(slots: dict[str, Any]) -> str:
    """What the form holds before the summary (asked for with "我看看填了啥"), masked like the summary."""
    lines = _filled_lines(slots)
    if not lines:
        return "目前还没有记下任何信息。"
    return "目前已记下的信息：\n" + "\n".join(lines) + "\n还差几项，填完后会把完整的表给您核对，确认后才提交。"


def summary(slots: dict[str, Any], departments: Mapping[str, str] | None = None) -> str:
    """The filled form for confirmation: one line per field, ID/phone/account masked.

    Args:
        slots: The form's slots.
        departments: Item code → the department that handles it (the service's catalogue, its one owner), shown
            after each item; the items alone without it.
    """
    lines = _filled_lines(slots, departments)
    held = slots.get("held_fields") or []
    footer = "\n（已通过数据共享获取、无需填写的信息不在此列。）" if held else ""
    return (
        "请核对您的《个人创业“一件事”信息采集表》：\n"
        + "\n".join(lines)
        + footer
        + "\n确认无误请回复“确认提交”；需要修改直接告诉我，例如“手机号改成（新号码）”。"
    )


def _day(iso: str) -> str:
    day = date.fromisoformat(iso)
    return f"{day.month}月{day.day}日"


def _department_line(task: dict[str, Any]) -> str:
    items = "、".join(i["name"] for i in task["items"])
    light = LIGHTS.get(task.get("light") or "", "⚪")
    line = f"{light} {task['department']}｜{items}：{task['status_label']}"
    if task.get("reason"):
        line += f"（原因：{task['reason']}）"
    if task.get("light"):
        line += f"；时限{task['time_limit_days']}个工作日，{_day(task['due_date'])}前办结"
        if task.get("working_days_left") is not None and task["working_days_left"] >= 0:
            line += f"（还剩{task['working_days_left']}个工作日，{LIGHT_WORDS[task['light']]}）"
        else:
            line += f"（{LIGHT_WORDS[task['light']]}）"
        if task.get("due_date_estimated"):
            line += "，截止日期为估算"
    return line


def filed(application: dict[str, Any]) -> str:
    """The answer after filing: number, departments with their limits, the material checklist."""
    departments = "\n".join(_department_line(task) for task in application["departments"])
    exempt = [m for m in application["materials"] if m["exempt"]]
    needed = [m for m in application["materials"] if not m["exempt"]]
    checklist = [f"✅ {m['name']}：免提交（{m['source']}）" for m in exempt]
    checklist += [f"📄 {m['name']}：需提交" for m in needed]
    text = (
        f"提交成功！申请编号：{application['number']}（请记下，查询进度要用）。\n"
        f"已同时分送以下部门并联审批：\n{departments}\n"
        "材料清单：\n" + ("\n".join(checklist) if checklist else "无需另交材料。")
    )
    if needed:
        text += "\n需提交的材料请在湘易办“我的办件”中上传，或带到创业服务窗口。"
    return text + "\n查询进度请说“查进度”，需要申请编号和身份证号后6位。"


def progress(application: dict[str, Any]) -> str:
    """An application's overall state and each department's status with its light."""
    lines = "\n".join(_department_line(task) for task in application["departments"])
    text = f"申请编号 {application['number']}：{application['state_label']}\n{lines}"
    if application.get("finished") and not application.get("rated"):
        text += "\n已经办结啦，欢迎对本次服务做个评价（好差评），比如“五星，很满意”。"
    return text
