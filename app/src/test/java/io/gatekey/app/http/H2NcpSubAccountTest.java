package io.gatekey.app.http;

class H2NcpSubAccountTest extends NcpSubAccountContract {

    @Override
    String database() {
        return "h2";
    }
}
