package io.gatekey.archfixture.adapters.adapter.persistence;

public class JdbcOrders {
}
