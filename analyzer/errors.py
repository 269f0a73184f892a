"""Errors and warnings that reach the user as one clear line.

Every failure the user can cause or fix (bad input, missing file, unsafe
model, missing Finnish morphology) is raised as :class:`AnalyzerError`.
The command line prints its message on one line and exits with code 2;
notebooks see an ordinary exception with the same message.

A message that tells the user to set an option names it the way the caller
knows it: ``time_col=`` in Python, ``--time-col`` on the command line. The
error is raised with the message in Python terms and the option's Python
name (``param=``); the command line asks for :meth:`AnalyzerError.cli_message`.

Things worth knowing that do not stop the work (an event outside the data's
time range...) are :class:`AnalyzerWarning` warnings: Python shows them as
ordinary warnings, the command line as one ``analyzer: warning:`` line each.
"""

from __future__ import annotations

__all__ = ["AnalyzerError", "AnalyzerWarning", "cli_flag"]


def cli_flag(param: str) -> str:
    """The command-line flag of a Python argument: ``time_col`` -> ``--time-col``.

    Examples
    --------
    >>> cli_flag("time_col")
    '--time-col'
    """
    return "--" + param.replace("_", "-")


class AnalyzerError(Exception):
    """A problem the user can understand and fix, reported in one line.

    Parameters
    ----------
    message : str
        The message. With ``param``, ``{option}`` in it stands for the option
        (``time_col=`` / ``--time-col``) and ``{example}`` for the option with
        ``example`` as its value (``time_col='created_time'`` /
        ``--time-col created_time``).
    param : str, optional
        The Python name of the option the message is about.
    example : str, optional
        An example value of that option.

    Examples
    --------
    >>> from analyzer.errors import AnalyzerError
    >>> str(AnalyzerError("no text column found"))
    'no text column found'
    >>> err = AnalyzerError("no time column: use {example}", param="time_col", example="pvm")
    >>> str(err)
    "no time column: use time_col='pvm'"
    >>> err.cli_message()
    'no time column: use --time-col pvm'
    """

    exit_code = 2

    def __init__(
        self, message: str, *, param: str | None = None, example: str | None = None
    ) -> None:
        self.template = message
        self.param = param
        self.example = example
        super().__init__(self._render(cli=False))

    def _render(self, *, cli: bool) -> str:
        if self.param is None:
            return self.template
        if cli:
            option = cli_flag(self.param)
            example = f"{option} {self.example}"
        else:
            option = f"{self.param}="
            example = f"{self.param}={self.example!r}"
        return self.template.replace("{option}", option).replace("{example}", example)

    def cli_message(self) -> str:
        """The message as the command line shows it (options as ``--flags``)."""
        return self._render(cli=True) if self.param is not None else str(self)


class AnalyzerWarning(UserWarning):
    """Something the user should know that does not stop the work, in one line.

    Examples
    --------
    >>> import warnings
    >>> from analyzer.errors import AnalyzerWarning
    >>> with warnings.catch_warnings(record=True) as seen:
    ...     warnings.simplefilter("always")
    ...     warnings.warn("event 'x' is after the last comment", AnalyzerWarning)
    >>> str(seen[0].message)
    "event 'x' is after the last comment"
    """
