"""Everything needed to run the platform on one machine: embedded infrastructure and processes."""
