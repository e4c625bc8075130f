package io.gatekey.archfixture.doors.adapter.http.tencent;

import io.gatekey.archfixture.doors.adapter.http.ncp.NcpSignature;

public class TencentController {
    NcpSignature borrowed;
}
