package io.gatekey.application.port.in.audit;

import io.gatekey.domain.access.Principal;
import io.gatekey.domain.audit.AuditChainCheck;

/** Checks every chain of the audit trail from its first event to its head; the operator's. */
public interface VerifyAuditTrailUseCase {

    AuditChainCheck.Result verify(Principal caller);
}
