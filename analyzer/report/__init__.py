"""One-command HTML report of tone around a company's statements."""

from analyzer.report._html import render_report, write_report

__all__ = ["render_report", "write_report"]
