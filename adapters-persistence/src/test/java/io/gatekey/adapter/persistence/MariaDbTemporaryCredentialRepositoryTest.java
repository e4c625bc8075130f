package io.gatekey.adapter.persistence;

import io.gatekey.application.contract.TemporaryCredentialRepositoryContract;
import io.gatekey.application.service.GatekeyPorts;
import java.time.Clock;

class MariaDbTemporaryCredentialRepositoryTest extends TemporaryCredentialRepositoryContract {

    @Override
    protected GatekeyPorts newPorts() {
        return TestStore.mariaDb().ports(Clock.systemUTC());
    }
}
