package io.gatekey.archfixture.clean.adapter.http;

import io.gatekey.archfixture.clean.application.port.in.PlaceOrderUseCase;

public class OrderController {
    PlaceOrderUseCase placeOrder;
}
