-- mails to citizens, suppliers and clerks: written in the transaction of the job that decided to
-- send them, delivered afterwards by MailOutbox (once, unless a node dies between the SMTP
-- server's acceptance and marking the row sent)
create table mail_outbox (
    id              uuid                     not null primary key,
    recipient       varchar(320)             not null,
    subject         varchar(500)             not null,
    body            varchar(100000)          not null,
    created_at      timestamp with time zone not null,
    next_attempt_at timestamp with time zone not null,
    attempts        integer                  not null,
    sent_at         timestamp with time zone,
    last_error      varchar(1000)
);

create index ix_mail_outbox_due on mail_outbox (sent_at, next_attempt_at);
