"""vnlabor.kpi."""
