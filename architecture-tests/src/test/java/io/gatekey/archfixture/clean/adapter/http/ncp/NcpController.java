package io.gatekey.archfixture.clean.adapter.http.ncp;

import io.gatekey.archfixture.clean.application.port.in.PlaceOrderUseCase;

public class NcpController {
    PlaceOrderUseCase placeOrder;
}
