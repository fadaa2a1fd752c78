package cn.gdeea.examphoto.roster.internal;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.dhatim.fastexcel.reader.Cell;
import org.dhatim.fastexcel.reader.CellType;
import org.dhatim.fastexcel.reader.ReadableWorkbook;
import org.dhatim.fastexcel.reader.Row;

/**
 * The first sheet of an .xlsx workbook, streamed row by row (fastexcel-reader keeps no sheet in
 * memory); {@link XlsxSafety} has bounded its cells and refused DOCTYPEs before.
 */
final class XlsxRosterReader implements RosterReader {

    private final ReadableWorkbook workbook;
    private final Stream<Row> stream;
    private final Iterator<Row> rows;
    private final Map<Column, Integer> columns;

    XlsxRosterReader(Path file) throws IOException {
        this.workbook = new ReadableWorkbook(file.toFile());
        try {
            this.stream = workbook.getFirstSheet().openStream();
            this.rows = stream.iterator();
            if (!rows.hasNext()) {
                throw new cn.gdeea.examphoto.web.ApiException(org.springframework.http.HttpStatus.BAD_REQUEST,
                        "roster.empty", "名单文件为空", "The roster file is empty");
            }
            Row first = rows.next();
            List<String> header = new ArrayList<>();
            for (int i = 0; i < first.getCellCount(); i++) {
                header.add(text(first.getCell(i)));
            }
            this.columns = RosterFiles.columns(header);
        } catch (IOException | RuntimeException e) {
            workbook.close();
            throw e;
        }
    }

    @Override
    public Map<Column, Integer> columns() {
        return columns;
    }

    /** The next row; a workbook that turns out damaged midway is refused as unreadable. */
    @Override
    public RawRow next() {
        try {
            return nextRow();
        } catch (RuntimeException e) {
            if (e instanceof cn.gdeea.examphoto.web.ApiException api) {
                throw api;
            }
            throw RosterFiles.unreadable();
        }
    }

    private RawRow nextRow() {
        while (rows.hasNext()) {
            Row row = rows.next();
            String[] values = new String[Column.values().length];
            columns.forEach((column, index) -> values[column.ordinal()] =
                    index < row.getCellCount() ? text(row.getCell(index)) : null);
            RawRow raw = new RawRow(row.getRowNum(), values);
            if (!raw.blank()) {
                return raw;
            }
        }
        return null;
    }

    /** Numbers as typed: a 14-digit candidate number stored as a number must not become 4.4E13. */
    private static String text(Cell cell) {
        if (cell == null) {
            return null;
        }
        if (cell.getType() == CellType.NUMBER) {
            return new BigDecimal(cell.getRawValue()).stripTrailingZeros().toPlainString();
        }
        return cell.getText();
    }

    @Override
    public void close() throws IOException {
        try {
            stream.close();
        } finally {
            workbook.close();
        }
    }
}
