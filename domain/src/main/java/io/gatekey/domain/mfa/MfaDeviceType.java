package io.gatekey.domain.mfa;

/** A virtual device (an authenticator app) or a hardware token whose seed an operator imported. */
public enum MfaDeviceType { VIRTUAL, HARDWARE }
