-- received e-invoices; their bytes live in the e-file (original + validation report)

create table invoice (
    id                   uuid                     not null primary key,
    efile_id             uuid                     not null,
    file_number          varchar(32)              not null,
    original_document_id uuid                     not null,
    status               varchar(24)              not null,
    valid                boolean                  not null,
    syntax               varchar(32)              not null,
    invoice_number       varchar(200),
    seller_name          varchar(500),
    seller_vat_id        varchar(100),
    -- seller identity for duplicate detection: VAT id, else the normalised name
    seller_key           varchar(500)             not null,
    seller_email         varchar(320),
    gross_amount         numeric(19, 2),
    currency             varchar(3),
    issue_date           date,
    due_date             date,
    leitweg_id           varchar(100),
    routing              varchar(16)              not null,
    resubmission         boolean                  not null,
    -- JSON list of {rule, message} as returned to the supplier
    validation_errors    varchar(20000)           not null,
    rejection_reason     varchar(2000),
    received_at          timestamp with time zone not null,
    process_instance_id  varchar(64)
);

create index ix_invoice_duplicate on invoice (seller_key, invoice_number);

-- payment orders handed to the finance system (transactional outbox, read by its export job)
create table payment_order_outbox (
    id          uuid                     not null primary key,
    invoice_id  uuid                     not null,
    created_at  timestamp with time zone not null,
    payload     varchar(20000)           not null,
    exported_at timestamp with time zone,
    constraint fk_payment_order_invoice foreign key (invoice_id) references invoice (id),
    constraint uq_payment_order_invoice unique (invoice_id)
);
