package io.gatekey.domain.console;

/**
 * Where a console session stands. A password alone opens only the next step: the one-time code of an enabled
 * device, then a due password change, then the enrolment of a first device when MFA is mandatory; only
 * {@link #SIGNED_IN} opens the console. The order puts the second factor before any change a password alone
 * could otherwise make.
 */
public enum SignInStage {
    CODE,
    NEW_PASSWORD,
    ENROL,
    SIGNED_IN
}
