package cn.gdeea.examphoto.roster.internal;

import cn.gdeea.examphoto.identity.DocumentType;

/**
 * A valid roster row on its way into the database. {@code password} is the plain initial
 * password, replaced by its hash before writing; {@code passwordHash} is null when the row gave
 * no password (an update then keeps the existing one).
 */
public final class RosterRow {
    final long rowNumber;
    final String candidateNumber;
    final String name;
    final DocumentType documentType;
    final String documentNumber;
    final String city;
    final String pointCode;
    final String pointName;
    final String pointPhone;
    final boolean rareName;
    final String photoName;
    String password;
    String passwordHash;
    Photo photo;
    /** No photo column value, but a photo archive was given: look for {@code <candidate number>.jpg|png}. */
    boolean photoByNumber;

    RosterRow(long rowNumber, String candidateNumber, String name, DocumentType documentType, String documentNumber,
              String city, String pointCode, String pointName, String pointPhone, boolean rareName, String photoName) {
        this.rowNumber = rowNumber;
        this.candidateNumber = candidateNumber;
        this.name = name;
        this.documentType = documentType;
        this.documentNumber = documentNumber;
        this.city = city;
        this.pointCode = pointCode;
        this.pointName = pointName;
        this.pointPhone = pointPhone;
        this.rareName = rareName;
        this.photoName = photoName;
    }

    /** A decoded reference photo, ready to store. */
    record Photo(byte[] bytes, String contentType, int width, int height, String sha256) {
    }
}
