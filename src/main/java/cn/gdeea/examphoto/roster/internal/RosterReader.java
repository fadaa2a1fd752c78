package cn.gdeea.examphoto.roster.internal;

import java.io.Closeable;
import java.io.IOException;
import java.util.Map;

/** Streams the data rows of a roster file, one at a time; the header was read on opening. */
public interface RosterReader extends Closeable {

    /** The recognised columns and their positions in the file. */
    Map<Column, Integer> columns();

    /** The next non-blank data row, or null at the end. */
    RawRow next() throws IOException;
}
