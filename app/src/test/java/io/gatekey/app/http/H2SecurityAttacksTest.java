package io.gatekey.app.http;

class H2SecurityAttacksTest extends SecurityAttacksContract {

    @Override
    String database() {
        return "h2";
    }
}
