package io.gatekey.adapter.persistence;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;

@MappedEntity("account")
record AccountRow(@Id String id, String name, @Nullable String loginAlias, long createdMs) {
}
