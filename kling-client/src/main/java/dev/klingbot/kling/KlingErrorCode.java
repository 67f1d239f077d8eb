package dev.klingbot.kling;

/**
 * The error codes Kling answers with (the body {@code code} of the envelope), plus a few kinds the
 * SDK raises itself. Each carries a plain-English sentence that can be shown to a user or an admin.
 *
 * <p>Codes the SDK raises itself have {@link #apiCode()} {@code -1}.
 */
public enum KlingErrorCode {
  AUTHENTICATION_FAILED(1000, Sentences.CREDENTIALS),
  AUTHORIZATION_HEADER_EMPTY(1001, Sentences.CREDENTIALS),
  AUTHORIZATION_HEADER_INVALID(1002, Sentences.CREDENTIALS),
  TOKEN_NOT_YET_VALID(
      1003, "Kling did not accept the bot's sign-in token yet; an admin should check the clock."),
  TOKEN_EXPIRED(1004, Sentences.CREDENTIALS),
  ACCOUNT_PROBLEM(
      1100, "The Kling account has a problem; an admin must check it in the Kling console."),
  ACCOUNT_IN_ARREARS(1101, Sentences.OUT_OF_CREDIT),
  RESOURCE_PACK_EXHAUSTED(1102, Sentences.OUT_OF_CREDIT),
  NO_PERMISSION(
      1103, "The Kling account may not use this API or model; an admin must enable it first."),
  INVALID_REQUEST(1200, Sentences.INVALID),
  INVALID_PARAMETER(1201, Sentences.INVALID),
  INVALID_METHOD(1202, Sentences.INVALID),
  RESOURCE_NOT_FOUND(
      1203, "Kling no longer has this task or session (they expire); start the edit again."),
  POLICY_VIOLATION(1300, Sentences.CONTENT),
  CONTENT_SAFETY(1301, Sentences.CONTENT),
  RATE_LIMITED(1302, "Kling is receiving too many requests; try again in a minute."),
  PARALLEL_TASK_LIMIT(
      1303, "Too many Kling tasks are running at once; the edit waits for a free slot."),
  IP_NOT_ALLOWED(
      1304, "Kling refused the bot's network address; an admin must check the IP allow-list."),
  INTERNAL_ERROR(5000, Sentences.KLING_DOWN),
  SERVICE_UNAVAILABLE(
      5001, "Kling is under maintenance or unavailable right now; try again later."),
  INTERNAL_TIMEOUT(5002, Sentences.KLING_DOWN),

  /** {@code data.status} of an init-selection answer was not 0. */
  VIDEO_REJECTED(
      -1,
      "Kling could not recognise the video; try another clip (MP4 or MOV, 2-5 s or 7-10 s long,"
          + " 720-2160 px per side, 24, 30 or 60 fps)."),
  /** {@code data.status} of an add- or delete-selection answer was not 0. */
  SELECTION_REJECTED(-1, "Kling could not use the marked points; mark the element again."),
  /** No answer: I/O error, dropped connection or timeout. */
  NETWORK_ERROR(-1, "Kling could not be reached; try again later."),
  /** The answer was not the JSON envelope Kling sends. */
  INVALID_RESPONSE(-1, "Kling sent an answer the bot could not read; try again later."),
  /** A create call failed in a way that leaves open whether the task was created. */
  OUTCOME_UNKNOWN(
      -1, "It is not known whether Kling accepted the task; check for it before submitting again."),
  /** The call was interrupted while waiting to retry. */
  INTERRUPTED(-1, "The call to Kling was interrupted; try again."),
  /** Any code not listed here. */
  UNKNOWN(-1, "Kling returned an unexpected error; try again later.");

  private final int apiCode;
  private final String userMessage;

  KlingErrorCode(int apiCode, String userMessage) {
    this.apiCode = apiCode;
    this.userMessage = userMessage;
  }

  /** The body {@code code} Kling answers with, or -1 for kinds the SDK raises itself. */
  public int apiCode() {
    return apiCode;
  }

  /** A plain-English sentence for users and admins; never contains request data. */
  public String userMessage() {
    return userMessage;
  }

  /** Whether Kling sent this code ({@code apiCode() > 0}). */
  public boolean isApiCode() {
    return apiCode > 0;
  }

  /** The enum constant for a body {@code code}; {@link #UNKNOWN} for codes not listed. */
  public static KlingErrorCode fromApiCode(int code) {
    for (KlingErrorCode value : values()) {
      if (value.apiCode == code && value.apiCode > 0) {
        return value;
      }
    }
    return UNKNOWN;
  }

  private static final class Sentences {
    static final String CREDENTIALS =
        "Kling rejected the bot's credentials; an admin must check the Kling API key.";
    static final String OUT_OF_CREDIT =
        "The Kling account is out of credit; an admin must top it up.";
    static final String INVALID =
        "Kling refused the request as invalid; check the video, the images and the instruction.";
    static final String CONTENT = "Kling refused the content; rephrase the instruction.";
    static final String KLING_DOWN = "Kling had an internal problem; try again later.";

    private Sentences() {}
  }
}
