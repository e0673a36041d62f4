"""vnlabor.l10n."""
