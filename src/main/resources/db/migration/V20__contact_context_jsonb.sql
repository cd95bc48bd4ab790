-- A contact's context is JSON, and the store now says so: kept as jsonb, it is checked once when
-- written and read back as JSON text that goes into an agent's offer as it is (jsonb's text: keys
-- in its own order, a space after each colon and comma; equal as JSON to what the gateway sent).
-- Every stored context was written by the server from parsed JSON, so each one converts.
alter table contacts alter column context type jsonb using context::jsonb;
