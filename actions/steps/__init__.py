"""What every form's steps share.

Asking a step once per turn, counting failed answers, help after two failures, and dates and
durations said in words.
"""
