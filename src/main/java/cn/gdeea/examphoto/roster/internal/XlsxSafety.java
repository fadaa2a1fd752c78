package cn.gdeea.examphoto.roster.internal;

import cn.gdeea.examphoto.web.ApiException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Enumeration;
import java.util.Locale;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import org.springframework.http.HttpStatus;

/**
 * A pass over an .xlsx file's XML parts before the workbook reader sees them, with constant
 * memory: a document type declaration (the door to entity expansion and external entities) is
 * refused, and so is any run of text or markup longer than {@link #MAX_RUN} bytes, which bounds
 * every cell, shared string and attribute the streaming reader will hold as one string (the
 * reader has no such bound of its own: one 500 MB cell would be read into one string). The
 * inflated size of all parts is bounded too ({@link #MAX_INFLATED}), against ZIP bombs.
 */
final class XlsxSafety {

    /** Far above any roster cell (the longest column holds 255 characters, 4 bytes each at most). */
    static final int MAX_RUN = 64 * 1024;
    /** A 760,000-row roster's sheet inflates to about 250 MB. */
    static final long MAX_INFLATED = 2L * 1024 * 1024 * 1024;
    private static final int MAX_ENTRIES = 10_000;
    private static final byte[] DOCTYPE = "<!DOCTYPE".getBytes(StandardCharsets.US_ASCII);

    private XlsxSafety() {
    }

    static void check(Path file) {
        try (ZipFile zip = new ZipFile(file.toFile())) {
            if (zip.size() > MAX_ENTRIES) {
                throw refused("roster.xlsx_unsafe", "Excel 文件结构异常（部件过多）", "The Excel file has too many parts");
            }
            long inflated = 0;
            Enumeration<? extends ZipEntry> entries = zip.entries();
            while (entries.hasMoreElements()) {
                ZipEntry entry = entries.nextElement();
                String name = entry.getName().toLowerCase(Locale.ROOT);
                if (entry.isDirectory() || !(name.endsWith(".xml") || name.endsWith(".rels"))) {
                    continue;
                }
                try (InputStream in = zip.getInputStream(entry)) {
                    inflated = scan(in, inflated);
                }
            }
        } catch (IOException | RuntimeException e) {
            if (e instanceof ApiException api) {
                throw api;
            }
            throw RosterFiles.unreadable();
        }
    }

    /** Scans one part; returns the inflated bytes so far. */
    private static long scan(InputStream in, long inflated) throws IOException {
        byte[] buffer = new byte[1 << 16];
        int run = 0;
        int matched = 0;
        for (int n; (n = in.read(buffer)) > 0; ) {
            inflated += n;
            if (inflated > MAX_INFLATED) {
                throw refused("roster.xlsx_unsafe", "Excel 文件解压后过大", "The Excel file is too large once decompressed");
            }
            for (int i = 0; i < n; i++) {
                byte b = buffer[i];
                if (b == '<' || b == '>') {
                    run = 0;
                } else if (++run > MAX_RUN) {
                    throw refused("roster.cell_too_large", "Excel 文件中有单元格内容过长（超过 64 KB）",
                            "A cell of the Excel file is longer than 64 KB");
                }
                // Case-insensitive match of "<!DOCTYPE" across buffer boundaries.
                byte upper = b >= 'a' && b <= 'z' ? (byte) (b - 32) : b;
                matched = upper == DOCTYPE[matched] ? matched + 1 : (upper == DOCTYPE[0] ? 1 : 0);
                if (matched == DOCTYPE.length) {
                    throw refused("roster.xlsx_doctype", "Excel 文件含有文档类型声明（DOCTYPE），已拒绝",
                            "The Excel file contains a document type declaration (DOCTYPE) and is refused");
                }
            }
        }
        return inflated;
    }

    private static ApiException refused(String code, String zh, String en) {
        return new ApiException(HttpStatus.UNPROCESSABLE_ENTITY, code, zh, en);
    }
}
