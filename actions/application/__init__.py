"""The one form (``application_form``), from what people say to the filed application.

Reading values wherever they are said, corrections, navigation, the summary and filing.
"""
