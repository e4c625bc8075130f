package io.gatekey.archfixture.clean.adapter.persistence;

public class JdbcOrders {
    java.sql.Connection connection;
}
