package cn.gdeea.examphoto.photo.internal;

import cn.gdeea.examphoto.face.Box;
import cn.gdeea.examphoto.photo.CheckResult;
import cn.gdeea.examphoto.photo.CheckSettings;

/**
 * Face position (拍照要求): the face centred left to right, the eyes at a sensible height, room
 * above the head for the hair and below the chin for the shoulders, so the standard photo can be
 * cut out around it. Each rule is a margin in shares of the photo; the rule broken by most
 * decides, and its measured value and bound are reported.
 */
final class FacePositionCheck implements PhotoCheck {

    static final String ID = "face_position";
    /** The top of the skull above the eye line, in eye distances (hair may reach higher). */
    static final double HEAD_TOP = -1.8;

    @Override
    public String id() {
        return ID;
    }

    @Override
    public CheckResult check(FacePhoto photo) {
        CheckSettings s = photo.settings();
        FaceFrame frame = photo.frame();
        double w = photo.image().width();
        double h = photo.image().height();
        // The head outline's middle (landmarks 0 and 16): unlike the eyes, it stays put when the head turns.
        var jaw = photo.face().landmarks().jaw();
        double centre = (jaw.get(0).x() + jaw.get(16).x()) / 2 / w;
        double eyeLine = frame.y(0, 0) / h;
        double headTop = Math.min(frame.y(-0.9, HEAD_TOP), Math.min(frame.y(0, HEAD_TOP), frame.y(0.9, HEAD_TOP))) / h;
        double chinRoom = 1 - frame.y(0, frame.v(8)) / h;
        Box head = frame.imageBox(-1.2, HEAD_TOP, 1.2, frame.v(8));

        double maxOffset = s.get("face-position.max-offset", 0.12);
        double minHeadroom = s.get("face-position.min-headroom", 0.0);
        double minChinRoom = s.get("face-position.min-chin-room", 0.10);
        double minEyeLine = s.get("face-position.min-eye-line", 0.22);
        double maxEyeLine = s.get("face-position.max-eye-line", 0.60);

        String retakeCentred = "请将头部置于画面中央后重新拍照";
        String retakeCentredEn = "Put the head in the middle of the picture and retake the photo";
        Rule worst = Rule.worstOf(
                new Rule(Math.abs(centre - 0.5), maxOffset, maxOffset - Math.abs(centre - 0.5),
                        centre < 0.5 ? "人像没有居中，偏向画面左侧" : "人像没有居中，偏向画面右侧",
                        centre < 0.5 ? "The face is not centred: it is too far to the left"
                                : "The face is not centred: it is too far to the right",
                        retakeCentred, retakeCentredEn),
                new Rule(headTop, minHeadroom, headTop - minHeadroom,
                        "头顶超出画面，头部不完整", "The top of the head is cut off",
                        "请将整个头部（包括头发）拍进画面，头顶上方留出空间后重新拍照",
                        "Get the whole head, hair included, into the picture with some space above it, and retake the photo"),
                new Rule(chinRoom, minChinRoom, chinRoom - minChinRoom,
                        "人像位置太低，肩部没有拍进画面", "The face is too low and the shoulders are not in the picture",
                        "请将镜头下移或让头部位于画面中上部后重新拍照",
                        "Aim lower so the head sits in the upper middle of the picture, and retake the photo"),
                new Rule(eyeLine, minEyeLine, eyeLine - minEyeLine,
                        "人像位置太高", "The face is too high",
                        "请让头部位于画面中上部，头顶上方留出少量空间后重新拍照",
                        "Put the head in the upper middle of the picture with a little space above it, and retake the photo"),
                new Rule(eyeLine, maxEyeLine, maxEyeLine - eyeLine,
                        "人像位置太低，头顶上方空白太多", "The face is too low, with too much space above the head",
                        "请让头部位于画面中上部后重新拍照", "Put the head in the upper middle of the picture and retake the photo"));
        if (worst.margin() < 0) {
            return CheckResult.failed(ID, worst.value(), worst.bound(), head, worst.reason(), worst.reasonEn(),
                    worst.advice(), worst.adviceEn());
        }
        return CheckResult.passed(ID, worst.value(), worst.bound(), head);
    }

    /** One placement rule: measured value, its bound, and how far inside the bound it is. */
    private record Rule(double value, double bound, double margin, String reason, String reasonEn, String advice,
                        String adviceEn) {

        static Rule worstOf(Rule... rules) {
            Rule worst = rules[0];
            for (Rule r : rules) {
                if (r.margin < worst.margin) {
                    worst = r;
                }
            }
            return worst;
        }
    }
}
