"""IR passes: IR -> IR, settings applied (wire names, statuses...) and checks."""
