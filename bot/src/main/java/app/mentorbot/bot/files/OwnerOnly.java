package app.mentorbot.bot.files;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Set;

/**
 * Files under the data folder hold children's records (spooled messages, the database, its password), so
 * every folder the bot makes there is 0700 and every file 0600, whatever the process's umask. On a file
 * system without POSIX permissions (Windows) this does nothing; the README tells that operator to rely on
 * the folder's ACL.
 */
public final class OwnerOnly {
    private static final boolean POSIX = FileSystems.getDefault().supportedFileAttributeViews().contains("posix");
    private static final Set<PosixFilePermission> DIR = PosixFilePermissions.fromString("rwx------");
    private static final Set<PosixFilePermission> FILE = PosixFilePermissions.fromString("rw-------");

    private OwnerOnly() {}

    /** Creates {@code dir} (and missing parents) if needed and makes it 0700, also when it existed with looser bits. */
    public static Path directory(Path dir) {
        try {
            Files.createDirectories(dir);
            if (POSIX) Files.setPosixFilePermissions(dir, DIR);
            return dir;
        } catch (IOException e) {
            throw new UncheckedIOException("could not make " + dir.toAbsolutePath() + " private to the bot's user", e);
        }
    }

    /** Makes an existing file 0600. */
    public static Path file(Path file) {
        try {
            if (POSIX) Files.setPosixFilePermissions(file, FILE);
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException("could not make " + file.toAbsolutePath() + " private to the bot's user", e);
        }
    }

    /** For {@code Files.newByteChannel}/{@code FileChannel.open}: create the file as 0600 from the start. */
    public static FileAttribute<?>[] newFile() {
        return POSIX ? new FileAttribute<?>[] {PosixFilePermissions.asFileAttribute(FILE)} : new FileAttribute<?>[0];
    }

    /** True when no one but the owner may read, write or enter {@code path} (always true without POSIX permissions). */
    public static boolean isPrivate(Path path) {
        if (!POSIX) return true;
        try {
            Set<PosixFilePermission> p = Files.getPosixFilePermissions(path);
            return p.stream().noneMatch(x -> x.name().startsWith("GROUP_") || x.name().startsWith("OTHERS_"));
        } catch (IOException e) {
            return false;
        }
    }
}
