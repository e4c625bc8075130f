package io.gatekey.archfixture.doors.adapter.http.ncp;

public class NcpSignature {
}
