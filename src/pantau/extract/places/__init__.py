"""Places: toponyms from the entities layer resolved to GeoNames-style places."""

from pantau.extract.places.resolver import PlaceResolver

__all__ = ["PlaceResolver"]
