package cn.gdeea.examphoto.image;

/**
 * Why an upload is not accepted as a photo. The {@link #code()} is stable and safe to store, log
 * and map to front-end messages; the texts tell a candidate what to do next. {@code {0}}, {@code {1}}…
 * are filled in by {@link ImageDecoder}.
 */
public enum ImageRejection {

    EMPTY("image.empty",
            "上传的文件是空的，请重新选择照片后上传。",
            "The file is empty. Please choose your photo again and upload it."),
    TOO_LARGE_BYTES("image.too_large_bytes",
            "照片文件太大（{0}），最大允许 {1}。请在相机设置中选择较低的分辨率后重新拍照，或上传压缩后的照片。",
            "The photo file is too big ({0}; the limit is {1}). Set the camera to a lower resolution and retake the photo, or upload a smaller copy."),
    NOT_AN_IMAGE("image.not_an_image",
            "这个文件不是照片。请上传用手机相机拍摄的 JPG 或 PNG 照片。",
            "This file is not a photo. Please upload a JPG or PNG photo taken with your phone camera."),
    UNSUPPORTED_TYPE("image.unsupported_type",
            "不支持 {0} 格式的文件。请上传 JPG 或 PNG 格式的照片。",
            "{0} files are not accepted. Please upload a JPG or PNG photo."),
    HEIC_UNSUPPORTED("image.heic_unsupported",
            "不支持 HEIC/HEIF 格式的照片。请将相机格式设置为“兼容性最佳”(JPEG) 后重新拍照（iPhone：设置 > 相机 > 格式）。",
            "HEIC photos are not supported; set the camera to 'Most Compatible' (JPEG) and retake the photo (iPhone: Settings > Camera > Formats)."),
    TRUNCATED("image.truncated",
            "照片文件不完整，可能是上传中断了。请重新上传；如果仍然失败，请重新拍照。",
            "The photo file is incomplete; the upload may have been cut off. Please upload it again, and if that fails, retake the photo."),
    TOO_MANY_PIXELS("image.too_many_pixels",
            "照片像素太多（{0}×{1}），最多允许 {2} 万像素。请在相机设置中选择较低的分辨率后重新拍照。",
            "The photo has too many pixels ({0}×{1}; the limit is {3} megapixels). Set the camera to a lower resolution and retake the photo."),
    SIDE_TOO_LONG("image.side_too_long",
            "照片尺寸太大（{0}×{1}），每边最多 {2} 像素。请用相机正常拍照，不要上传全景或拼接的图片。",
            "The photo is too large ({0}×{1}; at most {2} pixels on each side). Take a normal photo with the camera, not a panorama or a combined picture."),
    CORRUPT("image.corrupt",
            "照片文件已损坏，无法打开。请重新拍照后上传。",
            "The photo file is damaged and cannot be opened. Please retake the photo and upload it again.");

    private final String code;
    private final String zh;
    private final String en;

    ImageRejection(String code, String zh, String en) {
        this.code = code;
        this.zh = zh;
        this.en = en;
    }

    public String code() {
        return code;
    }

    String zhTemplate() {
        return zh;
    }

    String enTemplate() {
        return en;
    }
}
