-- How the customer felt, asked after the contact completed; at most one answer per contact.
alter table contacts add column csat smallint check (csat between 1 and 5);
alter table contacts add column feedback_comment text;
alter table contacts add column feedback_at timestamptz;
