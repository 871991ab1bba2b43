-- e-file store (eAkte). Portable SQL: runs on H2 (default) and PostgreSQL (production).

create table efile (
    id              uuid                     not null primary key,
    file_number     varchar(32)              not null,
    type            varchar(16)              not null,
    subject         varchar(500)             not null,
    status          varchar(16)              not null,
    retention_until date,
    created_at      timestamp with time zone not null,
    created_by      varchar(255)             not null,
    closed_at       timestamp with time zone,
    -- head of the audit chain: deleting the newest audit entry is detectable too
    audit_count     bigint                   not null,
    audit_head_hash varchar(64)              not null,
    constraint uq_efile_file_number unique (file_number)
);

-- gapless Aktenzeichen per type prefix and year, e.g. BAU-2026-000123
create table efile_number_counter (
    prefix       varchar(8) not null,
    counter_year integer    not null,
    last_number  bigint     not null,
    constraint pk_efile_number_counter primary key (prefix, counter_year)
);

-- a logical document (e.g. "Lageplan"); its content lives in versions
create table efile_document (
    id              uuid         not null primary key,
    efile_id        uuid         not null,
    title           varchar(255) not null,
    kind            varchar(64)  not null,
    current_version integer      not null,
    constraint fk_document_efile foreign key (efile_id) references efile (id),
    constraint uq_document_title unique (efile_id, kind, title)
);

create table efile_document_version (
    id          uuid                     not null primary key,
    document_id uuid                     not null,
    version     integer                  not null,
    file_name   varchar(255)             not null,
    media_type  varchar(127)             not null,
    size_bytes  bigint                   not null,
    sha256      varchar(64)              not null,
    created_by  varchar(255)             not null,
    created_at  timestamp with time zone not null,
    constraint fk_version_document foreign key (document_id) references efile_document (id),
    constraint uq_version unique (document_id, version)
);

-- append-only audit trail; entry_hash = SHA-256 over the entry's fields and prev_hash
create table efile_audit_entry (
    efile_id         uuid                     not null,
    seq              bigint                   not null,
    occurred_at      timestamp with time zone not null,
    actor            varchar(255)             not null,
    action           varchar(64)              not null,
    document_id      uuid,
    document_version integer,
    content_sha256   varchar(64),
    details          varchar(1000),
    prev_hash        varchar(64)              not null,
    entry_hash       varchar(64)              not null,
    constraint pk_audit_entry primary key (efile_id, seq),
    constraint fk_audit_efile foreign key (efile_id) references efile (id)
);

create index ix_efile_retention on efile (status, retention_until);
create index ix_version_sha on efile_document_version (sha256);
