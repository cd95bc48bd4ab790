-- contact.moved to a line: the line a supervisor moved the contact to (agent_id names the agent
-- when it was moved to one). The contact's own row takes the line, and its arrival skills give
-- way to the line's.
alter table contact_events add column line varchar(64);
