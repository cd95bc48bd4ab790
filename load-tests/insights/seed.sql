-- One million completed contacts over the last 30 days, for the insights benchmark.
-- Touch times are spread from seconds to an hour; about 70% resolved, 15% repeated,
-- 40% with a CSAT answer. Run against a database the server has migrated (Flyway).
insert into contacts (id, gateway_id, channel, mode, customer_id, required_skills, priority, arrival_seq,
                      state, agent_id, created_at, connected_at, ended_at, resolved, repeated_by, csat)
select 'bench-' || g,
       'bench',
       (array['voice', 'video', 'chat', 'email'])[1 + (g % 4)::int],
       'LIVE',
       'bench-customer-' || (g % 200000),
       '{}',
       0,
       g,
       'COMPLETED',
       'bench-agent-' || (g % 2000),
       now() - interval '30 days' * (g::float / 1000000),
       now() - interval '30 days' * (g::float / 1000000) + interval '20 seconds',
       now() - interval '30 days' * (g::float / 1000000) + interval '20 seconds'
           + interval '1 second' * (5 + (g * 7919) % 3600),
       (g * 31) % 10 < 7,
       case when (g * 17) % 100 < 15 then 'bench-' || (g + 1) end,
       case when (g * 13) % 10 < 4 then (1 + (g * 7) % 5)::smallint end
from generate_series(1::bigint, 1000000) g;
analyze contacts;
