"""Scheduled work below the chat: program edition files (editions.py), the outbox
dispatcher with its sender port (dispatch.py) and the scheduler tick (scheduler.py).
Imports only storage; the adapters implement the sender port."""
