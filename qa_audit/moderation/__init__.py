"""Double-marking: auditor agreement figures, moderation of disagreements, the final result
reports use, and follow-up actions for plans below the quality threshold."""
