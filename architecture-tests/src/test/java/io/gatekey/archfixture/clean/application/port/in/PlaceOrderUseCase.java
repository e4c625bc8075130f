package io.gatekey.archfixture.clean.application.port.in;

import io.gatekey.archfixture.clean.domain.Order;

public interface PlaceOrderUseCase {
    Order place(Command command);

    record Command(String id) {
    }
}
