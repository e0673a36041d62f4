"""vnlabor.programmes."""
