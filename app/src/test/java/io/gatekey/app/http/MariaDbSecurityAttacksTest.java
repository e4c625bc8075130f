package io.gatekey.app.http;

class MariaDbSecurityAttacksTest extends SecurityAttacksContract {

    @Override
    String database() {
        return "mariadb";
    }
}
