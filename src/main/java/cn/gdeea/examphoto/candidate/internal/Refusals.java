package cn.gdeea.examphoto.candidate.internal;

import cn.gdeea.examphoto.candidate.Journey;
import cn.gdeea.examphoto.web.ApiException;

/** What the candidate is told when the {@link Journey} refuses an action. */
final class Refusals {

    private Refusals() {
    }

    static ApiException of(Journey.Refusal refusal) {
        return switch (refusal) {
            case NOT_CHECKED -> ApiException.conflict(refusal.code(), "请先上传通过检测的照片",
                    "Upload a photo that passes the checks first");
            case ALREADY_COLLECTED -> ApiException.conflict(refusal.code(), "您的照片已采集成功，无需再次操作",
                    "Your photo has already been collected");
            case IN_MANUAL_REVIEW -> ApiException.conflict(refusal.code(),
                    "您已转入人工审核，请在“人工审核资料”中上传照片",
                    "You are in manual review; upload your photo with the review materials");
            case NO_ATTEMPTS_LEFT -> ApiException.conflict(refusal.code(), "人证核验次数已用完",
                    "No verification attempts left");
            case NOT_VERIFIED -> ApiException.conflict(refusal.code(), "该照片未通过人证核验，不能提交",
                    "This photo has not been verified");
            case NOT_IN_REVIEW -> ApiException.conflict(refusal.code(), "您当前无需提交人工审核资料",
                    "You do not need to send manual-review materials");
            case NOT_PENDING -> ApiException.conflict(refusal.code(), "考生状态已变化，无法作出该决定",
                    "The candidate's state has changed; the decision cannot be applied");
            case NOT_ELIGIBLE -> ApiException.conflict(refusal.code(), "当前状态不能申请人工审核",
                    "Manual review cannot be requested now");
        };
    }
}
