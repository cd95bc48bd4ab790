-- Records and privacy (contract v1.2).

-- Records are read in arrival order: routing gives every contact a place and a time that both
-- only rise, across restarts too, so this index pages them with a key that a later arrival never
-- falls behind. Retention and the idempotency window walk the same index.
create index contacts_arrival on contacts (created_at, arrival_seq);

-- A contact's events, read with it for its record and found by it when its data is erased.
create index contact_events_contact on contact_events (contact_id, id);

-- On contact.requeued after an offer: why the offer ended (rejected, timeout, agent-gone).
alter table contact_events add column reason varchar(16);

-- When the contact's personal data was erased, by retention or at the customer's request.
alter table contacts add column erased_at timestamptz;

-- A customer's erasure. While it runs it names the customer; once done, only how many contacts.
create table erasures (
    id            varchar(36)  primary key,
    customer_id   varchar(200),
    requested_at  timestamptz  not null,
    state         varchar(8)   not null,
    contacts      integer,
    done_at       timestamptz
);
create index erasures_running on erasures (requested_at) where state = 'running';

-- How far each background sweep along contacts_arrival has got: every contact up to this place in
-- arrival order has been seen to.
create table sweeps (
    name         varchar(32)  primary key,
    done_at      timestamptz  not null,
    done_seq     bigint       not null
);
insert into sweeps values ('retention', '-infinity', 0), ('idempotency-keys', '-infinity', 0);

-- The secret that signs record cursors: one per database, so every server of it reads the
-- cursors of the others, and a restart keeps them good.
create table record_cursor_secret (secret varchar(64) not null);
insert into record_cursor_secret values (replace(gen_random_uuid()::text || gen_random_uuid()::text, '-', ''));
