-- Axon's JDBC storage engine, in the command side's own schema. Payloads are readable JSON in bytea.
create table domain_event_entry (
    global_index       bigserial    primary key,
    event_identifier   varchar(255) not null unique,
    aggregate_identifier varchar(255) not null,
    sequence_number    bigint       not null,
    type               varchar(255),
    time_stamp         varchar(255) not null,
    payload_type       varchar(255) not null,
    payload_revision   varchar(255),
    payload            bytea        not null,
    meta_data          bytea,
    -- the lock of event sourcing: two writers of one aggregate cannot both append the same sequence number
    constraint domain_event_entry_aggregate_sequence unique (aggregate_identifier, sequence_number)
);

create table snapshot_event_entry (
    aggregate_identifier varchar(255) not null,
    sequence_number    bigint       not null,
    type               varchar(255) not null,
    event_identifier   varchar(255) not null unique,
    time_stamp         varchar(255) not null,
    payload_type       varchar(255) not null,
    payload_revision   varchar(255),
    payload            bytea        not null,
    meta_data          bytea,
    primary key (aggregate_identifier, sequence_number)
);

create table token_entry (
    processor_name varchar(255) not null,
    segment        integer      not null,
    token          bytea,
    token_type     varchar(255),
    timestamp      varchar(255),
    owner          varchar(255),
    primary key (processor_name, segment)
);

create table saga_entry (
    saga_id         varchar(255) not null primary key,
    revision        varchar(255),
    saga_type       varchar(255),
    serialized_saga bytea
);

create table association_value_entry (
    id                bigserial    primary key,
    association_key   varchar(255) not null,
    association_value varchar(255),
    saga_type         varchar(255),
    saga_id           varchar(255)
);
create index association_value_entry_saga_type_key_value on association_value_entry (saga_type, association_key, association_value);
create index association_value_entry_saga_id_type on association_value_entry (saga_id, saga_type);

-- One key per data subject (account or guest booking). Deleting the row erases that person's fields in every event.
create table personal_data_key (
    subject_id varchar(64) primary key,
    key        bytea       not null,
    created_at timestamptz not null default now()
);
