package cn.gdeea.examphoto.export;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;

/** An export ZIP read back: entry name → bytes, and the manifest's rows. */
record ExportArchive(Map<String, byte[]> entries, List<CSVRecord> manifest, String manifestText) {

    static ExportArchive read(byte[] zip) throws IOException {
        return read(new ByteArrayInputStream(zip));
    }

    static ExportArchive read(InputStream zip) throws IOException {
        Map<String, byte[]> entries = new LinkedHashMap<>();
        try (ZipInputStream in = new ZipInputStream(zip, StandardCharsets.UTF_8)) {
            for (ZipEntry e; (e = in.getNextEntry()) != null; ) {
                entries.put(e.getName(), in.readAllBytes());
            }
        }
        byte[] manifestBytes = entries.remove("manifest.csv");
        if (manifestBytes == null) {
            throw new IOException("no manifest.csv in the archive");
        }
        String text = new String(manifestBytes, StandardCharsets.UTF_8);
        if (!text.startsWith("\uFEFF")) {
            throw new IOException("manifest.csv lacks the UTF-8 byte-order mark");
        }
        List<CSVRecord> rows = CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).get()
                .parse(new StringReader(text.substring(1))).getRecords();
        return new ExportArchive(entries, rows, text);
    }
}
