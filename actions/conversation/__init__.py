"""The conversation as a whole, outside any one form's steps.

Routing a message, the context of the last answer, follow-ups, courtesy, confusion, handoff and the
replies every part shares.
"""
