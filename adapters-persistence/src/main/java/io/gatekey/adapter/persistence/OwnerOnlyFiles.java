package io.gatekey.adapter.persistence;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.PosixFileAttributeView;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Collections;
import java.util.EnumSet;
import java.util.Set;
import java.util.function.UnaryOperator;

/**
 * The small files only their owner may use: the master key file, the embedded database's password, the data folder's
 * files. Processes starting together may each try to make one: it is made whole and on disk before it appears under
 * its name, so no process ever reads one half-written, and of processes racing to make it exactly one does; the others
 * find it made. A line appended to one (a new master key version) goes in under the file's lock and is on disk before
 * the append returns.
 */
final class OwnerOnlyFiles {

    private static final Set<PosixFilePermission> NOT_THE_OWNER = EnumSet.of(PosixFilePermission.GROUP_READ, PosixFilePermission.GROUP_WRITE,
            PosixFilePermission.GROUP_EXECUTE, PosixFilePermission.OTHERS_READ, PosixFilePermission.OTHERS_WRITE, PosixFilePermission.OTHERS_EXECUTE);

    /** How long a draft may live before it counts as left behind by a process that stopped. */
    static final long DRAFT_LIFETIME_MILLIS = 60_000;

    private OwnerOnlyFiles() {
    }

    /** What a new file is made of: written to the stream, which is synced to disk once it returns. */
    @FunctionalInterface
    interface Content {
        void writeTo(OutputStream out) throws IOException;
    }

    /** Makes {@code file} with {@code text}, owner-only and synced to disk; false when it exists already (made by another process). */
    static boolean createOnce(Path file, String text) throws IOException {
        return createOnce(file, out -> out.write(text.getBytes(StandardCharsets.US_ASCII)));
    }

    /** Makes {@code file} with what {@code content} writes, owner-only and synced to disk; false when it exists already. */
    static boolean createOnce(Path file, Content content) throws IOException {
        Path folder = file.toAbsolutePath().getParent();
        Path draft = Files.createTempFile(folder, "." + file.getFileName() + "-", ".new", ownerOnly(folder));
        try {
            write(draft, content);
            try {
                // A hard link appears at once, whole, and never over an existing file: of racing processes one wins.
                Files.createLink(file, draft);
            } catch (FileAlreadyExistsException e) {
                return false;
            } catch (UnsupportedOperationException | FileSystemException e) {
                // A file system without hard links (FAT): a rename, which refuses an existing file too, though not atomically.
                Files.move(draft, file);
            }
            syncFolder(folder);
            return true;
        } catch (FileAlreadyExistsException e) {
            return false;
        } finally {
            Files.deleteIfExists(draft);
        }
    }

    /**
     * Removes what a process stopped between {@link #createOnce} making a draft of {@code file} and removing it (a
     * crash, a power cut): such a draft holds the file's text, or is a second name of the file itself, and would
     * stay beside it unseen, still there after the file is moved away (a master key kept apart from the database).
     * A draft is a few milliseconds old while a process works on it; one older than a minute by the file system's
     * own clock is stale. Best effort: a draft that cannot be removed is left as it is.
     */
    static void removeStaleDrafts(Path file) {
        Path folder = file.toAbsolutePath().getParent();
        long staleBefore = System.currentTimeMillis() - DRAFT_LIFETIME_MILLIS;
        try (DirectoryStream<Path> drafts = Files.newDirectoryStream(folder, "." + file.getFileName() + "-*.new")) {
            for (Path draft : drafts) {
                if (Files.getLastModifiedTime(draft, LinkOption.NOFOLLOW_LINKS).toMillis() < staleBefore) {
                    Files.deleteIfExists(draft);
                }
            }
        } catch (IOException | RuntimeException e) {
            // The folder cannot be listed, or a draft went meanwhile: nothing to remove here.
        }
    }

    /**
     * Appends the line that {@code next} makes of the file's current text, and syncs it to disk, while holding the
     * file's lock: processes (and threads) appending at once each see what the one before them appended.
     */
    static void appendLine(Path file, UnaryOperator<String> next) throws IOException {
        synchronized (OwnerOnlyFiles.class) {
            try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ, StandardOpenOption.WRITE); FileLock lock = channel.lock()) {
                ByteBuffer current = ByteBuffer.allocate(Math.toIntExact(channel.size()));
                int read = 0;
                while (current.hasRemaining() && read >= 0) {
                    read = channel.read(current, current.position());
                }
                String text = new String(current.array(), StandardCharsets.US_ASCII);
                String line = next.apply(text);
                // A file whose last line has no line break (edited by hand) gets one first, so the new line stays its own.
                ByteBuffer appended = ByteBuffer.wrap(((text.isEmpty() || text.endsWith("\n") ? "" : "\n") + line).getBytes(StandardCharsets.US_ASCII));
                long at = channel.size();
                while (appended.hasRemaining()) {
                    at += channel.write(appended, at);
                }
                channel.force(true);
            }
        }
    }

    /** True when no one but its owner may read, write or run the file (600 or 400 alike). */
    static boolean isOwnerOnly(Path file) throws IOException {
        try {
            return Collections.disjoint(Files.getPosixFilePermissions(file), NOT_THE_OWNER);
        } catch (UnsupportedOperationException e) {
            return true;
        }
    }

    /** Takes away what others may do with the file, and leaves what its owner may (a key file made read-only stays so); links are not followed. */
    static void restrict(Path file) throws IOException {
        Set<PosixFilePermission> permissions = Files.getPosixFilePermissions(file, LinkOption.NOFOLLOW_LINKS);
        if (permissions.removeAll(NOT_THE_OWNER)) {
            Files.setPosixFilePermissions(file, permissions);
        }
    }

    private static void write(Path file, Content content) throws IOException {
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.WRITE)) {
            // The channel is closed here, after the sync, whatever the content does with its stream.
            OutputStream out = new BufferedOutputStream(Channels.newOutputStream(channel), 65536) {
                @Override
                public void close() throws IOException {
                    flush();
                }
            };
            content.writeTo(out);
            out.flush();
            channel.force(true);
        }
    }

    private static void syncFolder(Path folder) {
        try (FileChannel channel = FileChannel.open(folder, StandardOpenOption.READ)) {
            channel.force(true);
        } catch (IOException | UnsupportedOperationException e) {
            // Not every system syncs a folder; the file's own content is on disk already.
        }
    }

    /** The attributes of a new owner-only file in {@code folder} (none where the file system has no POSIX permissions). */
    static FileAttribute<?>[] ownerOnly(Path folder) {
        boolean posix = Files.getFileAttributeView(folder, PosixFileAttributeView.class) != null;
        return posix ? new FileAttribute<?>[] {PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------"))} : new FileAttribute<?>[0];
    }
}
