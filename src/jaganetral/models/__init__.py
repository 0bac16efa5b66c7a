"""The shipped learned-stage artifact (``flag-lr.jnm``), its manifest and its model card."""
