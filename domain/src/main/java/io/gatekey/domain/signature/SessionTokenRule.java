package io.gatekey.domain.signature;

/** Whether a dialect sends a session token beside temporary keys. */
public enum SessionTokenRule {
    /** NCP: temporary keys sign alone; their secret is enough. */
    NOT_SENT,
    /** Huawei (X-Security-Token) and Tencent (Token): a temporary key must come with its token. */
    REQUIRED_FOR_TEMPORARY_KEYS
}
