package cn.gdeea.examphoto.roster.internal;

import cn.gdeea.examphoto.csv.SpreadsheetCells;
import cn.gdeea.examphoto.identity.DocumentType;
import cn.gdeea.examphoto.identity.IdNumber;
import cn.gdeea.examphoto.identity.RareCharacters;
import java.util.Locale;
import java.util.Set;
import java.util.function.Consumer;
import java.util.regex.Pattern;

/**
 * Checks one row after another; remembers what earlier rows of the file held (candidate and
 * document numbers, registration points defined) so duplicates within the file are caught.
 * Not thread-safe: rows are validated in file order.
 */
public final class RowValidator {

    private static final Pattern BCRYPT = Pattern.compile("^\\$2[aby]\\$\\d{2}\\$[./A-Za-z0-9]{53}$");
    private static final int MIN_PASSWORD = 6;
    private static final int MAX_PASSWORD = 72;
    /** Text that lands in the exports' spreadsheets as it is: it must not read as a formula there. */
    private static final Set<Column> FREE_TEXT = Set.of(Column.NAME, Column.CITY, Column.POINT_NAME);

    private final Pattern candidateNumber;
    private final Set<String> knownPoints;
    private final boolean photosGiven;
    private final LongHashSet candidateNumbers = new LongHashSet();
    private final LongHashSet documentNumbers = new LongHashSet();

    /**
     * @param knownPoints registration point codes already in the database; grows with those the file defines
     */
    public RowValidator(Pattern candidateNumber, Set<String> knownPoints, boolean photosGiven) {
        this.candidateNumber = candidateNumber;
        this.knownPoints = knownPoints;
        this.photosGiven = photosGiven;
    }

    static boolean isBcrypt(String password) {
        return BCRYPT.matcher(password).matches();
    }

    /** The valid row, or null after reporting each problem of the row. */
    public RosterRow validate(RawRow raw, Consumer<RowError> errors) {
        ErrorSink sink = new ErrorSink(raw, errors);
        for (Column c : Column.values()) {
            String v = raw.get(c);
            if (v == null && c.required()) {
                sink.add(c, "field.missing", "缺少" + c.zh(), c.en() + " is missing");
            } else if (v != null && v.length() > c.maxLength()) {
                sink.add(c, "field.too_long", c.zh() + "过长（最多 " + c.maxLength() + " 个字符）",
                        c.en() + " is longer than " + c.maxLength() + " characters");
            } else if (FREE_TEXT.contains(c) && SpreadsheetCells.looksLikeFormula(v)) {
                sink.add(c, "field.formula", c.zh() + "不能以 = + - @ 开头",
                        c.en() + " must not start with = + - or @ (a spreadsheet formula)");
            }
        }
        String number = raw.get(Column.CANDIDATE_NUMBER);
        if (number != null && !candidateNumber.matcher(number).matches()) {
            sink.add(Column.CANDIDATE_NUMBER, "candidate_number.invalid", "考生号格式不正确",
                    "The candidate number does not have the configured format");
        } else if (number != null && !candidateNumbers.add(number)) {
            sink.add(Column.CANDIDATE_NUMBER, "candidate_number.duplicate", "考生号在文件中重复出现",
                    "The candidate number appears more than once in the file");
        }
        DocumentType type = null;
        String typeText = raw.get(Column.DOCUMENT_TYPE);
        if (typeText != null) {
            type = DocumentType.parse(typeText).orElse(null);
            if (type == null) {
                sink.add(Column.DOCUMENT_TYPE, "document_type.unknown", "证件类型无法识别",
                        "Unknown document type");
            }
        }
        String document = raw.get(Column.DOCUMENT_NUMBER);
        if (document != null) {
            document = document.toUpperCase(Locale.ROOT);
            if (type == DocumentType.ID_CARD && !new IdNumber(document).isValidResidentId()) {
                sink.add(Column.DOCUMENT_NUMBER, "id_number.invalid", "身份证号码无效（长度或校验位不正确）",
                        "The resident ID number is invalid (length or check digit)");
            } else if (type != null && !documentNumbers.add(type.name() + ":" + document)) {
                sink.add(Column.DOCUMENT_NUMBER, "document_number.duplicate", "证件号码在文件中重复出现",
                        "The document number appears more than once in the file");
            }
        }
        String pointCode = raw.get(Column.POINT_CODE);
        String pointName = raw.get(Column.POINT_NAME);
        if (pointCode != null && pointName == null && !knownPoints.contains(pointCode)) {
            sink.add(Column.POINT_NAME, "point.unknown", "报考点代码未知，且未给出报考点名称",
                    "Unknown registration point code and no point name given");
        }
        String password = raw.get(Column.PASSWORD);
        if (password != null && !isBcrypt(password)
                && (password.length() < MIN_PASSWORD || password.length() > MAX_PASSWORD)) {
            sink.add(Column.PASSWORD, "password.invalid", "初始密码长度须为 6–72 个字符",
                    "The initial password must have 6 to 72 characters");
        }
        String photo = raw.get(Column.REFERENCE_PHOTO);
        if (photo != null && !photosGiven) {
            sink.add(Column.REFERENCE_PHOTO, "reference_photo.not_found", "未随名单提供照片包，找不到参考照片",
                    "No photo archive was given with the roster, so the reference photo is missing");
        }
        if (sink.failed) {
            return null;
        }
        if (pointName != null) {
            knownPoints.add(pointCode);
        }
        String name = raw.get(Column.NAME);
        RosterRow row = new RosterRow(raw.rowNumber(), number, name, type, document, raw.get(Column.CITY), pointCode,
                pointName, raw.get(Column.POINT_PHONE), RareCharacters.containsRare(name), photo);
        if (password != null) {
            if (isBcrypt(password)) {
                row.passwordHash = password;
            } else {
                row.password = password;
            }
        }
        return row;
    }

    /** Errors of one row. */
    private static final class ErrorSink {
        private final RawRow raw;
        private final Consumer<RowError> errors;
        private boolean failed;

        ErrorSink(RawRow raw, Consumer<RowError> errors) {
            this.raw = raw;
            this.errors = errors;
        }

        void add(Column column, String code, String zh, String en) {
            failed = true;
            errors.accept(new RowError(raw.rowNumber(), raw.get(Column.CANDIDATE_NUMBER), column, code, zh, en));
        }
    }
}
