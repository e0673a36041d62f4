"""vnlabor.poverty."""
