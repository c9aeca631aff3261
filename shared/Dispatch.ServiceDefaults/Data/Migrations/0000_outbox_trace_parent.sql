-- Each outbox row keeps the W3C trace context (traceparent) of the work that wrote it; the relay sends the event
-- in that trace, so a request and the events it causes are one trace. It replaces the hand-made correlation id.
alter table outbox_messages add column if not exists trace_parent text;
-- correlation_id (nullable, no longer written) stays for one release: during a rolling upgrade the replicas still
-- running the previous version insert into it and read it. The release after this one drops it.
