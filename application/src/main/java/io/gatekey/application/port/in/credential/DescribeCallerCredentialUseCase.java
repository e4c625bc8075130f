package io.gatekey.application.port.in.credential;

import io.gatekey.domain.access.Principal;
import io.gatekey.domain.accesskey.AccessKey;
import io.gatekey.domain.credential.TemporaryCredential;
import java.util.Optional;

/**
 * Describes the key the caller signed with. A temporary credential that has expired or been revoked since
 * is reported as not found.
 */
public interface DescribeCallerCredentialUseCase {

    CallerCredential describe(Principal caller);

    /**
     * The caller's long-term key as authenticating its request just read it, when this node still holds it in
     * memory; empty otherwise (a temporary credential is always read from storage: it may have been revoked).
     */
    Optional<LongTerm> describeFromMemory(Principal caller);

    sealed interface CallerCredential permits LongTerm, Temporary {
    }

    record LongTerm(AccessKey key) implements CallerCredential {
    }

    record Temporary(TemporaryCredential credential) implements CallerCredential {
    }
}
