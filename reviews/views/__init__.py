"""Reviews' views, one module per part: ``checkins`` (check-ins, history, quarterly
summary), ``circle`` (my circle, comments), ``shared`` (what a member sees),
``feedback``, ``conversations`` and ``wins`` (the wins journal, the brag document)."""
