package cn.gdeea.examphoto.roster.internal;

/** Why a row was not imported. Messages never contain an ID number. */
public record RowError(long rowNumber, String candidateNumber, Column column, String code, String messageZh,
                       String messageEn) {
}
