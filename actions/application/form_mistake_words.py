"""The words of a mistake ("打错了", "说错了", "不对"): the one list every reader of "I said it wrong" is built from.

The form reads a mistake in four ways: anywhere in a message (:data:`actions.application.form_guard.SAID_WRONG`), as
a value taken back inside one message (:data:`actions.application.form_cues.SELF_CORRECTION`), as a whole message
(:data:`actions.application.form_mistakes.ONLY_WRONG`) and as the clause before a new value
(:data:`actions.application.form_mistakes.WRONG_CLAUSE`); a change of a value reads them too
(:data:`actions.application.form_values.CORRECTING`). Each builds its pattern from these words, so a new way of saying
it wrong is added once.
"""

# The verbs of a slip before 错 ("打错了", "写错", "说错了", "记错了").
SLIP_VERBS = ("打", "写", "填", "输", "搞", "弄", "说", "讲", "记")
# A slip: one of those verbs and 错 ("填错", "讲错"); the readers add 了 where they need it.
SLIP = "(?:" + "|".join(SLIP_VERBS) + ")错"
# Said alone, with no verb: "不对不对", "不对", "错了" (the longer first, so an alternation takes it whole).
WRONG_ALONE = ("不对不对", "不对", "错了")
WRONG = "|".join(WRONG_ALONE)
