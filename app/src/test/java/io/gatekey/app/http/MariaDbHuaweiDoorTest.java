package io.gatekey.app.http;

class MariaDbHuaweiDoorTest extends HuaweiDoorContract {

    @Override
    String database() {
        return "mariadb";
    }
}
