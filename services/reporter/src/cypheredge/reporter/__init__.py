"""Reporter: categories, validation, workbook, exports."""
