package io.gatekey.adapter.persistence;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;
import java.util.Optional;

/**
 * An {@code access_key} row joined with its owner's {@code sub_account} row ({@code owner_*}, all null for none). Mapped
 * as an entity of its own, not as a projection: Micronaut Data describes a projection's type afresh on every read
 * (about a quarter of a cold key's read), an entity's once.
 */
@MappedEntity("access_key")
record OwnedKeyRow(@Id String id, String accountId, @Nullable String subAccountId, byte[] secretSealed, int keyVersion, boolean active,
                   long createdMs, @Nullable Long lastUsedMs, boolean ownerBound, @Nullable String ownerSlot,
                   @Nullable String ownerId, @Nullable String ownerAccountId, @Nullable Long ownerSubAccountNo, @Nullable String ownerName,
                   @Nullable String ownerDisplayName, @Nullable String ownerEmail, @Nullable String ownerMemo,
                   @Nullable Boolean ownerCanApiGatewayAccess, @Nullable Boolean ownerUseApiAllowSource, @Nullable String ownerApiAllowSources,
                   @Nullable Boolean ownerCanConsoleAccess, @Nullable Boolean ownerMfaMandatory, @Nullable Boolean ownerNeedPasswordReset,
                   @Nullable Boolean ownerUseConsolePermitIp, @Nullable String ownerConsolePermitIps, @Nullable String ownerPasswordHash,
                   @Nullable Boolean ownerActive, @Nullable Long ownerCreatedMs, @Nullable Long ownerModifiedMs, @Nullable Long ownerLastLoginMs) {

    /** The columns to select: the key's, then its owner's as {@code owner_*}. */
    static final String COLUMNS = "k.*, u.id AS owner_id, u.account_id AS owner_account_id, u.sub_account_no AS owner_sub_account_no, "
            + "u.name AS owner_name, u.display_name AS owner_display_name, u.email AS owner_email, u.memo AS owner_memo, "
            + "u.can_api_gateway_access AS owner_can_api_gateway_access, u.use_api_allow_source AS owner_use_api_allow_source, "
            + "u.api_allow_sources AS owner_api_allow_sources, u.can_console_access AS owner_can_console_access, "
            + "u.mfa_mandatory AS owner_mfa_mandatory, u.need_password_reset AS owner_need_password_reset, "
            + "u.use_console_permit_ip AS owner_use_console_permit_ip, u.console_permit_ips AS owner_console_permit_ips, "
            + "u.password_hash AS owner_password_hash, u.active AS owner_active, u.created_ms AS owner_created_ms, "
            + "u.modified_ms AS owner_modified_ms, u.last_login_ms AS owner_last_login_ms";

    AccessKeyRow key() {
        return new AccessKeyRow(id, accountId, subAccountId, secretSealed, keyVersion, active, createdMs, lastUsedMs, ownerBound, ownerSlot);
    }

    Optional<SubAccountRow> owner() {
        if (ownerId == null) {
            return Optional.empty();
        }
        return Optional.of(new SubAccountRow(ownerId, ownerAccountId, ownerSubAccountNo, ownerName, ownerDisplayName, ownerEmail, ownerMemo,
                ownerCanApiGatewayAccess, ownerUseApiAllowSource, ownerApiAllowSources, ownerCanConsoleAccess, ownerMfaMandatory,
                ownerNeedPasswordReset, ownerUseConsolePermitIp, ownerConsolePermitIps, ownerPasswordHash, ownerActive, ownerCreatedMs,
                ownerModifiedMs, ownerLastLoginMs));
    }
}
