"""The layouts: pure functions from a page count and sizes to an `Imposition` (saddle.py,
topbound.py, copycutfold.py, onepagezine.py; testsheet.py draws the duplex test sheet)."""
