"""Making files, for any area: PDFs from templates (feedback sheets, reports), tables as CSV
and XLSX with every cell safe to open in a spreadsheet (reports, the access log), and writing
a file so it is whole or absent (uploads, report builds)."""
