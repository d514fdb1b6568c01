package cn.shangliang.open311;

/** An Open311 error, answered in the spec's form: {@code [{"code": 404, "description": "..."}]}. */
class Open311Exception extends RuntimeException {
  private final int code;

  Open311Exception(int code, String description) {
    super(description);
    this.code = code;
  }

  int code() {
    return code;
  }
}
