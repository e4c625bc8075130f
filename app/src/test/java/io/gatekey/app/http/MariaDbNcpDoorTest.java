package io.gatekey.app.http;

class MariaDbNcpDoorTest extends NcpDoorContract {

    @Override
    String database() {
        return "mariadb";
    }
}
