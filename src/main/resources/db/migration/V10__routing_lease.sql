-- One active router per routing domain. The holder renews its lease before it expires, timed by
-- the database's clock; a standby takes over an expired (or released) lease, and the epoch rises.
create table routing_lease (
    domain      varchar(64)  primary key,
    holder      varchar(128) not null,
    epoch       bigint       not null,
    expires_at  timestamptz  not null
);

-- The fence: first in every journal transaction. A deposed holder's writes fail with SQLSTATE
-- WLF01, whatever it believes about its lease. FOR SHARE makes a takeover wait for the
-- transactions of the epoch it replaces, so none of them commits after it.
create function welcomer_fence(lease_domain varchar, lease_epoch bigint) returns void
language plpgsql as $$
begin
    perform 1 from routing_lease where domain = lease_domain and epoch = lease_epoch for share;
    if not found then
        raise exception 'epoch % no longer holds the routing lease of %', lease_epoch, lease_domain
            using errcode = 'WLF01';
    end if;
end
$$;
