"""Events: who did what to whom, coded in CAMEO and PLOVER."""

from pantau.extract.events.coder import EventCoder

__all__ = ["EventCoder"]
