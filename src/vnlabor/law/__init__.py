"""vnlabor.law."""
