"""Extraction stages: entities, quotes, places, dates, events and tone."""
