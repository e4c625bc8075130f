package io.gatekey.app.http;

class H2NcpDoorTest extends NcpDoorContract {

    @Override
    String database() {
        return "h2";
    }
}
