package cn.gdeea.examphoto.storage.internal;

import cn.gdeea.examphoto.storage.PhotoStorage;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * Photos as files under one directory. A file is written to a temporary name, forced to disk and
 * then renamed, so a crash never leaves a half-written photo under its real key.
 */
public final class FileSystemPhotoStorage implements PhotoStorage {

    private final Path root;

    public FileSystemPhotoStorage(Path root) {
        this.root = root.toAbsolutePath().normalize();
        try {
            Files.createDirectories(this.root);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot create the photo directory " + this.root, e);
        }
    }

    @Override
    public void put(String key, byte[] bytes, String contentType) {
        write(key, channel -> channel.write(ByteBuffer.wrap(bytes)));
    }

    @Override
    public void put(String key, InputStream content, long length, String contentType) {
        write(key, channel -> {
            byte[] buffer = new byte[1 << 16];
            for (int n; (n = content.read(buffer)) > 0; ) {
                channel.write(ByteBuffer.wrap(buffer, 0, n));
            }
        });
    }

    @Override
    public Optional<byte[]> get(String key) {
        try {
            return Optional.of(Files.readAllBytes(resolve(key)));
        } catch (NoSuchFileException e) {
            return Optional.empty();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public Optional<InputStream> open(String key) {
        try {
            return Optional.of(Files.newInputStream(resolve(key)));
        } catch (NoSuchFileException e) {
            return Optional.empty();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void delete(String key) {
        try {
            Files.deleteIfExists(resolve(key));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void list(String prefix, Consumer<StoredFile> each) {
        Path start = root.resolve(prefix).normalize();
        Path folder = prefix.endsWith("/") ? start : start.getParent();
        if (folder == null || !folder.startsWith(root) || !Files.isDirectory(folder)) {
            return;
        }
        try {
            // A visitor rather than Files.walk: other nodes' sweepers delete files while we list,
            // and a file or folder that vanishes mid-walk is simply no longer there to report.
            Files.walkFileTree(folder, new SimpleFileVisitor<>() {
                @Override
                public FileVisitResult visitFile(Path file, BasicFileAttributes attributes) {
                    String key = root.relativize(file).toString().replace('\\', '/');
                    // .part files are listed too: the sweeper deletes those a crash left behind.
                    if (attributes.isRegularFile() && key.startsWith(prefix)) {
                        each.accept(new StoredFile(key, attributes.lastModifiedTime().toInstant()));
                    }
                    return FileVisitResult.CONTINUE;
                }

                @Override
                public FileVisitResult visitFileFailed(Path file, IOException e) throws IOException {
                    if (e instanceof NoSuchFileException) {
                        return FileVisitResult.CONTINUE;
                    }
                    throw e;
                }
            });
        } catch (NoSuchFileException gone) {
            // the folder itself went away: nothing to list
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private interface Writer {
        void write(FileChannel channel) throws IOException;
    }

    private void write(String key, Writer writer) {
        Path target = resolve(key);
        Path part = target.resolveSibling(target.getFileName() + "." + java.util.UUID.randomUUID() + ".part");
        try {
            Files.createDirectories(target.getParent());
            try (FileChannel channel = FileChannel.open(part, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
                    StandardOpenOption.TRUNCATE_EXISTING)) {
                writer.write(channel);
                channel.force(true);
            }
            try {
                Files.move(part, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(part, target, StandardCopyOption.REPLACE_EXISTING);
            }
        } catch (IOException e) {
            try {
                Files.deleteIfExists(part);
            } catch (IOException ignored) {
                // left for the sweeper, which deletes old .part files
            }
            throw new UncheckedIOException("Cannot store " + key, e);
        }
    }

    private Path resolve(String key) {
        Path path = root.resolve(key).normalize();
        if (!path.startsWith(root) || key.isBlank()) {
            throw new IllegalArgumentException("Storage key outside the photo directory: " + key);
        }
        return path;
    }
}
