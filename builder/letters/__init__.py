"""Letters to fill in by hand: a letter part's blanks (parts.py), its fit on one page (fit.py),
one letter filled in locally (fill.py), the social security number's check (nir.py), and the
warning when git could commit a filled letter (exposure.py)."""
