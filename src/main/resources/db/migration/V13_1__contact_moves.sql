-- contact.moved: the supervisor who moved the contact (the agent it went to is agent_id).
alter table contact_events add column actor text;
