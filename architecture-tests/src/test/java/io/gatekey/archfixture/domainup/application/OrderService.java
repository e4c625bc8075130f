package io.gatekey.archfixture.domainup.application;

public class OrderService {
}
