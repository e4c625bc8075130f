package io.gatekey.archfixture.jdbc.domain;

public class Orders {
    java.sql.Connection connection;
}
