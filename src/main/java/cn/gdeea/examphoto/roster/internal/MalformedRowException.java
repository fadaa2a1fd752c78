package cn.gdeea.examphoto.roster.internal;

import java.io.IOException;

/**
 * One row of a roster file that cannot be read as a row (an unterminated quote, a line or cell
 * over the size bound): that row's error; the reader goes on with the next row.
 */
public final class MalformedRowException extends IOException {

    private final long rowNumber;
    private final String code;
    private final String messageZh;
    private final String messageEn;

    MalformedRowException(long rowNumber, String code, String messageZh, String messageEn) {
        super(code + " in row " + rowNumber);
        this.rowNumber = rowNumber;
        this.code = code;
        this.messageZh = messageZh;
        this.messageEn = messageEn;
    }

    /** The error as the import reports it. */
    public RowError toRowError() {
        return new RowError(rowNumber, null, null, code, messageZh, messageEn);
    }
}
