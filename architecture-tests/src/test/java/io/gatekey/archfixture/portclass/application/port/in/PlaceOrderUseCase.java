package io.gatekey.archfixture.portclass.application.port.in;

public class PlaceOrderUseCase {
    public void place(String order) {
    }
}
