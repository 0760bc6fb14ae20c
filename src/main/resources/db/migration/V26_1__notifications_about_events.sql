-- Notifications about a group event (changed, cancelled, a place for you, a reminder) name the event.
alter table notification add column event_id bigint;
