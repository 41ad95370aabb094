-- The command side runs no saga: Axon's saga tables of V1 were never written.
drop table association_value_entry;
drop table saga_entry;
