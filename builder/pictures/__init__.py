"""The pictures stage: each picture sized for the format's text area, resampled to 300 dpi or
halftoned (resample.py: prepare; sizing.py, figures.py, pixels.py, halftone.py), cached in
output/.pictures/ (cache.py)."""
