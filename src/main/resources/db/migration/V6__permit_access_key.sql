-- the key the citizens' access codes are derived from (AccessCodes: HMAC of the application id),
-- generated once by the first node that needs it, when amtsflow.permit.access-code-key is not set;
-- one row, so every node of a cluster prints and accepts the same codes
create table permit_access_key (
    id     integer     not null primary key,
    secret varchar(64) not null
);
