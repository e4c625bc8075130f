package io.gatekey.archfixture.domainup.domain;

import io.gatekey.archfixture.domainup.application.OrderService;

public class Order {
    OrderService service;
}
