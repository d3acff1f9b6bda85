"""A private symptom and trigger diary with an injection and medicine log.

models   the entries and the words they may use (symptoms, triggers, medicines) as data
crypto   AES-GCM sealing of one entry, bound to its owner
store    the encrypted rows in SQLite or PostgreSQL
patterns pure counts: by day, since the last shot, after each trigger
schedule next due dose and an .ics calendar
export   CSV and FHIR R4 (R4B models) out and back in
"""
