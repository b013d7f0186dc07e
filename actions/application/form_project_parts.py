"""The project's name in a list of fields, said bare, and a project read together with another field.

Part of :mod:`actions.application.form_labels` (split from it by concern): "…，晓明文具，零售，个体户，…" names the
project by the one part no other field takes; "红梅裁缝铺服装加工" is a project glued to its industry; one name read
as both the person's and the shop's belongs to one of them.
"""

from __future__ import annotations

import re
from typing import Any

from actions.application.form_business import split_project
from actions.application.form_cues import OPENED_KINDS, PROJECT_LABELLED, PROJECT_SUFFIX
from actions.application.form_leftover import leftover_project
from actions.application.form_name_evidence import person_named_late
from actions.application.form_names import introduces_person

# A kind of shop opened, said where its name could follow ("想开个水果店，鲜果时光，…"): no name of its own.
SHOP_KIND = re.compile(rf"[\u4e00-\u9fff]{{1,2}}{PROJECT_SUFFIX}|[\u4e00-\u9fff]{{0,2}}(?:{OPENED_KINDS})")


def bare_project(text: str, values: dict[str, Any]) -> None:
    """The project's name said bare in a list ("…，晓明文具，零售，个体户，…"), also instead of a kind of shop."""
    said = str(values.get("project_name") or "")
    if said and (not SHOP_KIND.fullmatch(said) or _labelled_project(text, said)):
        return  # "项目山里农家乐，…": a name said after its label, though shaped like a kind of shop
    others = {slot: value for slot, value in values.items() if slot != "project_name"}
    if bare := leftover_project(text, others):
        values["project_name"] = bare


def _labelled_project(text: str, said: str) -> bool:
    """The project's name was said after its label (项目/项目名称/店名 …), not read from a plan ("开个农家乐")."""
    return any(match.group("value") == said for match in PROJECT_LABELLED.finditer(text))


def untangle(values: dict[str, Any], text: str) -> None:
    """A project glued to its industry is split; one name read as both is the shop's, or the person's.

    "店名字叫茶小满" names the shop; "开个面馆，叫张伟，身份证…" (a person's details after it) the person.
    """
    if project := values.get("project_name"):
        values["project_name"], glued = split_project(str(project))
        if glued and "industry" not in values:
            values["industry"] = glued
    name = values.get("applicant_name")
    if name and name == values.get("project_name"):  # (a shop named after its owner, "刘芳小吃", keeps both)
        person = introduces_person(text, str(name)) or person_named_late(text, str(name))
        del values["project_name" if person else "applicant_name"]
