"""Reviews' views, one module per part: ``checkins`` (check-ins, history, quarterly
summary), ``circle`` (my circle, comments), ``shared`` (what a member sees),
``feedback`` and ``conversations``."""
