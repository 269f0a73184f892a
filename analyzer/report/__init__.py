"""One-command HTML report of tone around a company's statements."""

from analyzer.report._html import (
    example_comments,
    pseudonymize_text,
    render_report,
    write_report,
    write_scored,
)

__all__ = [
    "example_comments",
    "pseudonymize_text",
    "render_report",
    "write_report",
    "write_scored",
]
