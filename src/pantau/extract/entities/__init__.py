"""Entities: named-entity recognition, titles and roles, linking."""
