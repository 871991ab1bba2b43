-- building permit applications (digitaler Bauantrag); their documents live in the e-file

create table permit_application (
    id                  uuid                     not null primary key,
    efile_id            uuid                     not null,
    file_number         varchar(32)              not null,
    status              varchar(24)              not null,
    procedure_type      varchar(16)              not null,
    building_class      integer                  not null,
    mainly_residential  boolean                  not null,
    special_building    boolean                  not null,
    approval_fiction    boolean                  not null,
    building_costs      numeric(15, 2)           not null,
    applicant_name      varchar(200)             not null,
    applicant_email     varchar(320),
    -- the application as submitted (JSON), for the record and the clerks' view
    data                varchar(100000)          not null,
    channel             varchar(16)              not null,
    entered_by          varchar(255),
    -- SHA-256 of the citizen's tracking token; the token itself is never stored
    token_hash          varchar(64)              not null,
    -- a retried submit with the same Idempotency-Key finds the application instead of a second one
    idempotency_key     varchar(200),
    request_hash        varchar(64),
    received_at         timestamp with time zone not null,
    process_instance_id varchar(64),
    missing_documents   varchar(4000),
    constraint uq_permit_file_number unique (file_number),
    constraint uq_permit_idempotency_key unique (idempotency_key)
);

-- the citizen-readable timeline of an application
create table permit_timeline (
    id             uuid                     not null primary key,
    application_id uuid                     not null,
    seq            integer                  not null,
    occurred_at    timestamp with time zone not null,
    status         varchar(24)              not null,
    text           varchar(4000)            not null,
    constraint fk_permit_timeline_application foreign key (application_id) references permit_application (id),
    constraint uq_permit_timeline_seq unique (application_id, seq)
);
