"""Sample data bundled for the demo and examples (synthetic, not real people)."""
