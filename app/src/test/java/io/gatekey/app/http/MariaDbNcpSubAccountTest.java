package io.gatekey.app.http;

class MariaDbNcpSubAccountTest extends NcpSubAccountContract {

    @Override
    String database() {
        return "mariadb";
    }
}
