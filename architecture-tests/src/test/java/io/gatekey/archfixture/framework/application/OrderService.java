package io.gatekey.archfixture.framework.application;

@jakarta.inject.Singleton
public class OrderService {
}
