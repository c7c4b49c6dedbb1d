"""The imposition engine: any `Imposition` applied to a PDF. Every PDF read through qpdf first
(reading.py), source pages drawn as forms on the sheets (pdf.py), the sheets' content-stream
operators (drawing.py), the marks' words in an embedded font (fonts.py, objects.py with the
metadata). The only use of pypdf
and pikepdf in the builder besides preflight's metadata."""
