"""Printable zine and letter pack builder."""

__version__ = "0.1.0"
