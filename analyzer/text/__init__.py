"""Finnish text: normalisation, tokens and Voikko lemmas."""

from analyzer.text._voikko import Morphology, get_morphology, voikko_info

__all__ = ["Morphology", "get_morphology", "voikko_info"]
