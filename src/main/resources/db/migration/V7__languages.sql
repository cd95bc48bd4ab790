-- The languages an agent speaks, BCP 47 tags separated by commas (the tags hold none).
alter table agents add column languages text not null default '';
-- Only a speaker of the customer's language will do, however long the wait.
alter table contacts add column language_required boolean not null default false;
