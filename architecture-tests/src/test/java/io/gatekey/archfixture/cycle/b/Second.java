package io.gatekey.archfixture.cycle.b;

public class Second {
    io.gatekey.archfixture.cycle.a.First first;
}
