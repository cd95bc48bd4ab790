-- A contact's row is updated at each step of its life (offered, connected, wrapping, completed).
-- PostgreSQL writes such an update in place on its page (HOT: no new entry in any index) only when
-- no column an index keys, includes or filters on changes, and the new version fits on the page.
-- `state` was in three indexes (contacts_live, contacts_completed, contacts_line_history), so every
-- update wrote a new entry in every index of contacts. Now the indexes name only columns a
-- contact's life leaves alone until it ends (ended_at, set once), so every update before the last
-- is HOT, and the ending one leaves the live index.

-- Live contacts (QUEUED to WRAPPING) are those not ended: ended_at is set when, and only when, a
-- contact completes or is abandoned.
drop index contacts_live;
create index contacts_live on contacts (arrival_seq) where ended_at is null;

-- Ended contacts by when they ended (touch-time insights read the completed ones, the restore the
-- abandoned ones).
drop index contacts_completed;
create index contacts_ended on contacts (ended_at) where ended_at is not null;

-- The sealed quarter hours of the line history are read from line_quarters (V18); the contacts are
-- read only since the seal, a few quarters, so their counted columns come from the rows.
drop index contacts_line_history;
create index contacts_line_history on contacts (line, created_at) where line is not null;

-- Room on each page for the next versions of the rows just inserted there (rows arrive in order,
-- so a page otherwise fills with inserts and every update moves its row to another page).
alter table contacts set (fillfactor = 70);
