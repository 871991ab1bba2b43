-- Several authorities on one installation (issue 14). Every row from before belongs to the
-- default tenant (amtsflow.tenancy.default-tenant, handed in as the placeholder defaultTenant).

alter table efile add column tenant_id varchar(64);
update efile set tenant_id = '${defaultTenant}';
alter table efile alter column tenant_id set not null;
create index ix_efile_tenant on efile (tenant_id);

-- who else may read an e-file: the Gemeinde asked for its Einvernehmen, each Fachstelle asked for
-- its statement (a group of a tenant); the e-file's audit trail records each addition
create table efile_participant (
    efile_id  uuid                     not null,
    tenant_id varchar(64)              not null,
    group_id  varchar(64)              not null,
    added_at  timestamp with time zone not null,
    constraint pk_efile_participant primary key (efile_id, tenant_id, group_id),
    constraint fk_participant_efile foreign key (efile_id) references efile (id)
);

-- a tenant's Aktenzeichen prefix goes before the type's: ADF-BAU-2026-000001
alter table efile_number_counter alter column prefix set data type varchar(32);

-- the Bauaufsichtsbehörde's tenant, and the Gemeinde the plot lies in (its Einvernehmen)
alter table permit_application add column tenant_id varchar(64);
alter table permit_application add column consent_tenant_id varchar(64);
update permit_application set tenant_id = '${defaultTenant}', consent_tenant_id = '${defaultTenant}';
alter table permit_application alter column tenant_id set not null;
alter table permit_application alter column consent_tenant_id set not null;

-- the authority the invoice is for (its Leitweg-ID's, or the receiving one)
alter table invoice add column tenant_id varchar(64);
update invoice set tenant_id = '${defaultTenant}';
alter table invoice alter column tenant_id set not null;
