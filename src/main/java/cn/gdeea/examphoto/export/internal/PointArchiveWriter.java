package cn.gdeea.examphoto.export.internal;

import cn.gdeea.examphoto.storage.PhotoStorage;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.DigestOutputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.format.DateTimeFormatter;
import java.util.HexFormat;
import java.util.Optional;
import java.util.zip.CRC32;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import cn.gdeea.examphoto.csv.SpreadsheetCells;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;

/**
 * Writes one registration point's archive to a file: {@code <candidate number>.jpg} per collected
 * candidate, then {@code manifest.csv}. Photos pass through one at a time, so memory does not grow
 * with the point's size. A photo whose file is missing or whose bytes no longer match the recorded
 * SHA-256 is left out and counted, never exported damaged.
 */
final class PointArchiveWriter implements AutoCloseable {

    static final String[] MANIFEST_HEADER = {"candidate_number", "name", "point_code", "city", "collected_at",
            "sha256", "size_bytes"};

    private final PhotoStorage storage;
    private final ZipOutputStream zip;
    private final DigestOutputStream digest;
    private final StringWriter manifestText = new StringWriter();
    private final CSVPrinter manifest;
    private int written;
    private int missing;

    PointArchiveWriter(PhotoStorage storage, Path target) throws IOException {
        this.storage = storage;
        this.digest = new DigestOutputStream(new BufferedOutputStream(Files.newOutputStream(target), 1 << 16), sha256());
        this.zip = new ZipOutputStream(digest, StandardCharsets.UTF_8);
        this.manifest = new CSVPrinter(manifestText, CSVFormat.DEFAULT.builder().setHeader(MANIFEST_HEADER).get());
    }

    /** Adds the candidate's photo; false when it could not be read intact. */
    boolean add(CollectedPhoto photo) throws IOException {
        Optional<byte[]> bytes = photo.storageKey() == null ? Optional.empty() : storage.get(photo.storageKey());
        String sha = bytes.map(PointArchiveWriter::hex).orElse(null);
        if (sha == null || (photo.sha256() != null && !photo.sha256().equalsIgnoreCase(sha))) {
            missing++;
            return false;
        }
        byte[] jpeg = bytes.get();
        // JPEG does not compress further: stored entries save the CPU and keep the archive readable anywhere.
        ZipEntry entry = new ZipEntry(fileName(photo.candidateNumber()));
        entry.setMethod(ZipEntry.STORED);
        entry.setSize(jpeg.length);
        entry.setCompressedSize(jpeg.length);
        CRC32 crc = new CRC32();
        crc.update(jpeg);
        entry.setCrc(crc.getValue());
        if (photo.collectedAt() != null) {
            entry.setTime(photo.collectedAt().toInstant().toEpochMilli());
        }
        zip.putNextEntry(entry);
        zip.write(jpeg);
        zip.closeEntry();
        manifest.printRecord(SpreadsheetCells.neutralise(photo.candidateNumber()), SpreadsheetCells.neutralise(photo.name()),
                SpreadsheetCells.neutralise(photo.pointCode()), SpreadsheetCells.neutralise(photo.city()),
                photo.collectedAt() == null ? "" : DateTimeFormatter.ISO_OFFSET_DATE_TIME.format(photo.collectedAt()),
                sha, jpeg.length);
        written++;
        return true;
    }

    int written() {
        return written;
    }

    int missing() {
        return missing;
    }

    /** The archive's SHA-256, once closed. */
    String sha256Hex() {
        return HexFormat.of().formatHex(digest.getMessageDigest().digest());
    }

    @Override
    public void close() throws IOException {
        manifest.flush();
        zip.putNextEntry(new ZipEntry("manifest.csv"));
        // The byte-order mark lets Excel, where staff open the manifest, read the Chinese names.
        OutputStreamWriter text = new OutputStreamWriter(nonClosing(zip), StandardCharsets.UTF_8);
        text.write('\uFEFF');
        text.write(manifestText.toString());
        text.flush();
        zip.closeEntry();
        zip.close();
    }

    /** Candidate numbers are digits; anything else is replaced so no entry can name a path. */
    static String fileName(String candidateNumber) {
        return candidateNumber.replaceAll("[^0-9A-Za-z_-]", "_") + ".jpg";
    }

    static String hex(byte[] bytes) {
        return HexFormat.of().formatHex(sha256().digest(bytes));
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static OutputStream nonClosing(OutputStream out) {
        return new java.io.FilterOutputStream(out) {
            @Override
            public void write(byte[] b, int off, int len) throws IOException {
                out.write(b, off, len);
            }

            @Override
            public void close() throws IOException {
                flush();
            }
        };
    }
}
