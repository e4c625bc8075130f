package io.gatekey.adapter.http.aws;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class AwsXmlTest {

    @Test
    void escapesXmlsSpecialCharactersAndReplacesThoseXmlDoesNotAllow() {
        assertEquals("&lt;a&gt; &amp; &quot;b&quot; &apos;c&apos;", AwsXml.escape("<a> & \"b\" 'c'"));
        assertEquals("tab\tnewline\ncr\r", AwsXml.escape("tab\tnewline\ncr\r"));
        assertEquals("nul\uFFFD one\uFFFD esc\uFFFD del\u007f", AwsXml.escape("nul\u0000 one\u0001 esc\u001b del\u007f"));
        assertEquals("\u4e2d \ud83d\ude00 \uFFFD \uFFFD \uFFFD", AwsXml.escape("\u4e2d \ud83d\ude00 \ud83d \ude00 \uffff"));
    }
}
