"""Entities of the domain: households, people, courses, records, periods."""
