-- Follow-ups an agent promised ("I'll call you back at 10"): pending until due, then a contact
-- with the same id (mode FOLLOW_UP) for the same customer.
create table follow_ups (
    id                 varchar(36)  primary key,
    agent_id           varchar(64)  not null,
    from_contact_id    varchar(36)  not null references contacts (id),
    due_at             timestamptz  not null,
    callback_number    varchar(16),
    note               text,
    created_at         timestamptz  not null,
    -- null while the follow-up is still a promise
    became_due_at      timestamptz
);
create index follow_ups_pending on follow_ups (agent_id) where became_due_at is null;

-- The promise's note, shown to whoever is offered the follow-up.
alter table contacts add column follow_up_note text;
-- contact.follow-up-scheduled names the follow-up and when it is due.
alter table contact_events add column follow_up_id varchar(36);
alter table contact_events add column due_at timestamptz;
