package cn.gdeea.examphoto.roster;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;

/** Generated roster rows with valid candidate numbers and resident ID numbers. */
public final class RosterFixtures {

    public static final String HEADER = "考生号,姓名,证件类型,证件号码,城市,报考点代码,报考点名称,报考点电话,密码,参考照片";
    private static final int[] WEIGHTS = {7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2};
    private static final char[] CHECK = "10X98765432".toCharArray();
    private static final String[] SURNAMES = {"陈", "李", "张", "黄", "王", "林", "刘", "吴", "梁", "何"};
    private static final String[] GIVEN = {"晓明", "嘉欣", "子轩", "雨桐", "浩然", "思琪", "俊杰", "雅婷", "志强", "诗涵"};

    private RosterFixtures() {
    }

    /** The i-th candidate number: 26 44 and ten digits. */
    public static String candidateNumber(long i) {
        return String.format("2644%010d", i);
    }

    /** A unique valid resident ID number for index i (i below a few million). */
    public static String idNumber(long i) {
        int region = 440100 + (int) (i % 97);
        LocalDate birth = LocalDate.of(2007, 9, 1).plusDays((i / 97) % 365);
        int seq = (int) (i / (97 * 365));
        String body = String.format("%06d%04d%02d%02d%03d", region, birth.getYear(), birth.getMonthValue(),
                birth.getDayOfMonth(), seq);
        return body + checkDigit(body);
    }

    public static char checkDigit(String body17) {
        int sum = 0;
        for (int k = 0; k < 17; k++) {
            sum += (body17.charAt(k) - '0') * WEIGHTS[k];
        }
        return CHECK[sum % 11];
    }

    public static String name(long i) {
        return SURNAMES[(int) (i % SURNAMES.length)] + GIVEN[(int) ((i / 10) % GIVEN.length)];
    }

    public static String pointCode(long i, int points) {
        return String.format("44%04d", i % points);
    }

    /** One CSV line of a valid candidate; the password column as given. */
    public static String line(long i, int points, String password) {
        String point = pointCode(i, points);
        String city = (i % points) % 2 == 0 ? "广州市" : "深圳市";
        return String.join(",", candidateNumber(i), name(i), "居民身份证", idNumber(i), city, point,
                "报考点" + point, "020-8888" + point.substring(2), password, "");
    }

    /** Writes n valid rows, passwords cycling through {@code passwords}. */
    public static Path writeCsv(Path file, long n, int points, String... passwords) {
        try (Writer w = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            w.write(HEADER);
            w.write('\n');
            for (long i = 0; i < n; i++) {
                w.write(line(i, points, passwords[(int) (i % passwords.length)]));
                w.write('\n');
            }
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
