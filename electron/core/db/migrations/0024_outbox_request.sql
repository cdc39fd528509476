-- The journal shows the gateway's time-stamp of each request's receipt (issue 16 item 3), read
-- from the request's delivered outbox rows: found by request, not by a scan of every message.
CREATE INDEX outbox_request ON outbox (request_id, delivered_at);
