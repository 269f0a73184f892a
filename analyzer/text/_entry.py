"""What is known about one surface form: :class:`Entry` and its flag bits."""

from __future__ import annotations

from dataclasses import dataclass

__all__ = ["NEGATOR", "PHRASE", "SCOPE_END", "WORD", "Entry"]


@dataclass(frozen=True, slots=True)
class Entry:
    """Everything known about one surface form, computed once and cached.

    Attributes
    ----------
    lemmas : tuple of str
        Candidate lemmas in UD convention, best prior first (at least one).
    pos : tuple of str
        Universal POS guess for each candidate (``"X"`` when unknown).
    scores : tuple of float
        Prior score of each candidate.
    known : bool
        Whether Voikko (or the spoken-Finnish table) knew the word.
    parts : tuple of str
        Compound parts of the best analysis (empty when not a compound).
    kind : str
        ``word``, ``number``, ``emoji``, ``placeholder`` or ``punct``.
    feature : str or None
        The lower-cased lemma when there is only one candidate (the
        classifier's feature, no context needed); ``None`` otherwise.
    flags : int
        Bit set for the negation scope: :data:`NEGATOR` (a negation verb),
        :data:`SCOPE_END` (punctuation or a clause opener), :data:`WORD`.
    """

    lemmas: tuple[str, ...]
    pos: tuple[str, ...]
    scores: tuple[float, ...]
    known: bool
    parts: tuple[str, ...]
    kind: str
    feature: str | None = None
    flags: int = 0


#: :attr:`Entry.flags` bit: the surface form is a negation verb (``ei``, ``en``, ...).
NEGATOR = 1
#: :attr:`Entry.flags` bit: punctuation or a clause opener, which ends a negation scope.
SCOPE_END = 2
#: :attr:`Entry.flags` bit: the token is a word.
WORD = 4
#: :attr:`Entry.flags` bit: the word may be part of a fixed two-word adverb
#: (``itse asiassa``, ``muun muassa``), so its lemma depends on a neighbour.
PHRASE = 8


def _single(lemma: str, pos: str = "X", known: bool = False, kind: str = "word") -> Entry:
    return Entry((lemma,), (pos,), (0.0,), known, (), kind)
