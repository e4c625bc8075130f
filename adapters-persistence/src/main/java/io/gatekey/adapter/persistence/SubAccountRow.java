package io.gatekey.adapter.persistence;

import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;

@MappedEntity("sub_account")
record SubAccountRow(@Id String id, String accountId, String name, boolean active, long createdMs) {
}
