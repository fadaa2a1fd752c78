package cn.gdeea.examphoto.photo.internal;

import cn.gdeea.examphoto.photo.CheckResult;

/** One rule of the photo guide, applied to a photo with exactly one face. */
public interface PhotoCheck {

    /** The stable check id, e.g. {@code pose}; part of the API contract. */
    String id();

    CheckResult check(FacePhoto photo);
}
