-- the duplicate check reads the first invoice received with a seller and number: with received_at
-- in the index that is one index step, however many resubmitted copies share the number
drop index ix_invoice_duplicate;
create index ix_invoice_duplicate on invoice (seller_key, invoice_number, received_at);
