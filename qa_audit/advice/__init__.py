"""Professional advice received for a plan: uploaded, read into recommendations, and traced
into the plan by content."""
