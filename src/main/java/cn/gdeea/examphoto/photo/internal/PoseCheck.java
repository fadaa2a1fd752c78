package cn.gdeea.examphoto.photo.internal;

import cn.gdeea.examphoto.photo.CheckResult;

/**
 * Head pose near frontal (正面免冠). Each angle of {@link HeadPose} is divided by its limit; the
 * value is the largest of the three (above 1 fails) and the message names that one.
 */
final class PoseCheck implements PhotoCheck {

    static final String ID = "pose";

    @Override
    public String id() {
        return ID;
    }

    @Override
    public CheckResult check(FacePhoto photo) {
        HeadPose pose = HeadPose.of(photo.face().landmarks());
        double yaw = Math.abs(pose.yaw()) / photo.settings().get("pose.max-yaw", 12);
        double pitch = Math.abs(pose.pitch()) / photo.settings().get("pose.max-pitch", 25);
        double roll = Math.abs(pose.roll()) / photo.settings().get("pose.max-roll", 8);
        double worst = Math.max(yaw, Math.max(pitch, roll));
        var region = photo.face().landmarks().bounds();
        if (worst <= 1) {
            return CheckResult.passed(ID, worst, 1, region);
        }
        if (worst == yaw) {
            return CheckResult.failed(ID, worst, 1, region,
                    String.format("头部向%s侧转（约 %.0f°），不是正脸", pose.yaw() > 0 ? "右" : "左", Math.abs(pose.yaw())),
                    String.format("The head is turned to the %s (about %.0f°)", pose.yaw() > 0 ? "right" : "left", Math.abs(pose.yaw())),
                    "请正对镜头、平视前方后重新拍照", "Face the camera straight on, look ahead and retake the photo");
        }
        if (worst == pitch) {
            return CheckResult.failed(ID, worst, 1, region,
                    String.format("头部%s（约 %.0f°）", pose.pitch() > 0 ? "低头" : "仰头", Math.abs(pose.pitch())),
                    String.format("The head is tilted %s (about %.0f°)", pose.pitch() > 0 ? "down" : "up", Math.abs(pose.pitch())),
                    "请平视镜头，下巴放平后重新拍照", "Look straight into the camera with the chin level and retake the photo");
        }
        return CheckResult.failed(ID, worst, 1, region,
                String.format("头部歪斜（约 %.0f°）", Math.abs(pose.roll())),
                String.format("The head is tilted to one side (about %.0f°)", Math.abs(pose.roll())),
                "请保持头部端正、双眼水平后重新拍照", "Hold the head upright with the eyes level and retake the photo");
    }
}
