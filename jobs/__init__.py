"""Scheduled work: reminder planning, the outbox dispatcher and the scheduler tick.

Nothing here yet; the reminder issue fills it. Kept as a package so the layout
of the design card (bot/, faq/, jobs/, storage/) holds from the start.
"""
