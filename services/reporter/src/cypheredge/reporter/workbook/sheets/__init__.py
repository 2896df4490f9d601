"""One module per sheet or small group of sheets; ``registry`` lists them in order."""
