"""Chinese NLU components of the 创业一件事助手 Rasa assistant.

The package root imports nothing, so scripts can use ``gazetteer`` and
``regexes`` with only PyYAML installed.
"""
