"""auditor: finds internal inconsistencies in Chinese budget and performance reports."""
__version__ = "0.1.0"
