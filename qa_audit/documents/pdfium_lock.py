"""PDFium is not thread-safe: every use in this package holds this lock (threaded web workers)."""

import threading

PDFIUM_LOCK = threading.Lock()
