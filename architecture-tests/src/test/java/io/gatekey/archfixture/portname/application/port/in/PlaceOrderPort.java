package io.gatekey.archfixture.portname.application.port.in;

public interface PlaceOrderPort {
    void place(String order);
}
