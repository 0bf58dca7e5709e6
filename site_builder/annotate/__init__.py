"""Annotation: one recognizer per module (language, titles and leftovers, dates, offices, outlets, people,
quotes, topics, events), composed into an entry by compose."""

from site_builder.annotate.compose import Annotation, Annotator, detect_language

__all__ = ["Annotation", "Annotator", "detect_language"]
