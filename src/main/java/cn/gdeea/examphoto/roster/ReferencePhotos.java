package cn.gdeea.examphoto.roster;

import cn.gdeea.examphoto.web.ApiException;
import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.zip.ZipEntry;
import java.util.zip.ZipException;
import java.util.zip.ZipFile;
import org.springframework.http.HttpStatus;

/**
 * The reference photos given with a roster import: a ZIP archive or a folder, looked up by the
 * file name in the roster's 参考照片 column. Hostile archives are refused as a whole before any row
 * is imported: too many entries, path traversal, absurd sizes or compression ratios (zip bombs).
 * Reads are bounded as well, because an entry's declared size can lie.
 */
public interface ReferencePhotos extends Closeable {

    /** At most this many entries in an archive. */
    int MAX_ENTRIES = 1_000_000;
    /** An entry compressed better than this (and larger than {@link #RATIO_FLOOR}) is a bomb, not a photo. */
    int MAX_RATIO = 100;
    long RATIO_FLOOR = 1 << 20;
    /** All entries together, uncompressed. */
    long MAX_TOTAL = 200L << 30;

    /** No photos given. */
    ReferencePhotos NONE = new ReferencePhotos() {
        @Override
        public Optional<byte[]> read(String name) {
            return Optional.empty();
        }

        @Override
        public void close() {
        }
    };

    /**
     * The photo's bytes, or empty when there is no such file.
     *
     * @throws PhotoTooLargeException when the file is larger than {@code maxBytes} given on opening
     */
    Optional<byte[]> read(String name) throws IOException;

    /** Opens a ZIP archive or a folder. */
    static ReferencePhotos open(Path zipOrFolder, long maxBytes) {
        if (Files.isDirectory(zipOrFolder)) {
            return new Folder(zipOrFolder, maxBytes);
        }
        return new Zip(zipOrFolder, maxBytes);
    }

    /** A photo larger than the limit. */
    final class PhotoTooLargeException extends IOException {
        PhotoTooLargeException() {
            super("photo too large");
        }
    }

    private static ApiException unsafe(String zh, String en) {
        return new ApiException(HttpStatus.UNPROCESSABLE_ENTITY, "roster.photos_unsafe", "照片包被拒绝：" + zh,
                "The photo archive was refused: " + en);
    }

    private static boolean unsafeName(String name) {
        String n = name.replace('\\', '/');
        return n.startsWith("/") || n.contains("\0") || n.matches("^[A-Za-z]:.*")
                || ("/" + n + "/").contains("/../");
    }

    private static String baseName(String name) {
        String n = name.replace('\\', '/');
        return n.substring(n.lastIndexOf('/') + 1);
    }

    private static byte[] readBounded(InputStream in, long maxBytes) throws IOException {
        byte[] bytes = in.readNBytes((int) Math.min(Integer.MAX_VALUE - 8, maxBytes + 1));
        if (bytes.length > maxBytes) {
            throw new PhotoTooLargeException();
        }
        return bytes;
    }

    /** A ZIP archive, entries found by their path or, when unambiguous, their bare file name. */
    final class Zip implements ReferencePhotos {
        private final ZipFile zip;
        private final Map<String, ZipEntry> byName = new HashMap<>();
        private final long maxBytes;

        Zip(Path file, long maxBytes) {
            this.maxBytes = maxBytes;
            try {
                this.zip = new ZipFile(file.toFile());
            } catch (ZipException e) {
                throw new ApiException(HttpStatus.UNPROCESSABLE_ENTITY, "roster.photos_unreadable",
                        "照片包须为 ZIP 文件", "The photos must be a ZIP archive");
            } catch (IOException e) {
                throw new ApiException(HttpStatus.UNPROCESSABLE_ENTITY, "roster.photos_unreadable",
                        "照片包无法读取", "The photo archive cannot be read");
            }
            try {
                index();
            } catch (RuntimeException e) {
                close();
                throw e;
            }
        }

        private void index() {
            if (zip.size() > MAX_ENTRIES) {
                throw unsafe("文件数超过 " + MAX_ENTRIES, "more than " + MAX_ENTRIES + " entries");
            }
            Set<String> ambiguous = new HashSet<>();
            long total = 0;
            var entries = zip.entries();
            while (entries.hasMoreElements()) {
                ZipEntry entry = entries.nextElement();
                if (unsafeName(entry.getName())) {
                    throw unsafe("含有不安全的路径", "an entry has an unsafe path (absolute or ..)");
                }
                if (entry.isDirectory()) {
                    continue;
                }
                long size = entry.getSize();
                long compressed = entry.getCompressedSize();
                if (size > maxBytes) {
                    throw unsafe("含有过大的文件", "an entry is larger than " + maxBytes + " bytes");
                }
                if (size > RATIO_FLOOR && compressed > 0 && size / compressed > MAX_RATIO) {
                    throw unsafe("压缩比异常（疑似压缩炸弹）", "an entry's compression ratio is abnormal (zip bomb)");
                }
                total += Math.max(size, 0);
                if (total > MAX_TOTAL) {
                    throw unsafe("解压后总大小过大", "the uncompressed total is too large");
                }
                String name = entry.getName().replace('\\', '/');
                byName.put(name, entry);
                String base = baseName(name);
                if (!base.equals(name) && byName.putIfAbsent(base, entry) != null) {
                    ambiguous.add(base);
                }
            }
            ambiguous.forEach(byName::remove);
        }

        @Override
        public Optional<byte[]> read(String name) throws IOException {
            ZipEntry entry = byName.get(name.replace('\\', '/'));
            if (entry == null) {
                return Optional.empty();
            }
            try (InputStream in = zip.getInputStream(entry)) {
                return Optional.of(readBounded(in, maxBytes));
            }
        }

        @Override
        public void close() {
            try {
                zip.close();
            } catch (IOException ignored) {
                // read-only; nothing to lose
            }
        }
    }

    /** A folder; names may not leave it, not even through a symbolic link. */
    final class Folder implements ReferencePhotos {
        private final Path root;
        private final long maxBytes;

        Folder(Path folder, long maxBytes) {
            try {
                this.root = folder.toRealPath();
            } catch (IOException e) {
                throw new ApiException(HttpStatus.UNPROCESSABLE_ENTITY, "roster.photos_unreadable",
                        "照片文件夹无法读取", "The photo folder cannot be read");
            }
            this.maxBytes = maxBytes;
        }

        @Override
        public Optional<byte[]> read(String name) throws IOException {
            if (unsafeName(name)) {
                return Optional.empty();
            }
            Path file = root.resolve(name.replace('\\', '/')).normalize();
            if (!file.startsWith(root) || !Files.isRegularFile(file) || !file.toRealPath().startsWith(root)) {
                return Optional.empty();
            }
            if (Files.size(file) > maxBytes) {
                throw new PhotoTooLargeException();
            }
            try (InputStream in = Files.newInputStream(file)) {
                return Optional.of(readBounded(in, maxBytes));
            }
        }

        @Override
        public void close() {
        }
    }
}
