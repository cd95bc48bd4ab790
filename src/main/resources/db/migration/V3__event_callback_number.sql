-- A contact.connected event of a callback carries the number for the gateway to dial.
alter table contact_events add column callback_number varchar(16);
