package cn.gdeea.examphoto.job;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.springframework.util.FileSystemUtils;

/**
 * The work files of this process, under {@code examphoto.work.directory}/{@code <process folder>}.
 * The process holds a lock on its folder's {@code .lock} file for as long as it runs; the operating
 * system drops it when the process dies, however it dies (kill -9 included). At start-up every
 * folder whose lock nobody holds is deleted, so work files a crashed process left (roster copies
 * with full ID numbers, error reports, export archives) never outlive the next start, while the
 * folders of other processes sharing the directory are left alone. Callers delete their files on
 * every outcome; this is the net under them.
 */
@Component
public class WorkFiles implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(WorkFiles.class);
    private static final String LOCK = ".lock";

    private final Path root;
    private final Path folder;
    private final FileChannel lockChannel;
    private final FileLock lock;

    public WorkFiles(WorkSettings settings) {
        this.root = settings.directory().toAbsolutePath().normalize();
        try {
            Files.createDirectories(root);
            int swept = sweepAbandoned();
            if (swept > 0) {
                log.info("Deleted the work files of {} stopped process(es) under {}", swept, root);
            }
            this.folder = Files.createDirectory(root.resolve("p-" + UUID.randomUUID()));
            this.lockChannel = FileChannel.open(folder.resolve(LOCK), StandardOpenOption.CREATE, StandardOpenOption.WRITE);
            this.lock = lockChannel.lock();
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot prepare the work directory " + root, e);
        }
    }

    /** A new empty file in this process's work folder; the caller deletes it. */
    public Path newFile(String prefix, String suffix) {
        try {
            return Files.createTempFile(folder, prefix, suffix);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A new empty folder in this process's work folder; the caller deletes it. */
    public Path newFolder(String prefix) {
        try {
            return Files.createTempDirectory(folder, prefix);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** This process's folder. */
    public Path folder() {
        return folder;
    }

    /** Deletes the folders of processes that no longer run; returns how many. */
    private int sweepAbandoned() throws IOException {
        int swept = 0;
        try (DirectoryStream<Path> entries = Files.newDirectoryStream(root)) {
            for (Path entry : entries) {
                if (Files.isDirectory(entry) && abandoned(entry)) {
                    FileSystemUtils.deleteRecursively(entry);
                    swept++;
                } else if (Files.isRegularFile(entry)) {
                    // Nothing is written at the top level; a stray file is a leftover.
                    Files.deleteIfExists(entry);
                }
            }
        }
        return swept;
    }

    private static boolean abandoned(Path processFolder) {
        Path lockFile = processFolder.resolve(LOCK);
        if (!Files.exists(lockFile)) {
            // Another process may have just created its folder and not yet its lock.
            try {
                return Files.getLastModifiedTime(processFolder).toInstant()
                        .isBefore(java.time.Instant.now().minusSeconds(60));
            } catch (IOException e) {
                return false;
            }
        }
        try (FileChannel channel = FileChannel.open(lockFile, StandardOpenOption.WRITE)) {
            FileLock probe = channel.tryLock();
            if (probe == null) {
                return false;
            }
            probe.release();
            return true;
        } catch (OverlappingFileLockException e) {
            return false; // held by this very JVM (a second context in tests)
        } catch (IOException e) {
            return false;
        }
    }

    @Override
    public void close() {
        try {
            lock.release();
            lockChannel.close();
        } catch (IOException ignored) {
            // the folder goes below either way
        }
        FileSystemUtils.deleteRecursively(folder.toFile());
    }
}
