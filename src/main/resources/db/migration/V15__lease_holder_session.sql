-- The holder's PostgreSQL session (backend pid and start time): a holder of the same name takes
-- its lease back before it expires only when the session that held it is gone (a restart), never
-- from a live process of that name.
alter table routing_lease add column holder_session varchar(64);

create function welcomer_session() returns varchar
language sql stable as $$
    select pg_backend_pid() || '@' || extract(epoch from backend_start)
    from pg_stat_activity where pid = pg_backend_pid()
$$;

-- A session whose start time is hidden (another role's) counts as alive while its pid is.
create function welcomer_session_alive(session varchar) returns boolean
language sql stable as $$
    select session is not null and exists (
        select 1 from pg_stat_activity
        where pid = split_part(session, '@', 1)::int
          and (backend_start is null or extract(epoch from backend_start)::text = split_part(session, '@', 2)))
$$;
