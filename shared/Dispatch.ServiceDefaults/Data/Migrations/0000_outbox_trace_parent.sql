-- Each outbox row keeps the W3C trace context (traceparent) of the work that wrote it; the relay sends the event
-- in that trace, so a request and the events it causes are one trace. It replaces the hand-made correlation id.
alter table outbox_messages add column if not exists trace_parent text;
alter table outbox_messages drop column if exists correlation_id;
