"""site_builder: a documentary static site about Kazakhstan–Azerbaijan relations, from raw texts."""

__version__ = "0.1.0"
