package io.gatekey.archfixture.adapters.adapter.http;

import io.gatekey.archfixture.adapters.adapter.persistence.JdbcOrders;

public class OrderController {
    JdbcOrders orders;
}
