-- A completed or abandoned contact whose customer came back within the repeat window names
-- the contact they came back with.
alter table contacts add column repeated_by varchar(36);
-- Insights aggregate completed contacts by when they ended.
create index contacts_completed on contacts (ended_at) where state = 'COMPLETED';
