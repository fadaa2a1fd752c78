package cn.gdeea.examphoto.roster.internal;

import java.io.BufferedWriter;
import java.io.Closeable;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import cn.gdeea.examphoto.csv.SpreadsheetCells;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;

/**
 * The row errors of an import as CSV, written to a work file as they are found (an import
 * may reject many rows; memory stays flat). UTF-8 with a BOM so that Excel opens it correctly, text
 * cells neutralised against formula injection ({@link SpreadsheetCells}).
 */
public final class ErrorReport implements Closeable {

    private final Path file;
    private final CSVPrinter printer;
    private long count;

    /** Writes the report into {@code file} (a work file the caller deletes). */
    public ErrorReport(Path file) {
        try {
            this.file = file;
            BufferedWriter writer = Files.newBufferedWriter(file, StandardCharsets.UTF_8);
            writer.write('\uFEFF');
            this.printer = new CSVPrinter(writer, CSVFormat.DEFAULT);
            printer.printRecord("行号 row", "考生号 candidate_number", "列 column", "错误代码 code", "错误说明", "message");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public void add(RowError error) {
        try {
            printer.printRecord(error.rowNumber(), SpreadsheetCells.neutralise(error.candidateNumber()),
                    error.column() == null ? "" : error.column().zh() + " " + error.column().en(),
                    error.code(), SpreadsheetCells.neutralise(error.messageZh()), SpreadsheetCells.neutralise(error.messageEn()));
            count++;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public long count() {
        return count;
    }

    /** The finished report file; the caller deletes it. */
    public Path finish() {
        close();
        return file;
    }

    @Override
    public void close() {
        try {
            printer.close();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
