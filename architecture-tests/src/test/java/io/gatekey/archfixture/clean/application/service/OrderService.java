package io.gatekey.archfixture.clean.application.service;

import io.gatekey.archfixture.clean.application.port.in.PlaceOrderUseCase;
import io.gatekey.archfixture.clean.domain.Order;

public final class OrderService implements PlaceOrderUseCase {
    @Override
    public Order place(Command command) {
        return Order.of(command.id());
    }
}
