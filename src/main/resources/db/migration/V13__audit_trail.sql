-- Every admin and supervisor change (agents, tokens, lines, supervisor actions, erasures), written
-- by the journal in the same transaction as the change it records. Nothing secret: no key, no token.
create table audit_log (
    seq     bigserial    primary key,
    -- The writer's id for the entry: a journal flush written again after an unknown outcome
    -- stores it once.
    id      uuid         not null unique,
    at      timestamptz  not null,
    actor   text         not null,
    role    varchar(32)  not null,
    action  varchar(64)  not null,
    target  text         not null,
    detail  jsonb        not null
);

create index audit_log_at on audit_log (at, seq);
create index audit_log_actor on audit_log (actor, seq);
