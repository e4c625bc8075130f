package io.gatekey.app.http;

class H2HuaweiDoorTest extends HuaweiDoorContract {

    @Override
    String database() {
        return "h2";
    }
}
