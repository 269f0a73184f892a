"""How an export is read: :class:`ReadOptions`, one object for every reader and for scoring."""

from __future__ import annotations

import dataclasses
from dataclasses import dataclass

from analyzer.config import DEFAULT_TZ, time_zone
from analyzer.errors import AnalyzerError

__all__ = ["ReadOptions"]


@dataclass(frozen=True)
class ReadOptions:
    """How to read an export: which columns hold what, and the zone of times without one.

    One object for every function that reads comments
    (:func:`~analyzer.io.iter_comments`, :func:`~analyzer.io.read_comments`,
    :func:`~analyzer.io.read_scored`, :func:`~analyzer.io.read_labelled`,
    :func:`analyzer.timeline.read_or_score`, :func:`analyzer.score`), passed as
    ``options=``; the command line builds one from ``--text-col``,
    ``--time-col``, ``--author-col`` and ``--tz``. The same functions still take
    these as keyword arguments (``text_col=``, ...); a keyword given (not
    ``None``) takes the place of the option's field.

    Parameters
    ----------
    text_col : str, optional
        The column of the comment text (default: found by its name).
    time_col : str, optional
        The column of the time (default: found by its name; ``""``: none).
    author_col : str, optional
        The column of the author (default: found by its name; ``""``: none).
    tz : str, default="Europe/Helsinki"
        Time zone of times written without one, and of the times read; an IANA
        name, checked at once (:func:`analyzer.config.time_zone`).

    Raises
    ------
    AnalyzerError
        An unknown time zone, or a column name that is not a string.

    Examples
    --------
    >>> from analyzer.io import ReadOptions
    >>> options = ReadOptions(time_col="aika", tz="utc")
    >>> options
    ReadOptions(text_col=None, time_col='aika', author_col=None, tz='UTC')
    >>> ReadOptions.of(options, text_col="viesti", tz=None)
    ReadOptions(text_col='viesti', time_col='aika', author_col=None, tz='UTC')
    >>> ReadOptions(tz="Mars/Olympus")
    Traceback (most recent call last):
    ...
    analyzer.errors.AnalyzerError: unknown time zone 'Mars/Olympus': use tz= with a name such as Europe/Helsinki or UTC
    """  # noqa: E501

    text_col: str | None = None
    time_col: str | None = None
    author_col: str | None = None
    tz: str = DEFAULT_TZ

    def __post_init__(self) -> None:
        for name in ("text_col", "time_col", "author_col"):
            value = getattr(self, name)
            if value is not None and not isinstance(value, str):
                raise AnalyzerError(
                    f"{{option}} must be a column name (str), not {type(value).__name__}",
                    param=name,
                )
        object.__setattr__(self, "tz", time_zone(self.tz))

    @classmethod
    def of(cls, options: ReadOptions | None = None, **given: str | None) -> ReadOptions:
        """``options`` (or the defaults) with every keyword given as not ``None`` put in.

        What each reader does with its ``options=`` and its keyword arguments,
        so both ways of calling it take one code path.

        Parameters
        ----------
        options : ReadOptions, optional
            The options to start from (default: ``ReadOptions()``).
        **given : str or None
            Fields (``text_col``, ``time_col``, ``author_col``, ``tz``); ``None``
            leaves the field as it is.

        Returns
        -------
        ReadOptions

        Examples
        --------
        >>> from analyzer.io import ReadOptions
        >>> ReadOptions.of(None, time_col="", tz=None)
        ReadOptions(text_col=None, time_col='', author_col=None, tz='Europe/Helsinki')
        """
        if options is None:
            options = cls()
        elif not isinstance(options, ReadOptions):
            raise AnalyzerError(
                f"options= must be an analyzer.io.ReadOptions, not {type(options).__name__}"
            )
        changes = {k: v for k, v in given.items() if v is not None}
        return dataclasses.replace(options, **changes) if changes else options
