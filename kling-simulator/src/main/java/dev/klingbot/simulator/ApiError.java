package dev.klingbot.simulator;

/** The Kling error codes the simulator answers, with their HTTP status (kling-api.md). */
enum ApiError {
  AUTHENTICATION_FAILED(401, 1000),
  AUTHORIZATION_EMPTY(401, 1001),
  AUTHORIZATION_INVALID(401, 1002),
  TOKEN_NOT_YET_VALID(401, 1003),
  TOKEN_EXPIRED(401, 1004),
  RESOURCE_PACK_EXHAUSTED(429, 1102),
  INVALID_REQUEST(400, 1200),
  INVALID_PARAMETER(400, 1201),
  INVALID_METHOD(404, 1202),
  RESOURCE_NOT_FOUND(404, 1203),
  TOO_MANY_REQUESTS(429, 1302),
  TOO_MANY_PARALLEL_TASKS(429, 1303),
  INTERNAL_ERROR(500, 5000),
  SERVICE_UNAVAILABLE(503, 5001);

  private final int httpStatus;
  private final int code;

  ApiError(int httpStatus, int code) {
    this.httpStatus = httpStatus;
    this.code = code;
  }

  int httpStatus() {
    return httpStatus;
  }

  int code() {
    return code;
  }

  ApiException exception(String message) {
    return new ApiException(this, message);
  }
}
