-- The lines' history rolled up per line and quarter hour, off the hot path (LineHistorySeal): a
-- quarter is sealed once it is past and no contact that arrived in or before it is still live, and
-- from then on its counts never change (an ended contact's counted columns are final; erasure and
-- retention touch only personal data). Sums are exact integers (microseconds, milliseconds), so a
-- mean read from here equals the mean over the same contacts' rows.
create table line_quarters (
    line           varchar(64)  not null,
    quarter        timestamptz  not null,
    offered        integer      not null,
    answered       integer      not null,
    abandoned      integer      not null,
    within_target  integer      not null,
    under_target   integer      not null,
    wait_us        bigint       not null,
    touched        integer      not null,
    touch_ms       bigint       not null,
    resolved       integer      not null,
    completed      integer      not null,
    primary key (line, quarter)
);

-- One row: every quarter before sealed_until is in line_quarters; later ones are read from the
-- contacts. It only moves forward, under its row lock, so two servers never seal a quarter twice.
create table line_history_seal (
    only_row      boolean      primary key default true check (only_row),
    sealed_until  timestamptz  not null
);
insert into line_history_seal (sealed_until) values ('-infinity');
