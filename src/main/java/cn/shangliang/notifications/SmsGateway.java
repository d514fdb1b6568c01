package cn.shangliang.notifications;

/**
 * Text messages to a submitter's phone. An installation with an SMS provider supplies a bean of its own;
 * without one, {@link LoggingSmsGateway} records that a message was due (without its secret part).
 */
public interface SmsGateway {

  /** Tells the submitter the access code of their demand. Called after the demand is committed. */
  void sendAccessCode(String phone, String trackingCode, String accessCode);

  /** The text the submitter receives; a gateway may use its own approved template instead. */
  static String accessCodeText(String trackingCode, String accessCode) {
    return "【有事好商量】您的诉求已受理，受理编号 " + trackingCode + "，查询码 " + accessCode
        + "。评价办理结果时需要查询码，请妥善保存，勿告诉他人。";
  }
}
