package io.gatekey.app.http;

class H2TencentDoorTest extends TencentDoorContract {

    @Override
    String database() {
        return "h2";
    }
}
