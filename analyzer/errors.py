"""Errors that reach the user as one clear line.

Every failure the user can cause or fix (bad input, missing file, unsafe
model, missing Finnish morphology) is raised as :class:`AnalyzerError`.
The command line prints its message on one line and exits with code 2;
notebooks see an ordinary exception with the same message.
"""

from __future__ import annotations

__all__ = ["AnalyzerError"]


class AnalyzerError(Exception):
    """A problem the user can understand and fix, reported in one line.

    Examples
    --------
    >>> from analyzer.errors import AnalyzerError
    >>> str(AnalyzerError("no text column found"))
    'no text column found'
    """

    exit_code = 2
