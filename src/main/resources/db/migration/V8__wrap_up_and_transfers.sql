-- After-contact work and transfers (contract v1.1).
-- When the conversation ended and after-contact work began (null: completed straight from CONNECTED).
alter table contacts add column wrapped_at timestamptz;
-- Touch time summed over every leg of a transferred contact, set when the conversation ends.
alter table contacts add column touch_ms bigint check (touch_ms >= 0);
alter table contacts add column transfers smallint not null default 0;
-- The last transfer: who handed the contact on, how, and what they said to the next agent.
alter table contacts add column transfer_from varchar(64);
alter table contacts add column transfer_mode varchar(8);
alter table contacts add column transfer_note text;
alter table contact_events add column from_agent_id varchar(64);
alter table contact_events add column transfer_mode varchar(8);

-- A wrapping contact is live: its agent holds the slot, and a restart keeps it there.
drop index contacts_live;
create index contacts_live on contacts (arrival_seq) where state in ('QUEUED', 'OFFERED', 'CONNECTED', 'WRAPPING');

-- The touch band now follows the summed touch time rather than connected-to-ended, which after a
-- transfer covers only the last leg and with wrap-up includes the after-contact work.
update contacts set touch_ms = (extract(epoch from ended_at - connected_at) * 1000)::bigint
    where connected_at is not null and ended_at is not null;
alter table contacts drop column touch_band;
alter table contacts add column touch_band smallint generated always as (
    case when touch_ms is null then null
         when touch_ms < 120000 then 0
         when touch_ms < 300000 then 1
         when touch_ms < 600000 then 2
         when touch_ms < 1200000 then 3
         else 4 end) stored;
