-- contact.overflowed: the line the contact overflowed from, the step's number, and where to: the
-- agents of a line, or the agents with some skills (a small JSON map).
alter table contact_events add column overflow_from varchar(64);
alter table contact_events add column overflow_step smallint;
alter table contact_events add column overflow_line varchar(64);
alter table contact_events add column overflow_skills text;

-- Service level per line: whether the contact was answered within its line's target, counted
-- from its arrival (null: not answered, or its line sets no target).
alter table contacts add column answered_within_target boolean;

-- The history of each line per interval reads only these columns, by line and arrival.
create index contacts_line_history on contacts (line, created_at)
    include (state, connected_at, answered_within_target, touch_ms, resolved) where line is not null;
