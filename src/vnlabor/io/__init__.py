"""vnlabor.io."""
