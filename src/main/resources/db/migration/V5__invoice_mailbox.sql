-- the invoice mailbox (InvoiceMailbox): one row per mail once it is answered, keyed by its
-- Message-ID (or the SHA-256 of the raw mail when it has none), so a mail seen again (the move to
-- "done" failed, a crash before it) is moved only: no second invoice, no second answer
create table invoice_mail (
    mail_key     varchar(64)              not null primary key,
    message_id   varchar(1000),
    sender       varchar(320),
    outcome      varchar(20)              not null,
    file_numbers varchar(4000),
    processed_at timestamp with time zone not null
);

-- each invoice-like part of a mail, written in the intake's own transaction (with the invoice,
-- its e-file and process) or, for a refused part, in one of its own; the primary key makes a
-- second intake of the same part (a crash before the mail row, a second node) roll back
create table invoice_mail_part (
    mail_key    varchar(64)              not null,
    part_index  integer                  not null,
    file_name   varchar(255),
    outcome     varchar(20)              not null,
    file_number varchar(40),
    summary     varchar(20000)           not null,
    recorded_at timestamp with time zone not null,
    primary key (mail_key, part_index)
);
