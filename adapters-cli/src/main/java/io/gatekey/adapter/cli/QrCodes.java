package io.gatekey.adapter.cli;

import com.google.zxing.BarcodeFormat;
import com.google.zxing.EncodeHintType;
import com.google.zxing.WriterException;
import com.google.zxing.client.j2se.MatrixToImageWriter;
import com.google.zxing.common.BitMatrix;
import com.google.zxing.qrcode.QRCodeWriter;
import com.google.zxing.qrcode.decoder.ErrorCorrectionLevel;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.Map;

/** QR codes of otpauth URIs, drawn in the terminal or written as PNG, with ZXing. */
final class QrCodes {

    private QrCodes() {
    }

    /**
     * Two rows of modules per line of text, with half blocks. Light modules are drawn as blocks, as qrencode's UTF8
     * mode does, so the code reads correctly on the usual dark terminal.
     */
    static String terminal(String text) {
        BitMatrix matrix = encode(text, 0);
        StringBuilder out = new StringBuilder();
        for (int y = 0; y < matrix.getHeight(); y += 2) {
            for (int x = 0; x < matrix.getWidth(); x++) {
                boolean top = !matrix.get(x, y);
                boolean bottom = y + 1 >= matrix.getHeight() || !matrix.get(x, y + 1);
                out.append(top ? (bottom ? '█' : '▀') : (bottom ? '▄' : ' '));
            }
            out.append('\n');
        }
        return out.toString();
    }

    static void png(String text, Path file) {
        try {
            MatrixToImageWriter.writeToPath(encode(text, 360), "PNG", file);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + file, e);
        }
    }

    private static BitMatrix encode(String text, int size) {
        try {
            return new QRCodeWriter().encode(text, BarcodeFormat.QR_CODE, size, size,
                    Map.of(EncodeHintType.ERROR_CORRECTION, ErrorCorrectionLevel.M, EncodeHintType.MARGIN, 2));
        } catch (WriterException e) {
            throw new IllegalStateException("cannot encode the QR code", e);
        }
    }
}
