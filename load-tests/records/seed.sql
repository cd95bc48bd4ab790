-- One million ended contacts with three events each (offered, connected, completed), arrived over
-- the 30 days before the last week, for the export benchmark. Run against a migrated database.
insert into contacts (id, gateway_id, channel, mode, customer_id, customer_name, required_skills, priority,
                      arrival_seq, state, agent_id, created_at, offered_at, connected_at, ended_at, touch_ms,
                      resolved, outcome_code, outcome_notes, csat, context)
select 'bench-' || g, 'bench', (array['voice', 'video', 'chat', 'email'])[1 + (g % 4)::int], 'LIVE',
       'bench-customer-' || (g % 200000), 'Customer ' || (g % 200000), '{}', 0, g, 'COMPLETED',
       'bench-agent-' || (g % 2000), t, t + interval '5 s', t + interval '6 s', t + interval '186 s', 180000,
       (g * 31) % 10 < 7, 'fixed', 'notes of the contact', case when (g * 13) % 10 < 4 then 4 end,
       '{"orderId": "A-1001"}'
from generate_series(1::bigint, 1000000) g,
     lateral (select now() - interval '37 days' + interval '30 days' * (g::float / 1000000)) a(t);
insert into contact_events (id, contact_id, gateway_id, type, state, agent_id, at)
select -(3 * g + k), 'bench-' || g, 'bench', e.type, e.state, 'bench-agent-' || (g % 2000),
       now() - interval '37 days' + interval '30 days' * (g::float / 1000000) + e.after
from generate_series(1::bigint, 1000000) g,
     (values (0, 'contact.offered', 'OFFERED', interval '5 s'), (1, 'contact.connected', 'CONNECTED', interval '6 s'),
             (2, 'contact.completed', 'COMPLETED', interval '186 s')) e(k, type, state, after);
-- The seeded contacts have no idempotency keys: the sweep that frees old keys starts past them, as
-- in a centre whose sweep has kept up, instead of walking a million contacts during the runs.
update sweeps set (done_at, done_seq) = (select created_at, arrival_seq from contacts
                                         order by created_at desc, arrival_seq desc limit 1)
where name = 'idempotency-keys';
analyze contacts;
analyze contact_events;
