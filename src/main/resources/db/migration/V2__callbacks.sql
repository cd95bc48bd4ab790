-- The number to call back, in E.164, when the customer hung up to keep their place in line.
alter table contacts add column callback_number varchar(16);
