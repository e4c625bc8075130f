package io.gatekey.archfixture.cycle.a;

public class First {
    io.gatekey.archfixture.cycle.b.Second second;
}
