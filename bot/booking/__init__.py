"""Jour Fixe domain: rules, time parsing, calendar files, reading yes/no answers,
and the booking service (service.py, put together from availability, requests,
changes and reminders). No chat here: the chat feature (bot.chat.jourfixe) turns
what people write into calls of `JourFixe` and its results into replies."""
