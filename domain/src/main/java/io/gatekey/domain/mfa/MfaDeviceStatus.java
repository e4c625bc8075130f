package io.gatekey.domain.mfa;

/** Where a device is in its life: created (seed issued, not usable yet), enabled, or disabled. Deleted devices are gone. */
public enum MfaDeviceStatus { PENDING, ENABLED, DISABLED }
