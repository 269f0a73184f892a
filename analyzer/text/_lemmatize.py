"""Voikko lemmatisation of a token sequence, with disambiguation by context.

The work is split by what a newcomer looks for: :mod:`~analyzer.text._entry`
(what is known about a form), :mod:`~analyzer.text._cache` (looked up once per
form), :mod:`~analyzer.text._analysis` (Voikko's analyses -> UD lemmas),
:mod:`~analyzer.text._guesser` (unknown words), :mod:`~analyzer.text._context`
(choosing among candidates by the neighbours).
"""

from __future__ import annotations

from collections.abc import Sequence

from analyzer.text._cache import _lookup
from analyzer.text._context import choose
from analyzer.text._entry import _single

__all__ = ["lemmatize"]


def lemmatize(tokens: Sequence[str]) -> list[str]:
    """One lemma per token, in order; the sequence is the context.

    Lemmas follow UD Finnish conventions: participles and infinitives give
    the verb (``tehty`` -> ``tehdä``, derived verbs kept: ``valmistelemaan``
    -> ``valmistella``) unless lexicalised as adjectives (``merkittävä``,
    ``uskomaton``); plural pronouns give the singular (``me`` -> ``minä``,
    ``ne`` -> ``se``), clitic pronouns the indefinite (``jotakin`` ->
    ``jokin``); comparatives give the positive, comparative adverbs the
    ``-sti`` adverb (``tehokkaammin`` -> ``tehokkaasti``); ``-sti`` adverbs and
    lexicalised case forms (``puolesta``, ``aamuisin``) are themselves;
    plural-only nouns keep the plural (``markkinat``); hyphenated compounds
    lose the hyphen (``raaka-aine`` -> ``raakaaine``). Ambiguous forms are
    resolved by context (negation, a preceding verb or adjective, case
    agreement with the next word, ``sillä`` after a comma, ``et`` before a
    verb). Lemmas are lower-case except proper nouns,
    which keep their capital (``Helsingissä`` -> ``Helsinki``). Spoken forms
    map to standard lemmas (``mä`` -> ``minä``, ``oon`` -> ``olla``). Unknown
    words are guessed by stripping a case ending; a hashtag gives its word as
    written without the ``#`` (``#Kesäkumu`` -> ``Kesäkumu``; in UD lemmas
    ``#`` marks compound boundaries), a mention stays as it is; non-words
    (emoji, punctuation, numbers, placeholders) are returned unchanged.

    Parameters
    ----------
    tokens : sequence of str
        Tokens of one sentence or comment (e.g. from :func:`tokenize`).

    Returns
    -------
    list of str
        Exactly ``len(tokens)`` lemmas.

    Examples
    --------
    >>> from analyzer.text import lemmatize
    >>> lemmatize(["Me", "oltiin", "kylpylässä", "Helsingissä", "😤"])
    ['minä', 'olla', 'kylpylä', 'Helsinki', '😤']
    """
    entries = [_lookup(t) if t else _single("", "X") for t in tokens]
    return [choose(i, tokens, entries) for i in range(len(entries))]
