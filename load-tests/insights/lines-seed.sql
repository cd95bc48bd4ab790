-- One million contacts over the last 30 days in 10 configured lines, for the lines-history
-- benchmark: about 88% answered (within target for most), 12% abandoned; answered ones completed,
-- 70% resolved. Run against a database the server has migrated (Flyway).
insert into contacts (id, gateway_id, channel, mode, customer_id, required_skills, priority, arrival_seq,
                      state, agent_id, created_at, connected_at, ended_at, resolved, touch_ms, line,
                      answered_within_target)
select 'lines-' || g,
       'bench',
       (array['voice', 'chat'])[1 + (g % 2)::int],
       'LIVE',
       'bench-customer-' || (g % 200000),
       '{}',
       0,
       g,
       case when abandoned then 'ABANDONED' else 'COMPLETED' end,
       case when abandoned then null else 'bench-agent-' || (g % 2000) end,
       arrived,
       case when abandoned then null else arrived + interval '1 second' * wait end,
       arrived + interval '1 second' * (wait + case when abandoned then 0 else 5 + (g * 7919) % 1200 end),
       case when abandoned then null else (g * 31) % 10 < 7 end,
       case when abandoned then null else (1000 * (5 + (g * 7919) % 1200))::bigint end,
       'line-' || (g % 10),
       case when abandoned then null else wait <= 20 end
from (select g, now() - interval '30 days' * (g::float / 1000000) as arrived,
             (g * 13) % 100 < 12 as abandoned, ((g * 17) % 60)::int as wait
      from generate_series(1::bigint, 1000000) g) seeded;
vacuum analyze contacts;
