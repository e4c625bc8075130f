package io.gatekey.app.http;

class MariaDbTencentDoorTest extends TencentDoorContract {

    @Override
    String database() {
        return "mariadb";
    }
}
