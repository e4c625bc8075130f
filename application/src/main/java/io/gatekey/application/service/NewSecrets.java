package io.gatekey.application.service;

import io.gatekey.application.port.out.RandomSource;
import io.gatekey.domain.accesskey.AccessKey;
import io.gatekey.domain.accesskey.AccessKeyId;
import io.gatekey.domain.accesskey.KeyOwner;
import io.gatekey.domain.accesskey.SecretKey;
import io.gatekey.domain.account.AccountId;
import io.gatekey.domain.account.SubAccountId;
import io.gatekey.domain.credential.CredentialOrigin;
import io.gatekey.domain.credential.SessionToken;
import io.gatekey.domain.credential.TemporaryCredential;
import io.gatekey.domain.mfa.MfaProvenance;
import io.gatekey.domain.mfa.TotpSeed;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/** Mints ids, keys, tokens and seeds from the random source. */
final class NewSecrets {

    private final RandomSource random;

    NewSecrets(RandomSource random) {
        this.random = random;
    }

    AccountId accountId() {
        return AccountId.fromRandom(random.bytes(16));
    }

    SubAccountId subAccountId() {
        return SubAccountId.fromRandom(random.bytes(16));
    }

    AccessKey accessKey(KeyOwner owner, Instant now) {
        return AccessKey.create(AccessKeyId.longTerm(random.bytes(10)), owner, SecretKey.fromRandom(random.bytes(30)), now);
    }

    TemporaryCredential temporaryCredential(AccountId account, SubAccountId user, Instant now, Duration lifetime,
                                            Optional<MfaProvenance> mfa, Optional<CredentialOrigin> origin, boolean tokenBound) {
        return TemporaryCredential.issue(AccessKeyId.temporary(random.bytes(10)), SecretKey.fromRandom(random.bytes(30)),
                SessionToken.fromRandom(random.bytes(48)), account, user, now, lifetime, mfa, origin, tokenBound);
    }

    TotpSeed totpSeed() {
        return TotpSeed.of(random.bytes(TotpSeed.MIN_BYTES));
    }
}
