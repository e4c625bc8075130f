package io.gatekey.adapter.cli;

import com.google.zxing.BarcodeFormat;
import com.google.zxing.EncodeHintType;
import com.google.zxing.WriterException;
import com.google.zxing.client.j2se.MatrixToImageWriter;
import com.google.zxing.common.BitMatrix;
import com.google.zxing.qrcode.QRCodeWriter;
import com.google.zxing.qrcode.decoder.ErrorCorrectionLevel;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.channels.Channels;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.OpenOption;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.PosixFileAttributeView;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Set;
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

    /**
     * A PNG file for a QR code, opened before the device it shows exists, so that a path that cannot be written refuses
     * before anything is created; closed without a code written, it is removed. The PNG holds the seed, so it is created
     * readable by its owner only, as a new file: a link (or a file) left at that path by someone else is replaced, never
     * followed.
     */
    static final class PngFile implements AutoCloseable {

        private final Path file;
        private final OutputStream out;
        private boolean written;

        private PngFile(Path file, OutputStream out) {
            this.file = file;
            this.out = out;
        }

        static PngFile create(Path file) {
            if (Files.isDirectory(file)) {
                throw new CliRefusal("cannot write " + file + ": is a directory");
            }
            try {
                Files.deleteIfExists(file);
                Set<OpenOption> options = Set.of(StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE, LinkOption.NOFOLLOW_LINKS);
                return new PngFile(file, Channels.newOutputStream(Files.newByteChannel(file, options, ownerOnly(file))));
            } catch (IOException e) {
                throw CliRefusal.cannotWrite(file, e);
            }
        }

        void write(String text) {
            try {
                MatrixToImageWriter.writeToStream(encode(text, 360), "PNG", out);
                out.flush();
                written = true;
            } catch (IOException e) {
                throw CliRefusal.cannotWrite(file, e);
            }
        }

        @Override
        public void close() {
            try {
                out.close();
                if (!written) {
                    Files.deleteIfExists(file);
                }
            } catch (IOException e) {
                throw CliRefusal.cannotWrite(file, e);
            }
        }
    }

    private static FileAttribute<?>[] ownerOnly(Path file) {
        Path parent = file.toAbsolutePath().getParent();
        boolean posix = parent != null && Files.getFileAttributeView(parent, PosixFileAttributeView.class) != null;
        return posix ? new FileAttribute<?>[] {PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------"))} : new FileAttribute<?>[0];
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
