-- Agents: profile as routing needs it. Skills and capacity are small JSON maps.
create table agents (
    id          varchar(64)  primary key,
    name        varchar(200) not null,
    skills      text         not null,
    capacity    text         not null,
    updated_at  timestamptz  not null
);

-- Agent tokens are stored only as SHA-256 hashes.
create table agent_tokens (
    token_hash  varchar(64)  primary key,
    agent_id    varchar(64)  not null references agents (id) on delete cascade,
    created_at  timestamptz  not null
);

create table contacts (
    id                 varchar(36)  primary key,
    gateway_id         varchar(64)  not null,
    idempotency_key    varchar(200),
    channel            varchar(16)  not null,
    mode               varchar(16)  not null,
    customer_id        varchar(200) not null,
    customer_name      varchar(200),
    customer_language  varchar(35),
    required_skills    text         not null,
    priority           integer      not null,
    topic              varchar(200),
    context            text,
    -- arrival order: a restart rebuilds the waiting line from it
    arrival_seq        bigint       not null,
    state              varchar(16)  not null,
    agent_id           varchar(64),
    created_at         timestamptz  not null,
    offered_at         timestamptz,
    connected_at       timestamptz,
    ended_at           timestamptz,
    customer_left_at   timestamptz,
    resolved           boolean,
    outcome_code       varchar(64),
    outcome_notes      text,
    -- a retried POST from the same gateway with the same key is the same contact
    constraint contacts_idempotency unique (gateway_id, idempotency_key)
);
create index contacts_live on contacts (arrival_seq) where state in ('QUEUED', 'OFFERED', 'CONNECTED');
create index contacts_customer on contacts (customer_id, created_at desc);

-- Append-only log of every state change; the id orders events and becomes the SSE event id.
create table contact_events (
    id          bigint       primary key,
    contact_id  varchar(36)  not null references contacts (id),
    gateway_id  varchar(64)  not null,
    type        varchar(32)  not null,
    state       varchar(16)  not null,
    agent_id    varchar(64),
    at          timestamptz  not null
);
create index contact_events_gateway on contact_events (gateway_id, id);
