-- The dashboard's daily series reads recent COLLECTED / MANUAL_PENDING events by time.
create index candidate_event_state_time on candidate_event (to_state, created_at);
