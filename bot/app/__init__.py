"""Entry points below the command line: wiring.py (settings, storage, domain
services and chat features put together), console.py (`imbot chat`, `imbot demo`),
run.py (`imbot run`, which imports the chat platforms when it starts them),
config.py, doctor.py, and the operations parts (metrics, health, logs).
Kept empty so that reading the settings does not load the rest."""
