-- Touch-time band of a contact that was connected and ended (0: under 2 min, 1: 2-5, 2: 5-10,
-- 3: 10-20, 4: 20 min and over), kept by PostgreSQL itself so that insights group by a plain
-- column whose few values the planner knows.
alter table contacts add column touch_band smallint generated always as (
    case when connected_at is null or ended_at is null then null
         when ended_at - connected_at < interval '2 minutes' then 0
         when ended_at - connected_at < interval '5 minutes' then 1
         when ended_at - connected_at < interval '10 minutes' then 2
         when ended_at - connected_at < interval '20 minutes' then 3
         else 4 end) stored;
