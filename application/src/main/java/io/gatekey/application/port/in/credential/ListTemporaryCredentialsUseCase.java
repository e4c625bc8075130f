package io.gatekey.application.port.in.credential;

import io.gatekey.domain.access.Principal;
import io.gatekey.domain.account.SubAccountId;
import io.gatekey.domain.credential.TemporaryCredential;
import java.util.List;
import java.util.Objects;

/** Lists a sub account's unexpired temporary credentials (revoked ones included), newest first. */
public interface ListTemporaryCredentialsUseCase {

    List<TemporaryCredential> list(Query query);

    record Query(Principal caller, SubAccountId subAccountId) {
        public Query {
            Objects.requireNonNull(caller, "caller");
            Objects.requireNonNull(subAccountId, "subAccountId");
        }
    }
}
