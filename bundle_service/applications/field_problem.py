"""The exception a single-field validator raises."""


class FieldProblem(ValueError):
    """A value is wrong for its field.

    Args:
        code: Machine-readable reason.
        message: Chinese reason fit to show the applicant.
    """

    def __init__(self, code: str, message: str) -> None:
        super().__init__(message)
        self.code = code
        self.message = message
