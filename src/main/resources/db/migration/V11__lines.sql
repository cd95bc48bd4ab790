-- Lines: where contacts wait for one kind of help (channels, skills, language, opening hours,
-- service level, overflow). The configuration is kept as the JSON document the API shows.
create table lines (
    id          varchar(64)  primary key,
    definition  text         not null,
    updated_at  timestamptz  not null
);

-- The configured line a contact was handed to; null for the implicit line of its channel and skills.
alter table contacts add column line varchar(64);
